// English strings shared by the app shell and every feature (i18next namespace `common`).
const en = {
  appName: 'KeyDesk',
  loading: 'Loading…',
  actions: {
    cancel: 'Cancel',
    close: 'Close',
    ok: 'OK',
    reload: 'Reload',
    retry: 'Retry',
  },
  theme: {
    label: 'Theme',
    system: 'System',
    light: 'Light',
    dark: 'Dark',
  },
  language: {
    label: 'Language',
    en: 'English',
    fr: 'Français',
  },
  settings: {
    saveFailed: 'KeyDesk could not save this setting. {{message}}',
  },
  fileRecovery: {
    connections: 'Your saved connections could not be read, so KeyDesk started without them. The unreadable file was kept as {{movedTo}}.',
    settings: 'Your settings could not be read, so KeyDesk started with the defaults. The unreadable file was kept as {{movedTo}}.',
  },
  session: {
    ended: 'Your session has ended: the sign-in was revoked or expired. Connect again to go on.',
  },
  organization: {
    switch: 'Switch organization',
    switcherLabel: 'Switch organization: {{name}}',
    current: 'Current organization',
    notAdministrator: 'Managing API keys needs the Administrator role',
    switchFailed: 'KeyDesk could not switch organizations. {{message}}',
  },
  account: {
    label: 'Account: {{name}}',
    signedInAs: 'Signed in as',
    signOut: 'Sign out',
    signOutFailed: 'Signing out did not finish cleanly. {{message}}',
    about: 'About KeyDesk',
    localOrganization: 'Local organization',
  },
  about: {
    title: 'About KeyDesk',
    description: 'KeyDesk lets the administrators of a JMap Cloud organization manage its API keys.',
    version: 'Version',
    host: 'Running as',
    hostElectron: 'Desktop app',
    hostWeb: 'Web preview',
    platform: 'Platform',
    loadFailed: 'KeyDesk could not read its version. {{message}}',
  },
  updates: {
    automatic: 'Check for updates automatically',
    check: 'Check for updates',
    status: {
      unsupported: 'Updates only work in an installed copy of KeyDesk.',
      'up-to-date': 'KeyDesk is up to date.',
      available: 'A new version of KeyDesk is available; it is downloaded and installed when you quit.',
      error: 'The check for updates failed. Try again later.',
    },
  },
  errorBoundary: {
    title: 'Something went wrong',
    message: 'KeyDesk ran into an unexpected problem and cannot show this screen. Reload to start again; nothing in your organization was changed by this.',
    reload: 'Reload',
  },
};

export default en;
