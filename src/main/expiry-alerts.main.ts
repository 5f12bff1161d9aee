// The expiry watch's desktop ports: a system notification per notice (Electron's
// Notification, from the main process, so no page permission is involved; a click brings
// the window forward on the matching keys), and the count badge: app.setBadgeCount on
// macOS (Dock) and Linux (launchers with the LauncherEntry API, matched by desktopName),
// an overlay icon on the Windows taskbar, where setBadgeCount does nothing.
import { app, nativeImage, Notification, type BrowserWindow } from 'electron';
import type { BadgePort, ExpiryNotifier } from '../shared/expiry-watch';
import { MENU_COMMAND_CHANNEL } from '../shared/ipc-contract';
import type { Settings } from '../shared/settings';
import type { Logger } from '../services/logger';
import { badgePng } from './badge-image';
import type { MenuCommand } from '../shared/ipc-contract';
import { badgeDescription, expiryNoticeText, overlapNoticeText } from './expiry-notice-text';

export function createExpiryAlerts(options: {
  getMainWindow: () => BrowserWindow | null;
  language: () => Settings['language'];
  log: Logger;
}): { notifier: ExpiryNotifier; badge: BadgePort } {
  // A notification the garbage collector takes loses its click handler: kept until closed.
  const shown = new Set<Notification>();
  let count = 0;

  const window = (): BrowserWindow | null => {
    const main = options.getMainWindow();
    return main && !main.isDestroyed() ? main : null;
  };

  const applyOverlay = (): void => {
    const main = window();
    if (process.platform !== 'win32' || !main) return;
    main.setOverlayIcon(count > 0 ? nativeImage.createFromBuffer(badgePng(count), { scaleFactor: 2 }) : null, count > 0 ? badgeDescription(count, options.language()) : '');
  };

  /** A notification that brings the window forward on `command` when clicked. */
  const show = (text: { title: string; body: string }, command: MenuCommand, kind: string): void => {
    if (!Notification.isSupported()) return;
    const notification = new Notification({ ...text, silent: false });
    shown.add(notification);
    notification.on('click', () => {
      const main = window();
      if (!main) return;
      if (main.isMinimized()) main.restore();
      main.show();
      main.focus();
      main.webContents.send(MENU_COMMAND_CHANNEL, command);
    });
    notification.on('close', () => shown.delete(notification));
    notification.on('failed', () => {
      shown.delete(notification);
      options.log.warn('A system notification could not be shown', { kind });
    });
    notification.show();
  };

  return {
    notifier: {
      notify(notice) {
        show(expiryNoticeText(notice, options.language()), notice.kind === 'expired' ? 'show-expired-keys' : 'show-expiring-keys', notice.kind);
      },
      remind(notice) {
        show(overlapNoticeText(notice, options.language()), 'show-ended-overlaps', 'overlap-ended');
      },
    },
    badge: {
      setCount(next) {
        count = next;
        if (process.platform === 'win32') applyOverlay();
        else app.setBadgeCount(next);
      },
    },
  };
}
