// The sign-in form's own checks, before anything is sent: i18n keys (namespace
// connections) of what is missing or wrong, by field.
import { MAX_PASSWORD_LENGTH, MAX_USERNAME_LENGTH } from '@shared/session';
import { parseTypedUrl, type TypedUrlProblem } from '@shared/typed-url';

export type SignInValues = { serverUrl: string; username: string; password: string };
export type SignInField = keyof SignInValues;
export type SignInCheck =
  | 'validation.serverUrl'
  | 'validation.serverUrlHttps'
  | 'validation.serverUrlExtras'
  | 'validation.serverUrlTooLong'
  | 'validation.email'
  | 'validation.emailTooLong'
  | 'validation.password'
  | 'validation.passwordTooLong';

const SERVER_URL_CHECKS: Record<TypedUrlProblem, SignInCheck> = {
  missing: 'validation.serverUrl',
  'not-a-url': 'validation.serverUrl',
  'too-long': 'validation.serverUrlTooLong',
  extras: 'validation.serverUrlExtras',
  'needs-https': 'validation.serverUrlHttps',
};

/** The form's fields in the order a user fixes them (the focus goes to the first problem). */
export const SIGN_IN_FIELDS: readonly SignInField[] = ['serverUrl', 'username', 'password'];

/** Every bound the contract's signIn holds the values to, checked here first: a refusal there is a form that did not check. */
export function checkSignIn(values: SignInValues): Partial<Record<SignInField, SignInCheck>> {
  const found: Partial<Record<SignInField, SignInCheck>> = {};
  const serverUrl = parseTypedUrl(values.serverUrl);
  if (typeof serverUrl === 'string') found.serverUrl = SERVER_URL_CHECKS[serverUrl];
  const username = values.username.trim();
  if (!username) found.username = 'validation.email';
  else if (username.length > MAX_USERNAME_LENGTH) found.username = 'validation.emailTooLong';
  if (!values.password) found.password = 'validation.password';
  else if (values.password.length > MAX_PASSWORD_LENGTH) found.password = 'validation.passwordTooLong';
  return found;
}
