// "Connect to JMap Cloud": server URL, email, password, "Remember me". Each failure is said
// next to what caused it (the sign-in flow decides where); the password lives in this
// component's state only.
import { Alert, Box, Button, Checkbox, FormControlLabel, FormHelperText, Stack, TextField } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JMAP_CLOUD_URL, type SessionInfo } from '@shared/session';
import { OrganizationPickerDialog } from '@renderer/features/connections/components/organization-picker-dialog';
import { PasswordField } from '@renderer/features/connections/components/password-field';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import type { ErrorPlace } from '@renderer/features/connections/lib/sign-in-errors';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { createSignInFlow, type Problem } from '@renderer/features/connections/stores/sign-in-flow';
import { errorMessage } from '@renderer/i18n/error-message';
import { useMenuCommand } from '@renderer/lib/menu-commands';
import { useFlow } from '@renderer/lib/use-flow';

/** Values to start from: a saved connection that needs the password again. */
export type SignInPrefill = { serverUrl: string; username: string; remember: boolean; passwordHint: string | null; rememberProblem: Problem | null };

type CloudSignInFormProps = {
  prefill: SignInPrefill | null;
  onConnected(session: SessionInfo): void;
};

export function CloudSignInForm({ prefill, onConnected }: CloudSignInFormProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const connected = useRef(onConnected);
  useEffect(() => {
    connected.current = onConnected;
  });
  const [{ problems, picker }, flow] = useFlow(() =>
    createSignInFlow({
      api: connectionsApi,
      run: (action, attempt) => useConnectionsStore.getState().run(action, attempt),
      onConnected: (session) => connected.current(session),
      initial: prefill?.rememberProblem ? { remember: prefill.rememberProblem } : {},
    }),
  );
  const [serverUrl, setServerUrl] = useState(prefill?.serverUrl ?? JMAP_CLOUD_URL);
  const [username, setUsername] = useState(prefill?.username ?? '');
  const [password, setPassword] = useState('');
  // Off unless asked: a remembered sign-in is a credential kept on this computer.
  const [remember, setRemember] = useState(prefill?.remember ?? false);
  const serverUrlRef = useRef<HTMLInputElement>(null);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const rememberRef = useRef<HTMLInputElement>(null);
  const signingIn = busy?.kind === 'sign-in';

  useMenuCommand('switch-organization', flow.reopenPicker);

  /** Moves the focus to where the user can fix the error. */
  const focus = (place: ErrorPlace | null): void => {
    if (place === null) return;
    const target = { serverUrl: serverUrlRef, username: usernameRef, password: passwordRef, remember: rememberRef, alert: null }[place];
    target?.current?.focus();
  };

  const said = (place: ErrorPlace): string | undefined => {
    const problem = problems[place];
    if (!problem) return undefined;
    return 'check' in problem ? t(problem.check) : errorMessage(problem.error);
  };

  const signIn = async (rememberThisTime: boolean): Promise<void> => {
    focus(await flow.submit({ serverUrl, username, password }, rememberThisTime));
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
          error={problems.serverUrl !== undefined}
          helperText={said('serverUrl')}
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
          error={problems.username !== undefined}
          helperText={said('username')}
          inputRef={usernameRef}
          disabled={signingIn}
          slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
        />
        <PasswordField
          value={password}
          onChange={setPassword}
          error={said('password') ?? null}
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
          {problems.remember ? (
            <Alert
              severity="warning"
              action={
                <Button color="inherit" size="small" onClick={withoutRemembering} disabled={signingIn}>
                  {t('cloud.connectWithoutRemembering')}
                </Button>
              }
              sx={{ alignItems: 'center' }}
            >
              {said('remember')}
            </Alert>
          ) : (
            <FormHelperText sx={{ mt: 0 }}>{t('cloud.rememberHint')}</FormHelperText>
          )}
        </Box>
        {problems.alert && (
          <Alert severity="error" role="alert">
            {said('alert')}
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
          error={picker.error ? errorMessage(picker.error) : null}
          onChoose={(organizationId) => void flow.choose(organizationId).then(focus)}
          onCancel={flow.closePicker}
        />
      )}
    </Box>
  );
}
