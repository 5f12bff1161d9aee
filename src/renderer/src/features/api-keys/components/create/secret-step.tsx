// Step 2 of the wizard: the new key's secret, shown this once. Copying goes through the
// main process (which clears the clipboard later); "OK" before any copy asks once.
import ContentCopy from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@shared/api-types';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '@renderer/lib/keydesk-client';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatUnit } from '@renderer/features/api-keys/lib/formatting';

type Props = { apiKey: ApiKey; secret: string; locale: string; onDone: () => void };

type CopyState = { status: 'idle' } | { status: 'copied'; clearsAfterSeconds: number | null } | { status: 'failed'; message: string };

export function SecretStep({ apiKey, secret, locale, onDone }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const [copy, setCopy] = useState<CopyState>({ status: 'idle' });
  const [copiedOnce, setCopiedOnce] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [askedOnce, setAskedOnce] = useState(false);

  const copySecret = async (): Promise<void> => {
    try {
      const { clearsAfterSeconds } = await call('copySecret', { apiKeyId: apiKey.id });
      setCopy({ status: 'copied', clearsAfterSeconds });
      setCopiedOnce(true);
      setConfirming(false);
    } catch (error) {
      setCopy({ status: 'failed', message: errorMessage(error) });
    }
  };

  const ok = (): void => {
    if (copiedOnce || askedOnce) {
      onDone();
      return;
    }
    setAskedOnce(true);
    setConfirming(true);
  };

  return (
    <>
      <DialogContent>
        <Stack spacing={2} sx={{ pt: 1 }}>
          <Alert severity="warning">{t('create.secretWarning')}</Alert>
          <TextField
            label={t('create.secretLabel')}
            value={secret}
            fullWidth
            multiline
            onFocus={(event) => event.target.select()}
            slotProps={{
              htmlInput: { readOnly: true, spellCheck: false, autoComplete: 'off' },
              input: { sx: { fontFamily: 'monospace', wordBreak: 'break-all' } },
            }}
          />
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minHeight: 36 }}>
            {/* The step's first action takes the focus left behind by the vanished "Create". */}
            <Button variant="outlined" startIcon={<ContentCopy />} onClick={() => void copySecret()} autoFocus>
              {t('create.copy')}
            </Button>
            <Typography role="status" variant="body2" color={copy.status === 'failed' ? 'error' : 'text.secondary'}>
              {copy.status === 'copied' &&
                (copy.clearsAfterSeconds === null
                  ? t('create.copiedNoClear')
                  : t('create.copied', { duration: formatUnit(copy.clearsAfterSeconds, 'second', locale) }))}
              {copy.status === 'failed' && copy.message}
            </Typography>
          </Stack>
          {confirming && (
            <Alert severity="info" role="alertdialog" aria-label={t('create.confirmCloseTitle')}>
              <AlertTitle>{t('create.confirmCloseTitle')}</AlertTitle>
              {t('create.confirmCloseText')}
              <Stack direction="row" spacing={1} sx={{ mt: 1.5, justifyContent: 'flex-end' }}>
                <Button color="inherit" size="small" onClick={() => setConfirming(false)}>
                  {t('create.goBack')}
                </Button>
                <Button color="info" size="small" variant="contained" onClick={onDone}>
                  {t('create.closeAnyway')}
                </Button>
              </Stack>
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button variant="contained" onClick={ok}>
          {t('create.ok')}
        </Button>
      </DialogActions>
    </>
  );
}
