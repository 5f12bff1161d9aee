// English strings of the app shell: session, organization, account, start-up notices
// (i18next namespace `app`).
const en = {
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
    switchingTo: 'Switching to {{name}}',
  },
  views: {
    label: 'Views',
    keys: 'API keys',
    activity: 'Activity',
  },
  account: {
    label: 'Account: {{name}}',
    signedInAs: 'Signed in as',
    expiryWarnings: 'Expiry warnings…',
    signOut: 'Sign out',
    signOutFailed: 'Signing out did not finish cleanly. {{message}}',
    about: 'About KeyDesk',
    localOrganization: 'Local organization',
  },
  errorBoundary: {
    title: 'Something went wrong',
    message: 'KeyDesk ran into an unexpected problem and cannot show this screen. Reload to start again; nothing in your organization was changed by this.',
    reload: 'Reload',
  },
};

export default en;
