// "Connect to JMap Cloud": server URL, email, password, "Remember me". Each failure is said
// next to what caused it; the password lives in this component's state only.
import { Alert, Box, Button, Checkbox, FormControlLabel, FormHelperText, Stack, TextField } from '@mui/material';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationMembership } from '@shared/api-types';
import { JMAP_CLOUD_URL, serverUrlSchema, type SessionInfo } from '@shared/session';
import { call } from '@renderer/lib/keydesk-client';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { placeSignInError, type ErrorPlace } from '@renderer/features/connections/lib/sign-in-errors';
import { OrganizationPickerDialog } from '@renderer/features/connections/components/organization-picker-dialog';
import { PasswordField } from '@renderer/features/connections/components/password-field';

/** Values to start from: a saved connection that needs the password again. */
export type SignInPrefill = { serverUrl: string; username: string; remember: boolean; passwordHint: string | null; rememberError: string | null };

type CloudSignInFormProps = {
  prefill: SignInPrefill | null;
  onConnected(session: SessionInfo): void;
};

type Errors = Partial<Record<ErrorPlace, string>>;
type Picker = { organizations: OrganizationMembership[]; open: boolean; busyId: string | null; error: string | null };

export function CloudSignInForm({ prefill, onConnected }: CloudSignInFormProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const run = useConnectionsStore((state) => state.run);
  const [serverUrl, setServerUrl] = useState(prefill?.serverUrl ?? JMAP_CLOUD_URL);
  const [username, setUsername] = useState(prefill?.username ?? '');
  const [password, setPassword] = useState('');
  // Off unless asked: a remembered sign-in is a credential kept on this computer.
  const [remember, setRemember] = useState(prefill?.remember ?? false);
  const [errors, setErrors] = useState<Errors>(prefill?.rememberError ? { remember: prefill.rememberError } : {});
  const [picker, setPicker] = useState<Picker | null>(null);
  const serverUrlRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const rememberRef = useRef<HTMLInputElement>(null);
  const signingIn = busy?.kind === 'sign-in';

  useMenuCommand('switch-organization', () => setPicker((current) => (current ? { ...current, open: true } : current)));

  /** Moves the focus to where the user can fix the error. */
  const focus = (place: ErrorPlace): void => {
    const target = { serverUrl: serverUrlRef, username: usernameRef, password: passwordRef, remember: rememberRef, alert: null }[place];
    target?.current?.focus();
  };

  const fail = (place: ErrorPlace, message: string): void => {
    setErrors({ [place]: message });
    focus(place);
  };

  const validate = (): Errors => {
    const found: Errors = {};
    const url = serverUrlSchema.safeParse(serverUrl.trim());
    if (!url.success) found.serverUrl = /^https?:\/\//i.test(serverUrl.trim()) ? t('validation.serverUrlHttps') : t('validation.serverUrl');
    if (!username.trim()) found.username = t('validation.email');
    if (!password) found.password = t('validation.password');
    return found;
  };

  const signIn = async (rememberThisTime: boolean): Promise<void> => {
    const found = validate();
    const first = (['serverUrl', 'username', 'password'] as const).find((place) => found[place]);
    if (first) {
      setErrors(found);
      focus(first);
      return;
    }
    setErrors({});
    const failure = await run({ kind: 'sign-in' }, async () => {
      try {
        const outcome = await call('signIn', { serverUrl: serverUrl.trim(), username: username.trim(), password, remember: rememberThisTime });
        if (outcome.status === 'signed-in') onConnected(outcome.session);
        else setPicker({ organizations: outcome.organizations, open: true, busyId: null, error: null });
        return null;
      } catch (error) {
        return placeSignInError(error);
      }
    });
    // Once the fields are enabled again, so that the focus can land in the one to fix.
    if (failure) fail(failure.place, failure.message);
  };

  const choose = async (organizationId: string): Promise<void> => {
    setPicker((current) => current && { ...current, busyId: organizationId, error: null });
    try {
      onConnected(await call('selectOrganization', { organizationId }));
    } catch (error) {
      const placed = placeSignInError(error);
      if (placed.place === 'alert') {
        setPicker((current) => current && { ...current, busyId: null, error: placed.message });
      } else {
        // The keychain or the server failed after the choice: say it at the form, where it can be fixed.
        setPicker(null);
        fail(placed.place, placed.message);
      }
    }
  };

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    void signIn(remember);
  };

  const withoutRemembering = (): void => {
    setRemember(false);
    void signIn(false);
  };

  return (
    <Box component="form" noValidate onSubmit={submit} aria-labelledby="cloud-sign-in-title">
      <Stack spacing={2}>
        <TextField
          label={t('cloud.serverUrl')}
          name="serverUrl"
          type="url"
          required
          value={serverUrl}
          onChange={(event) => setServerUrl(event.target.value)}
          error={errors.serverUrl !== undefined}
          helperText={errors.serverUrl}
          inputRef={serverUrlRef}
          disabled={signingIn}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off', inputMode: 'url' } }}
        />
        <TextField
          label={t('cloud.email')}
          name="username"
          type="email"
          autoComplete="username"
          required
          value={username}
          onChange={(event) => setUsername(event.target.value)}
          error={errors.username !== undefined}
          helperText={errors.username}
          inputRef={usernameRef}
          disabled={signingIn}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
        />
        <PasswordField
          value={password}
          onChange={setPassword}
          error={errors.password ?? null}
          hint={prefill?.passwordHint}
          inputRef={passwordRef}
          autoFocus={prefill !== null}
          disabled={signingIn}
        />
        <Box>
          <FormControlLabel
            control={<Checkbox checked={remember} onChange={(event) => setRemember(event.target.checked)} slotProps={{ input: { ref: rememberRef } }} disabled={signingIn} />}
            label={t('cloud.remember')}
          />
          {errors.remember ? (
            <Alert
              severity="warning"
              action={
                <Button color="inherit" size="small" onClick={withoutRemembering} disabled={signingIn}>
                  {t('cloud.connectWithoutRemembering')}
                </Button>
              }
              sx={{ alignItems: 'center' }}
            >
              {errors.remember}
            </Alert>
          ) : (
            <FormHelperText sx={{ mt: 0 }}>{t('cloud.rememberHint')}</FormHelperText>
          )}
        </Box>
        {errors.alert && (
          <Alert severity="error" role="alert">
            {errors.alert}
          </Alert>
        )}
        <Button type="submit" variant="contained" size="large" loading={signingIn} disabled={busy !== null && !signingIn}>
          {t('cloud.connect')}
        </Button>
      </Stack>
      {picker && (
        <OrganizationPickerDialog
          open={picker.open}
          organizations={picker.organizations}
          busyId={picker.busyId}
          error={picker.error}
          onChoose={(organizationId) => void choose(organizationId)}
          onCancel={() => setPicker((current) => current && { ...current, open: false, error: null })}
        />
      )}
    </Box>
  );
}
