// Plays the person in the browser for the identity provider's sign-in page, over real HTTP:
// opens the authorization URL, fills in the form it is served (hidden fields included) and
// submits it, and says where the provider redirects. No HTML library: the page is ours and
// small, and a regular expression over its inputs is what a test needs.
export interface SignInPageAnswer {
  readonly status: number;
  readonly html: string;
  readonly headers: Headers;
  /** The redirect's target, when the provider answered with one. */
  readonly location: string | null;
}

async function exchange(url: string, init: RequestInit = {}): Promise<SignInPageAnswer> {
  const response = await fetch(url, { ...init, redirect: 'manual' });
  return { status: response.status, html: await response.text(), headers: response.headers, location: response.headers.get('location') };
}

/** The hidden fields the page carries, in order. */
export function hiddenFields(html: string): [string, string][] {
  const decode = (text: string): string =>
    text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity] ?? '');
  return [...html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)].map((match) => [decode(match[1] ?? ''), decode(match[2] ?? '')]);
}

export const openSignInPage = (authorizationUrl: string): Promise<SignInPageAnswer> => exchange(authorizationUrl);

/** Submits the page's form as the person would: `action` is the button pressed. */
export function submitSignInForm(
  authorizationUrl: string,
  page: SignInPageAnswer,
  fields: { email?: string; password?: string; action?: 'sign-in' | 'cancel' },
): Promise<SignInPageAnswer> {
  const form = new URLSearchParams(hiddenFields(page.html));
  if (fields.email !== undefined) form.set('email', fields.email);
  if (fields.password !== undefined) form.set('password', fields.password);
  form.set('action', fields.action ?? 'sign-in');
  return exchange(new URL('/authorize', authorizationUrl).href, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

/** Opens the page and signs in; the provider's redirect (to the client's loopback listener). */
export async function signInThroughPage(authorizationUrl: string, email: string, password: string): Promise<SignInPageAnswer> {
  const page = await openSignInPage(authorizationUrl);
  if (page.status !== 200) return page;
  return submitSignInForm(authorizationUrl, page, { email, password });
}
