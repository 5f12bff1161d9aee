// The expiry watch's place in the app: its banner above the keys, whose "Show them" (and a
// click on a desktop notification) applies the grid's matching view and brings the keys
// forward (an ended overlap's "Show it" opens the rotation feature's "Key replacements",
// which offers the old key's delete), and the "Warn me N days before" dialog, opened from
// the banner or the account menu. The app wires them: features do not import each other.
import { useState } from 'react';
import { showExpiredKeys, showExpiringKeys } from '@renderer/features/api-keys/stores/expiry-views';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useKeyChangeStore } from '@renderer/features/api-keys/stores/key-change-store';
import { ExpiryBanner, type ExpiryView } from '@renderer/features/expiry-watch/components/expiry-banner';
import { ExpiryWarningDialog } from '@renderer/features/settings/components/expiry-warning-dialog';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';
import { useMenuCommand } from '@renderer/lib/menu-commands';

export function useExpiryWatch(showKeys: () => void): { banner: React.JSX.Element; dialog: React.JSX.Element | null; openSettings(): void } {
  const [settingsOpen, setSettingsOpen] = useState(false);
  // Bumped once a new number of days is saved: the counts are asked again with it.
  const [saved, setSaved] = useState(0);
  // Whenever the keys may have changed (a create, a delete, a refresh) or the days were
  // saved, the banner asks again; not on a sort or another page, which would re-render the
  // whole shell with each page of keys.
  const keysChangedAt = useApiKeysStore((state) => state.keysChangedAt);
  const warningDays = useSettingsStore((state) => state.settings.expiryWarningDays);

  const show = (view: ExpiryView): void => {
    showKeys();
    if (view.kind === 'expired') showExpiredKeys();
    else if (view.kind === 'ended-overlap') useKeyChangeStore.getState().open({ kind: 'replacements' });
    else showExpiringKeys(view.days);
  };
  useMenuCommand('show-expiring-keys', () => show({ kind: 'expiring', days: warningDays }));
  useMenuCommand('show-expired-keys', () => show({ kind: 'expired' }));
  // The reminder of an ended overlap: the keys come forward; the rotation feature opens its
  // "Key replacements" on the same command (key-change-dialogs.tsx).
  useMenuCommand('show-ended-overlaps', showKeys);

  return {
    banner: <ExpiryBanner refreshKey={`${keysChangedAt} ${saved}`} onShow={show} onSettings={() => setSettingsOpen(true)} />,
    dialog: settingsOpen ? <ExpiryWarningDialog onClose={() => setSettingsOpen(false)} onSaved={() => setSaved((count) => count + 1)} /> : null,
    openSettings: () => setSettingsOpen(true),
  };
}
