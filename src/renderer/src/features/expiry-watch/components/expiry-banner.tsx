// Above the keys grid: how many keys expire within the warning days and how many have
// expired, each with "Show them", which applies the matching view of the grid (the app
// says how: onShow). Hidden when none do; "hide" lasts until the counts change.
import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ExpiryStatus } from '@shared/expiry-watch';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExpiryStatus } from '@renderer/features/expiry-watch/hooks/use-expiry-status';

export type ExpiryView = { kind: 'expiring'; days: number } | { kind: 'expired' };

type Props = {
  /** Changes whenever the counts may have: the keys were loaded again, the setting changed. */
  refreshKey: string;
  onShow(view: ExpiryView): void;
  /** Opens "Warn me N days before a key expires". */
  onSettings(): void;
};

const countsOf = (status: ExpiryStatus): string => `${status.organizationId} ${status.warningDays} ${status.expiringSoon} ${status.expired}`;

export function ExpiryBanner({ refreshKey, onShow, onSettings }: Props): React.JSX.Element | null {
  const { t } = useTranslation('expiryWatch');
  const status = useExpiryStatus(refreshKey);
  const [hidden, setHidden] = useState<string | null>(null);
  if (!status || (status.expiringSoon === 0 && status.expired === 0) || hidden === countsOf(status)) return null;
  const days = status.warningDays;
  return (
    <Alert
      component="section"
      // A named region, not an alert: it is there on every connect, not an interruption.
      role="region"
      aria-label={t('banner.label')}
      severity={status.expired > 0 ? 'error' : 'warning'}
      action={
        <Stack direction="row" sx={{ alignItems: 'center' }}>
          <Button color="inherit" size="small" onClick={onSettings}>
            {t('banner.settings')}
          </Button>
          <Tooltip title={t('banner.dismiss')}>
            <IconButton color="inherit" size="small" aria-label={t('banner.dismiss')} onClick={() => setHidden(countsOf(status))}>
              <CloseIcon fontSize="small" />
            </IconButton>
          </Tooltip>
        </Stack>
      }
    >
      <Stack spacing={0.25}>
        {status.expiringSoon > 0 && (
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="body2">{t('banner.expiring', { count: status.expiringSoon, days })} —</Typography>
            <Button size="small" color="inherit" sx={{ textDecoration: 'underline', p: 0, minWidth: 0 }} aria-label={`${t('banner.show')} — ${t('banner.expiring', { count: status.expiringSoon, days })}`} onClick={() => onShow({ kind: 'expiring', days })}>
              {t('banner.show')}
            </Button>
          </Stack>
        )}
        {status.expired > 0 && (
          <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
            <Typography variant="body2">{t('banner.expired', { count: status.expired })} —</Typography>
            <Button size="small" color="inherit" sx={{ textDecoration: 'underline', p: 0, minWidth: 0 }} aria-label={`${t('banner.show')} — ${t('banner.expired', { count: status.expired })}`} onClick={() => onShow({ kind: 'expired' })}>
              {t('banner.show')}
            </Button>
          </Stack>
        )}
      </Stack>
    </Alert>
  );
}
