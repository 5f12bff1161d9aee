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
};

export default en;
