// "Display information": the key as the grid had it, refreshed from the service (the last
// use may have changed). The key's own facts first (title, role, expiration, last use),
// then who created it and when, with "Copy email" for the creator's address, then its id
// with "Copy id" (what a support ticket or a script asks for).
import ContentCopy from '@mui/icons-material/ContentCopy';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { ApiKey } from '@shared/api-types';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { useKeyInformation, type CopiedField } from '@renderer/features/api-keys/hooks/use-key-information';
import { apiKeyStatus } from '@renderer/features/api-keys/lib/api-key-status';
import { formatExactTime, formatRelative } from '@renderer/lib/formatting';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { KeyChangeButtons } from '@renderer/features/api-keys/components/rotate/key-change-buttons';
import { StatusChip } from '@renderer/features/api-keys/components/information/status-chip';

type Props = { apiKey: ApiKey; locale: string };

function Field({ label, children }: { label: string; children: React.ReactNode }): React.JSX.Element {
  return (
    <>
      <Typography component="dt" variant="body2" color="text.secondary" sx={{ pt: 0.25 }}>
        {label}
      </Typography>
      <Box component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Box>
    </>
  );
}

export function ApiKeyInformationDialog({ apiKey: initial, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const closeDialog = useApiKeysStore((state) => state.closeDialog);
  const { apiKey, gone, lastCopy, copy } = useKeyInformation(initial);
  const [now] = useState(() => Date.now());

  /** A copy button and, beside it, the live region that says how the copy went. */
  const copyControls = (field: CopiedField, text: string, label: string): React.JSX.Element => (
    <>
      <Button size="small" startIcon={<ContentCopy fontSize="small" />} onClick={() => copy(field, text)}>
        {label}
      </Button>
      <Typography role="status" variant="body2" color={lastCopy?.copied === false ? 'error' : 'text.secondary'}>
        {lastCopy?.field !== field
          ? null
          : lastCopy.copied
            ? t(field === 'email' ? 'information.emailCopied' : 'information.idCopied')
            : errorMessage(lastCopy.error)}
      </Typography>
    </>
  );

  const status = apiKeyStatus(apiKey, now);
  const expiresRelative = formatRelative(apiKey.expirationDate, now, locale);

  return (
    <Dialog open onClose={closeDialog} fullWidth maxWidth="sm" aria-labelledby={titleId}>
      <DialogTitle id={titleId}>{t('information.title')}</DialogTitle>
      <DialogContent>
        {gone && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {t('delete.notFound')}
          </Alert>
        )}
        <Box
          component="dl"
          sx={{ display: 'grid', gridTemplateColumns: 'minmax(120px, max-content) 1fr', columnGap: 3, rowGap: 1.5, m: 0 }}
        >
          <Field label={t('information.keyTitle')}>
            <Typography sx={{ fontWeight: 500 }}>{apiKey.title}</Typography>
          </Field>
          <Field label={t('information.role')}>{t(`roles.${apiKey.role}`)}</Field>
          <Field label={t('information.expirationDate')}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 0.5 }}>
              <span>{formatExactTime(apiKey.expirationDate, locale)}</span>
              <Typography component="span" color="text.secondary">
                ({t(status === 'EXPIRED' ? 'information.expiredAgo' : 'information.expiresIn', { relative: expiresRelative })})
              </Typography>
              <StatusChip status={status} label={t(`status.${status}`)} />
            </Stack>
          </Field>
          <Field label={t('information.lastUse')}>
            {apiKey.lastUsedDate === null
              ? t('information.neverUsed')
              : `${formatExactTime(apiKey.lastUsedDate, locale)} (${formatRelative(apiKey.lastUsedDate, now, locale)})`}
          </Field>
          <Field label={t('information.creatorName')}>{apiKey.createdBy.name}</Field>
          <Field label={t('information.email')}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              <span>{apiKey.createdBy.email}</span>
              {copyControls('email', apiKey.createdBy.email, t('information.copyEmail'))}
            </Stack>
          </Field>
          <Field label={t('information.creationDate')}>{formatExactTime(apiKey.creationDate, locale)}</Field>
          <Field label={t('information.id')}>
            <Stack direction="row" spacing={1} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
              {/* The grid's size for ids: the id and its button then fit on one line. */}
              <Box component="span" sx={{ fontFamily: 'monospace', fontSize: '0.8125rem' }}>
                {apiKey.id}
              </Box>
              {copyControls('id', apiKey.id, t('information.copyId'))}
            </Stack>
          </Field>
        </Box>
      </DialogContent>
      <DialogActions>
        <KeyChangeButtons apiKey={apiKey} onChosen={closeDialog} />
        <Button variant="contained" onClick={closeDialog}>
          {t('information.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
