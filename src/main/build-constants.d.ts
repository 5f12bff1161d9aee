/**
 * Set by electron.vite.config.ts (`define`): the CSP sources ('sha256-…') of the inline scripts
 * of the Vite dev page; used only when the page comes from the dev server.
 */
declare const __KEYDESK_DEV_PAGE_SCRIPT_HASHES__: readonly string[];
