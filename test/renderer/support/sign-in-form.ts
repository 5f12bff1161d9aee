// Fills and submits "Connect to JMap Cloud" as a user would.
import { screen } from '@testing-library/react';
import type { UserEvent } from '@testing-library/user-event';

export type SignInValues = { serverUrl: string; email: string; password: string; remember?: boolean };

export async function fillSignInForm(user: UserEvent, values: SignInValues): Promise<void> {
  const serverUrl = await screen.findByRole('textbox', { name: /Server URL/ });
  await user.clear(serverUrl);
  if (values.serverUrl !== '') await user.type(serverUrl, values.serverUrl);
  const email = screen.getByRole('textbox', { name: /Email/ });
  await user.clear(email);
  await user.type(email, values.email);
  const password = screen.getByLabelText(/^Password/);
  await user.clear(password);
  await user.type(password, values.password);
  const remember = screen.getByRole('checkbox', { name: 'Remember me' });
  if ((remember as HTMLInputElement).checked !== (values.remember ?? false)) await user.click(remember);
}

/** Fills the form and presses Enter in the password field (Enter submits). */
export async function signInWithForm(user: UserEvent, values: SignInValues): Promise<void> {
  await fillSignInForm(user, values);
  await user.type(screen.getByLabelText(/^Password/), '{Enter}');
}
