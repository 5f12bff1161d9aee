// English strings of the connection screen (i18next namespace `connections`).
const en = {
  title: 'Connect to an organization',
  intro: 'Sign in to JMap Cloud to manage your organization’s API keys, or open the local organization to try KeyDesk on this computer.',
  cloud: {
    title: 'Connect to JMap Cloud',
    serverUrl: 'Server URL',
    email: 'Email',
    password: 'Password',
    showPassword: 'Show password',
    hidePassword: 'Hide password',
    remember: 'Remember me',
    rememberHint: 'Stay signed in on this computer. The sign-in is kept in the system keychain, never in a file.',
    connect: 'Connect',
    connectWithoutRemembering: 'Connect without remembering',
    reconnect: 'Enter your password to reconnect as {{username}}.',
  },
  validation: {
    serverUrl: 'Enter the server address, for example https://api.jmapcloud.io.',
    serverUrlHttps: 'The server address must use https (http only for this computer: 127.0.0.1 or localhost).',
    email: 'Enter your email.',
    password: 'Enter your password.',
  },
  saved: {
    title: 'Saved connections',
    empty: 'The connections you open are listed here.',
    connect: 'Connect',
    connectTo: 'Connect to {{label}}',
    remove: 'Remove',
    removeLabel: 'Remove {{label}}',
    remembered: 'Signs in without a password',
    needsPassword: 'Asks for your password',
    loadFailed: 'The saved connections could not be read. {{message}}',
  },
  remove: {
    title: 'Remove this connection?',
    body: 'KeyDesk will forget {{label}} ({{username}}) and its saved sign-in. The organization and its API keys are not affected.',
    confirm: 'Remove',
  },
  local: {
    title: 'Local organization',
    body: 'A demo organization that runs on this computer, with sample API keys. No network or account needed.',
    open: 'Open local organization',
  },
  picker: {
    title: 'Choose an organization',
    body: 'Your account belongs to several organizations. Choose the one whose API keys you want to manage.',
    administrator: 'Administrator',
    notAdministrator: 'Not an administrator: API keys cannot be managed here',
  },
};

export default en;
