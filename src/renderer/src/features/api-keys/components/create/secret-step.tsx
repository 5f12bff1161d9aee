// Step 2 of the wizard: the new key's secret, shown this once. Copying goes through the
// main process (which clears the clipboard later), whether by the button or by the
// keyboard or context menu on the whole secret; "OK" before any copy asks once (the create
// flow decides), and the focus then goes to "Copy API key", so that a second Enter copies
// instead of losing the secret.
import ContentCopy from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatUnit } from '@renderer/lib/formatting';
import type { SecretActions, SecretStep as SecretStepState } from '@renderer/features/api-keys/stores/secret-reveal';

/** `okLabel`: what "OK" says where it leads on (the rotation's next step) rather than closing. */
type Props = { state: SecretStepState; flow: SecretActions; locale: string; okLabel?: string };

export function SecretStep({ state, flow, locale, okLabel }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { copy } = state;
  const copyButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state.confirmingClose) copyButton.current?.focus();
  }, [state.confirmingClose]);

  /** Ctrl+C or the context menu's Copy on the whole secret: the same copy as the button's. */
  const onCopy = (event: React.ClipboardEvent<HTMLDivElement>): void => {
    const target = event.target as HTMLTextAreaElement;
    const selected = target.value?.slice(target.selectionStart ?? 0, target.selectionEnd ?? 0) ?? '';
    if (selected.trim() !== state.created.secret) return;
    event.preventDefault();
    void flow.copySecret();
  };

  return (
    <>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{t('create.secretWarning')}</Alert>
          <TextField
            label={t('create.secretLabel')}
            value={state.created.secret}
            fullWidth
            multiline
            onFocus={(event) => event.target.select()}
            onCopy={onCopy}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, autoComplete: 'off' },
              input: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } },
            }}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minHeight: 36 }}>
            {/* The step's first action takes the focus left behind by the vanished "Create". */}
            <Button ref={copyButton} variant="outlined" startIcon={<ContentCopy />} onClick={() => void flow.copySecret()} autoFocus>
              {t('create.copy')}
            </Button>
            <Typography role="status" variant="body2" color={copy.status === 'failed' ? 'error' : 'text.secondary'}>
              {copy.status === 'copied' &&
                (copy.clearsAfterSeconds === null
                  ? t('create.copiedNoClear')
                  : t('create.copied', { duration: formatUnit(copy.clearsAfterSeconds, 'second', locale) }))}
              {copy.status === 'failed' && errorMessage(copy.error)}
            </Typography>
          </Stack>
          {state.confirmingClose && (
            <Alert severity="info" role="alertdialog" aria-label={t('create.confirmCloseTitle')}>
              <AlertTitle>{t('create.confirmCloseTitle')}</AlertTitle>
              {t('create.confirmCloseText')}
              <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
                <Button color="inherit" size="small" onClick={flow.goBack}>
                  {t('create.goBack')}
                </Button>
                <Button color="info" size="small" variant="contained" onClick={flow.closeAnyway}>
                  {t('create.closeAnyway')}
                </Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={flow.ok}>
          {okLabel ?? t('create.ok')}
        </Button>
      </DialogActions>
    </>
  );
}
