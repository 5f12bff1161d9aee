// Every error's sentence, said from codes and details (never from the services' messages,
// which are diagnostics): by KeyDesk's reason first (with the values it names), else by the
// server's code, else by KeyDesk's code. These English lines are the shape every translation
// follows. See errorMessage in error-message.ts.
import type { ErrorReason } from '@shared/errors';

const reasons = {
  'server-unreachable': 'The server could not be reached at {{serverUrl}}. Check the address and your network connection.',
  'server-timeout': 'The server at {{serverUrl}} did not answer within {{seconds}} seconds. Check your network connection and try again.',
  'server-failed': 'The server at {{serverUrl}} had a problem (HTTP {{httpStatus}}). Try again later.',
  'server-unreadable': 'The server at {{serverUrl}} sent an answer KeyDesk does not understand. Is this a JMap Cloud server?',
  'no-api-at-address': 'Nothing at {{serverUrl}} answers as JMap Cloud’s API. Check the server address (JMap Cloud’s is https://api.jmapcloud.io).',
  'session-ended': 'Your session has ended; sign in again.',
  'sign-in-expired': 'The sign-in has expired; sign in again.',
  'no-organization': 'Your account does not belong to any organization. Ask an administrator of your organization to add you.',
  'not-a-member': 'You are not a member of this organization.',
  'no-longer-member': 'You are no longer a member of {{organization}}. Ask one of its administrators to add you again.',
  'not-administrator': 'Managing API keys needs the Administrator role in {{organization}}. Ask an administrator of {{organization}} for it.',
  'saved-connection-missing': 'This saved connection no longer exists. Sign in with the form instead.',
  'no-saved-sign-in': 'Enter your password to connect to {{connection}}: KeyDesk keeps no sign-in for it.',
  'local-organization-start-failed': 'The local organization could not be started. Restart KeyDesk and try again.',
  'local-organization-crashed':
    'The local organization could not start. Restart KeyDesk; if it persists, remove the folder “local-organization” in KeyDesk’s user-data folder.',
  'local-organization-refused-admin': 'The local organization did not accept its own demo administrator. Restart KeyDesk and try again.',
  'local-organization-no-organization': 'The local organization has no organization its demo administrator can manage.',
  'local-organization-password-unknown':
    'This database holds no demo organization whose password is known: start the web preview with --admin-password, or without --db.',
  'keychain-unavailable-macos':
    'KeyDesk could not use the macOS Keychain. Unlock your login keychain (Keychain Access) and allow KeyDesk to use it, then try again. Or sign in without “Remember me” to use this connection for this session only.',
  'keychain-unavailable-windows':
    'KeyDesk could not use Windows Credential Manager. Make sure Credential Manager is available for your Windows account, then try again. Or sign in without “Remember me” to use this connection for this session only.',
  'keychain-unavailable-linux':
    'KeyDesk could not use the system keychain. Install a Secret Service such as gnome-keyring (with libsecret), make sure your login keyring is unlocked, then try again. Or sign in without “Remember me” to use this connection for this session only.',
  'file-unreadable': 'KeyDesk could not read {{path}} ({{fsCode}}). Check that its folder is readable and the disk is not failing.',
  'file-unwritable': 'KeyDesk could not write {{path}} ({{fsCode}}). Check that its folder is writable and the disk is not full.',
  'secret-gone': 'The secret of this key is no longer available: it is shown only while the creation window is open.',
  'key-deletion-running': 'KeyDesk is already working on this key: wait for it to finish.',
  'key-keeps-gaining-access': 'The key keeps gaining access to resources while KeyDesk transfers them: stop what uses the key, then resume.',
  'too-many-keys-to-evaluate': 'This server cannot filter or sort API keys itself, and its {{keyCount}} keys are too many for KeyDesk to do it here. Clear the filter or sort by creation date.',
  'key-edit-unsupported': 'This server cannot change a key’s name or expiration (JMap Cloud has no such call). Replace the key instead: the new key gets the same access, with a new secret.',
  'sso-session-ended': 'Your single sign-on session has ended; sign in again.',
  'no-saved-sso-sign-in': 'Sign in with single sign-on to connect to {{connection}}: KeyDesk keeps no sign-in for it.',
  'connection-uses-password': '{{connection}} signs in with a password, not with single sign-on.',
  'sso-needs-browser': 'Single sign-on needs a browser, which this window cannot open.',
  'browser-not-opened': 'KeyDesk could not open your browser for the sign-in. Check that a default browser is set, then try again.',
  'sso-timeout': 'The sign-in did not come back from the browser within {{minutes}} minutes. If you closed the browser tab, sign in again.',
  'identity-provider-unreachable': 'The identity provider could not be reached at {{issuer}}. Check its address and your network connection.',
  'identity-provider-timeout': 'The identity provider at {{issuer}} did not answer within {{seconds}} seconds. Check your network connection and try again.',
  'state-mismatch': 'The browser came back with a sign-in KeyDesk did not start: the sign-in was refused. Start it again from KeyDesk.',
  'issuer-mismatch': 'The answer did not come from the identity provider this connection names (its issuer): the sign-in was refused. Check the address (for Auth0, the tenant’s domain).',
  'audience-mismatch': 'The identity provider answered with a token made for another application (audience): the sign-in was refused. Ask your administrator to check the audience.',
  'nonce-mismatch': 'The identity provider answered for another sign-in: the sign-in was refused. Start it again.',
  'organization-mismatch': 'The identity provider signed you in to another organization than the one asked for. Sign in again and choose the organization.',
  'code-rejected': 'The identity provider refused the sign-in code. Sign in again.',
  'access-denied': 'The identity provider refused the sign-in. Ask your administrator whether your account may use KeyDesk.',
  'provider-error': 'The identity provider stopped the sign-in ({{providerError}}). Sign in again; if it happens again, ask your administrator.',
  'invalid-response': 'The identity provider sent an answer KeyDesk could not accept. Check the address of the identity provider, or ask your administrator.',
  'pkce-unsupported': 'The identity provider does not offer PKCE with S256, which KeyDesk requires to sign in safely. Ask your administrator to enable it.',
  'no-refresh-token': 'The identity provider gave no refresh token, so KeyDesk cannot keep you signed in. Ask your administrator to allow offline access for KeyDesk.',
  'browser-needed': 'This identity provider changes organization only through the browser: sign in again with single sign-on and choose the organization.',
  'expired': 'No sign-in is waiting for the browser any more: start it again.',
  'clipboard-refused': 'The clipboard refused the copy. Try again, or select the text and copy it yourself.',
  'services-unavailable': 'KeyDesk’s services are not available in this window. Restart the app.',
  'web-preview-unreachable': 'The web preview server does not answer. Is `npm run web` still running? Then reload the page.',
  'no-browser-clipboard': 'This browser gives the page no clipboard: select the text and copy it yourself.',
  'browser-refused-copy': 'The browser refused to copy (the page must have the focus). Click Copy again.',
} satisfies Record<ErrorReason, string>;

const en = {
  unexpected: 'Something went wrong. Try again.',
  reasons,
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
    TOO_MANY_SIGN_IN_ATTEMPTS: 'Too many failed sign-ins for this account. Wait a few minutes, then try again.',
    INVALID_TRANSFER_TARGET: 'Ownership can only go to a member with the Editor role.',
    RESOURCES_OWNED: 'This key owns resources: transfer them to an Editor member or delete them with the key.',
    INVALID_EXPIRATION_DATE: 'The expiration date must be in the future.',
    INVALID_API_KEY_ROLE: 'An API key can only be Editor or Viewer.',
  },
  /** A server code whose sentence depends on its details (see errorMessage). */
  serverVariants: {
    signInBackoff: 'Too many failed sign-ins for this user from this computer. Try again in {{wait}}.',
    signInAccount: 'Too many failed sign-ins for this user: it is closed to computers it has not signed in from lately. Try again in {{wait}}.',
    signInClient: 'Too many failed sign-ins from this computer. Try again in {{wait}}.',
    expirationTooFar: 'The expiration date can be at most one year from today ({{latest}} at the latest): a key must be renewed at least once a year.',
  },
};

export default en;
