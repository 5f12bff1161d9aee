// The rotation feature's dialogs on the keys page ("Replace key…", "Edit…", the replacements
// under way), one at a time from stores/key-change-store.ts, and what they have to say
// afterwards; the app menu's show-ended-overlaps (the reminder of an ended overlap) opens
// the replacements.
import Alert from '@mui/material/Alert';
import Snackbar from '@mui/material/Snackbar';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { keyOfRecord, useKeyChangeStore } from '@renderer/features/api-keys/stores/key-change-store';
import { EditApiKeyDialog } from '@renderer/features/api-keys/components/edit/edit-api-key-dialog';
import { ReplacementsDialog } from '@renderer/features/api-keys/components/rotate/replacements-dialog';
import { RotateApiKeyDialog } from '@renderer/features/api-keys/components/rotate/rotate-api-key-dialog';

type Props = { locale: string; canEdit: boolean };

export function KeyChangeDialogs({ locale, canEdit }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const dialog = useKeyChangeStore((state) => state.dialog);
  const { open, close } = useKeyChangeStore.getState();
  const [notice, setNotice] = useState<string | null>(null);
  useMenuCommand('show-ended-overlaps', () => open({ kind: 'replacements' }));
  // The page goes with its organization: so does any dialog of its keys.
  useEffect(() => close, [close]);

  return (
    <>
      {dialog.kind === 'rotate' && <RotateApiKeyDialog key={dialog.apiKey.id} apiKey={dialog.apiKey} resume={dialog.resume} locale={locale} onClose={close} />}
      {dialog.kind === 'edit' && (
        <EditApiKeyDialog
          key={dialog.apiKey.id}
          apiKey={dialog.apiKey}
          canEdit={canEdit}
          locale={locale}
          onClose={close}
          onSaved={(saved) => {
            close();
            setNotice(t('keyChange.edit.saved', { title: saved.title }));
          }}
          onRotateInstead={() => open({ kind: 'rotate', apiKey: dialog.apiKey })}
        />
      )}
      {dialog.kind === 'replacements' && (
        <ReplacementsDialog
          locale={locale}
          onClose={close}
          onContinue={(rotation) => open({ kind: 'rotate', apiKey: keyOfRecord(rotation), resume: rotation })}
          onDismissed={(rotation) => setNotice(t('keyChange.replacements.dismissed', { old: rotation.oldKey.title }))}
        />
      )}
      <Snackbar open={notice !== null} autoHideDuration={6000} onClose={(_event, reason) => reason !== 'clickaway' && setNotice(null)} anchorOrigin={{ vertical: 'bottom', horizontal: 'left' }}>
        {notice === null ? undefined : (
          <Alert severity="success" variant="filled" onClose={() => setNotice(null)}>
            {notice}
          </Alert>
        )}
      </Snackbar>
    </>
  );
}
