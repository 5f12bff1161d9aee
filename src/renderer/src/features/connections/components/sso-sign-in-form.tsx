// "Single sign-on": the server, the organization's identity provider (issuer or Auth0
// domain, client ID, audience) and "Remember me"; then, while the browser is open, what to
// do there and a Cancel. No password is ever typed here: the identity provider's page asks.
import { Alert, Box, Button, Checkbox, FormControlLabel, FormHelperText, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { JMAP_CLOUD_URL, type ConnectionProfile, type SessionInfo } from '@shared/session';
import { OrganizationPickerDialog } from '@renderer/features/connections/components/organization-picker-dialog';
import { SsoBrowserWait } from '@renderer/features/connections/components/sso-browser-wait';
import { connectionsApi } from '@renderer/features/connections/lib/connections-api';
import { useConnectionsStore } from '@renderer/features/connections/stores/connections-store';
import { createSsoFlow, SSO_FIELDS, type SsoField, type SsoValues } from '@renderer/features/connections/stores/sso-flow';
import { errorMessage } from '@renderer/i18n/error-message';
import { openSignInPage } from '@renderer/lib/open-sign-in-page';
import { useFlow } from '@renderer/lib/use-flow';

type SsoSignInFormProps = {
  /** A saved single sign-on connection to sign in to again, at once. */
  saved: ConnectionProfile | null;
  onConnected(session: SessionInfo): void;
};

export function SsoSignInForm({ saved, onConnected }: SsoSignInFormProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const busy = useConnectionsStore((state) => state.busy);
  const connected = useRef(onConnected);
  useEffect(() => {
    connected.current = onConnected;
  });
  const [state, flow] = useFlow(() =>
    createSsoFlow({
      api: connectionsApi,
      run: (action, attempt) => useConnectionsStore.getState().run(action, attempt),
      onConnected: (session) => connected.current(session),
      openPage: openSignInPage,
    }),
  );
  const provider = saved?.identityProvider;
  const [values, setValues] = useState<SsoValues>({
    serverUrl: saved?.serverUrl ?? JMAP_CLOUD_URL,
    issuer: provider?.issuer ?? '',
    clientId: provider?.clientId ?? '',
    audience: provider?.audience ?? '',
  });
  const [remember, setRemember] = useState(saved?.remembered ?? false);
  const fieldRefs = useRef<Partial<Record<SsoField, HTMLInputElement | null>>>({});
  const signingIn = busy?.kind === 'sso';

  useEffect(() => {
    if (saved) void flow.startSaved(saved);
  }, [flow, saved]);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (await flow.submit(values, remember)) return;
    // Back to the first field to fix.
    const after = flow.store.getState();
    const first = after.step === 'form' ? SSO_FIELDS.find((name) => after.invalid.includes(name)) : undefined;
    if (first) fieldRefs.current[first]?.focus();
  };

  if (state.step === 'waiting') {
    return <SsoBrowserWait authorizationUrl={state.authorizationUrl} openedBy={state.openedBy} cancelling={state.cancelling} onCancel={() => void flow.cancel()} />;
  }

  const invalid = state.step === 'form' ? state.invalid : [];
  const field = (name: SsoField, options: { required: boolean; type?: string; helper?: string }): React.JSX.Element => (
    <TextField
      label={t(`sso.${name}`)}
      name={name}
      type={options.type ?? 'text'}
      required={options.required}
      value={values[name]}
      onChange={(event) => setValues((previous) => ({ ...previous, [name]: event.target.value }))}
      error={invalid.includes(name)}
      helperText={invalid.includes(name) ? t(`sso.invalid.${name}`) : options.helper}
      inputRef={(element: HTMLInputElement | null) => void (fieldRefs.current[name] = element)}
      disabled={signingIn}
      slotProps={{ htmlInput: { spellCheck: false, autoCapitalize: 'off' } }}
    />
  );

  return (
    <Box component="form" noValidate onSubmit={(event) => void submit(event)} aria-label={t('sso.tab')}>
      <Stack spacing={2}>
        <Typography variant="body2" color="text.secondary">
          {t('sso.intro')}
        </Typography>
        {field('serverUrl', { required: true, type: 'url' })}
        {field('issuer', { required: true, helper: t('sso.issuerHint') })}
        {field('clientId', { required: true })}
        {field('audience', { required: false, helper: t('sso.audienceHint') })}
        <Box>
          <FormControlLabel control={<Checkbox checked={remember} onChange={(event) => setRemember(event.target.checked)} disabled={signingIn} />} label={t('cloud.remember')} />
          <FormHelperText sx={{ mt: 0 }}>{t('cloud.rememberHint')}</FormHelperText>
        </Box>
        {state.step === 'form' && state.error && (
          <Alert severity="error" role="alert">
            {errorMessage(state.error)}
          </Alert>
        )}
        <Button type="submit" variant="contained" size="large" loading={signingIn} disabled={busy !== null && !signingIn}>
          {t('sso.signIn')}
        </Button>
      </Stack>
      {state.step === 'choose' && (
        <OrganizationPickerDialog
          open
          organizations={state.organizations}
          busyId={state.busyId}
          error={state.error ? errorMessage(state.error) : null}
          onChoose={(organizationId) => void flow.choose(organizationId)}
          onCancel={() => void flow.cancel()}
        />
      )}
    </Box>
  );
}
