// Sentences for errors, by the server's code or else by KeyDesk's code. In English the
// services' own sentence is shown (it names the server, the organization, the key…); these
// English lines are the shape every translation follows. See errorMessage in lib/keydesk-client.ts.
const en = {
  unexpected: 'Something went wrong. Try again.',
  sessionEnded: 'Your session has ended; sign in again.',
  needsPassword: 'Enter your password to connect: KeyDesk keeps no sign-in for this connection.',
  byCode: {
    UNAUTHORIZED: 'The server did not accept your credentials. Check your email and password, or sign in again.',
    FORBIDDEN: 'You are not allowed to do this in this organization. Ask one of its administrators.',
    NOT_FOUND: 'It no longer exists: someone may have deleted it meanwhile.',
    CONFLICT: 'The server refused the change because it conflicts with the current state. Refresh, then try again.',
    VALIDATION: 'The server refused the request as invalid. Check the values entered, then try again.',
    RATE_LIMITED: 'Too many attempts. Wait a few minutes, then try again.',
    NETWORK: 'The server could not be reached. Check its address and your network, then try again.',
    SERVER: 'The server failed to answer. Try again in a moment.',
    NOT_CONNECTED: 'Connect to an organization first.',
    NOT_ADMINISTRATOR: 'Managing API keys needs the Administrator role in this organization. Ask one of its administrators for it.',
    KEYCHAIN_UNAVAILABLE:
      'The system keychain is not available, so KeyDesk cannot remember this sign-in. Unlock or install the keychain, or connect without remembering.',
    SECRET_LOST: 'The key was created, but its secret was lost in transit. Delete it and create a new one.',
    INVALID_ARGUMENT: 'KeyDesk refused an invalid request. Restart the app if it persists.',
    UNSUPPORTED: 'This is not available here.',
    CANCELLED: 'Cancelled: nothing was changed.',
    INTERNAL: 'Something went wrong inside KeyDesk. Try again; if it persists, restart the app.',
    SSO_TIMEOUT: 'The sign-in did not come back from the browser in time. If you closed the browser tab, sign in again.',
    SSO_CANCELLED: 'The sign-in was cancelled.',
    SSO_REFUSED: 'The single sign-on was refused. Sign in again; if it happens again, ask your administrator to check the identity provider settings.',
    IDENTITY_PROVIDER_UNREACHABLE: 'The identity provider could not be reached. Check its address and your network, then try again.',
  },
  byServerCode: {
    INVALID_CREDENTIALS: 'The email or the password is incorrect.',
    TOO_MANY_SIGN_IN_ATTEMPTS: 'Too many failed sign-ins for this account. Wait 15 minutes, then try again.',
    INVALID_TRANSFER_TARGET: 'Ownership can only go to a member with the Editor role.',
    RESOURCES_OWNED: 'This key owns resources: transfer them to an Editor member or delete them with the key.',
    INVALID_EXPIRATION_DATE: 'The expiration date must be in the future.',
    INVALID_API_KEY_ROLE: 'An API key can only be Editor or Viewer.',
  },
};

export default en;
