// English strings of "About KeyDesk" and the update check (i18next namespace `about`).
const en = {
  title: 'About KeyDesk',
  description: 'KeyDesk lets the administrators of a JMap Cloud organization manage its API keys.',
  version: 'Version',
  host: 'Running as',
  hostElectron: 'Desktop app',
  hostWeb: 'Web preview',
  platform: 'Platform',
  loadFailed: 'KeyDesk could not read its version. {{message}}',
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
};

export default en;
