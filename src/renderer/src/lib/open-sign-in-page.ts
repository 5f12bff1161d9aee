// The web preview's "system browser" for single sign-on: the services cannot open a tab, so
// the page opens the identity provider's sign-in page in a new one, which knows nothing of
// this page (noopener). Electron opens the system browser itself (openedBy 'system').
export const openSignInPage = (url: string): void => void window.open(url, '_blank', 'noopener,noreferrer');
