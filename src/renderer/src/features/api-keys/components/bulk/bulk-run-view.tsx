// A bulk delete as the services report it: while it runs, how far it is (keys handled of
// all, the key it is on, or the one reading of every resource on a server without KeyDesk's
// extensions); once stopped or finished, a summary and the result for each key.
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import LinearProgress from '@mui/material/LinearProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import type { BulkDeleteStatus, BulkError, BulkKey, BulkKeyState } from '@shared/bulk-delete';
import { AppError } from '@shared/errors';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { formatNumber } from '@renderer/lib/formatting';

type Props = { status: BulkDeleteStatus; locale: string };

const STATE_COLORS: Record<BulkKeyState, 'default' | 'success' | 'error' | 'info' | 'warning'> = {
  pending: 'default',
  deleting: 'info',
  deleted: 'success',
  gone: 'default',
  failed: 'error',
  cancelled: 'warning',
};

/** Reasons whose sentence needs no value the plan does not keep. */
const SAYABLE_REASONS = new Set(['organization-changed', 'session-ended', 'key-keeps-gaining-access', 'key-deletion-running', 'sign-in-expired']);

/** The sentence for a failure kept in the plan (codes only). */
export function bulkErrorMessage(error: BulkError, organization: string): string {
  const reason = error.reason && SAYABLE_REASONS.has(error.reason) ? { reason: error.reason, organization } : {};
  return errorMessage(new AppError(error.code as AppError['code'], '', { ...reason, ...(error.serverCode ? { serverCode: error.serverCode } : {}) }));
}

function KeyResult({ apiKey, status, locale }: { apiKey: BulkKey; status: BulkDeleteStatus; locale: string }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const moved = (apiKey.transferred?.dataSources ?? 0) + (apiKey.transferred?.projects ?? 0);
  const destroyed = (apiKey.deleted?.dataSources ?? 0) + (apiKey.deleted?.projects ?? 0);
  const detail =
    apiKey.error !== null
      ? bulkErrorMessage(apiKey.error, status.plan.organizationName)
      : moved > 0
        ? t('bulk.resourcesMoved', { total: formatNumber(moved, locale), name: status.plan.transferTo?.name ?? '' })
        : destroyed > 0
          ? t('bulk.resourcesDeleted', { total: formatNumber(destroyed, locale) })
          : null;
  return (
    <ListItem dense divider secondaryAction={<Chip size="small" color={STATE_COLORS[apiKey.state]} label={t(`bulk.state.${apiKey.state}`)} />}>
      <ListItemText primary={apiKey.title || t('bulk.untitled')} secondary={detail} slotProps={{ primary: { noWrap: true }, secondary: { color: apiKey.error ? 'error' : undefined } }} sx={{ pr: 16 }} />
    </ListItem>
  );
}

export function BulkRunView({ status, locale }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const { counts, plan } = status;
  const total = plan.keys.length;
  const handled = counts.deleted + counts.gone + counts.failed + counts.cancelled;
  const left = counts.pending + counts.deleting;
  const current = status.current && plan.keys.find((key) => key.id === status.current?.apiKeyId);
  const number = (value: number) => formatNumber(value, locale);
  const finding = status.running && status.phase === 'finding' && status.total > 0;
  const sentence = finding ? t('bulk.finding', { done: number(status.done), total: number(status.total) }) : t('bulk.progress', { done: number(handled), total: number(total) });
  return (
    <Stack spacing={2}>
      {status.running && (
        <Stack spacing={1} role="status">
          <Typography>{sentence}</Typography>
          <LinearProgress variant="determinate" value={finding ? (100 * status.done) / status.total : (100 * handled) / total} aria-label={sentence} />
          {current && !finding && <Typography variant="body2">{t('bulk.current', { title: current.title || t('bulk.untitled') })}</Typography>}
          <Typography variant="body2" color="text.secondary">
            {status.cancelling ? t('bulk.cancelling') : t('bulk.hideHint')}
          </Typography>
        </Stack>
      )}
      {!status.running && plan.stopped !== null && (
        <Alert severity="warning">{t('bulk.stopped', { message: bulkErrorMessage(plan.stopped, plan.organizationName) })}</Alert>
      )}
      <Typography variant="body2" role={status.running ? undefined : 'status'}>
        {t('bulk.summary', { deleted: number(counts.deleted + counts.gone), failed: number(counts.failed + counts.cancelled), left: number(left) })}
      </Typography>
      <Box>
        <Typography variant="subtitle2" component="h3">
          {t('bulk.results')}
        </Typography>
        <List aria-label={t('bulk.results')} sx={{ maxHeight: 320, overflow: 'auto', border: 1, borderColor: 'divider', borderRadius: 1 }}>
          {plan.keys.map((apiKey) => (
            <KeyResult key={apiKey.id} apiKey={apiKey} status={status} locale={locale} />
          ))}
        </List>
      </Box>
    </Stack>
  );
}
