// The sign-in form's own checks, before anything is sent: i18n keys (namespace
// connections) of what is missing or wrong, by field.
import { serverUrlSchema } from '@shared/session';

export type SignInValues = { serverUrl: string; username: string; password: string };
export type SignInField = keyof SignInValues;
export type SignInCheck = 'validation.serverUrl' | 'validation.serverUrlHttps' | 'validation.email' | 'validation.password';

/** The form's fields in the order a user fixes them (the focus goes to the first problem). */
export const SIGN_IN_FIELDS: readonly SignInField[] = ['serverUrl', 'username', 'password'];

export function checkSignIn(values: SignInValues): Partial<Record<SignInField, SignInCheck>> {
  const found: Partial<Record<SignInField, SignInCheck>> = {};
  const serverUrl = values.serverUrl.trim();
  if (!serverUrlSchema.safeParse(serverUrl).success) found.serverUrl = /^https?:\/\//i.test(serverUrl) ? 'validation.serverUrlHttps' : 'validation.serverUrl';
  if (!values.username.trim()) found.username = 'validation.email';
  if (!values.password) found.password = 'validation.password';
  return found;
}
