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
  /** A screen or dialog that failed to render (components/screen-boundary.tsx). */
  screenProblem: {
    title: 'This part of KeyDesk ran into a problem',
    message: 'It could not be shown, and nothing in your organization was changed by it. Try again; if it happens again, go on from elsewhere.',
    retry: 'Try again',
    backToKeys: 'Back to the keys',
    signOut: 'Sign out',
  },
};

export default en;
