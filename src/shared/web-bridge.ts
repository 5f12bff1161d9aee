// The wire between the web preview's page and its server (src/web): where the bridge
// answers, and how the page proves it was served by this run. Both sides import these.

/** Each contract method is `POST {BRIDGE_PATH}{method}`. */
export const BRIDGE_PATH = '/__keydesk/';
/** The per-run session token, sent back by the page on every bridge call. */
export const TOKEN_HEADER = 'X-KeyDesk-Token';
/** The <meta name> through which the server hands the page its token. */
export const TOKEN_META_NAME = 'keydesk-bridge-token';
