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
    found: {
      notPackaged: 'Updates only work in an installed copy of KeyDesk; this one runs from the source tree.',
      updaterInactive:
        'This copy of KeyDesk cannot update itself. On Linux, updates work in the AppImage, deb and rpm packages; install one of them to get updates.',
      upToDate: 'KeyDesk {{currentVersion}} is the latest version.',
      available: 'KeyDesk {{version}} is available (you have {{currentVersion}}). It is downloading in the background and will be installed when you quit KeyDesk.',
      downloading: 'KeyDesk {{version}} is downloading in the background and will be installed when you quit KeyDesk.',
      downloaded: 'KeyDesk {{version}} has been downloaded and will be installed when you quit KeyDesk.',
    },
    failed: {
      unknown: 'The update check failed. Try again later.',
      unknownCode: 'The update check failed ({{code}}). Try again later.',
      noRelease: 'No KeyDesk release was found on the update server. Try again later, or ask whoever distributes KeyDesk where its updates are published.',
      unreadable: 'The update server sent update information that KeyDesk cannot read. Try again later.',
      signature: 'The update was refused because its signature could not be verified. Download KeyDesk again from its official page.',
      certificate: 'The update server’s certificate was refused ({{code}}). Check your network’s proxy settings.',
      network: 'Could not reach the update server ({{code}}). Check your network connection and try again.',
      accessRefused: 'The update server refused access (HTTP {{httpStatus}}).',
      serverFailed: 'The update server had a problem (HTTP {{httpStatus}}). Try again later.',
      http: 'The update server answered HTTP {{httpStatus}}. Try again later.',
    },
  },
};

export default en;
