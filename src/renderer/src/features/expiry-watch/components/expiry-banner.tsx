// Above the keys grid: how many keys expire within the warning days and how many have
// expired, each with "Show them", which applies the matching view of the grid (the app
// says how: onShow), and the rotations whose overlap has ended (the old key kept beside its
// replacement until a date now past), each with "Show it". Hidden when there is nothing to
// say; "hide" lasts until the counts change.
import CloseIcon from '@mui/icons-material/Close';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import Typography from '@mui/material/Typography';
import type { ExpiryStatus } from '@shared/expiry-watch';
import type { EndedOverlap } from '@shared/key-rotation';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useExpiryStatus } from '@renderer/features/expiry-watch/hooks/use-expiry-status';
import { formatDate } from '@renderer/lib/formatting';

export type ExpiryView = { kind: 'expiring'; days: number } | { kind: 'expired' } | { kind: 'ended-overlap'; overlap: EndedOverlap };

/** Ended overlaps named one by one; more are counted ("and 2 more"). */
const OVERLAPS_NAMED = 3;

type Props = {
  /** Changes whenever the counts may have: the keys changed or were refreshed, the setting changed. */
  refreshKey: string;
  onShow(view: ExpiryView): void;
  /** Opens "Warn me N days before a key expires". */
  onSettings(): void;
};

const countsOf = (status: ExpiryStatus): string =>
  `${status.organizationId} ${status.warningDays} ${status.expiringSoon} ${status.expired} ${status.endedOverlaps.map((overlap) => overlap.id).join(',')}`;

/** One line of the banner: what it says, then its "Show them" / "Show it". */
function BannerLine({ text, show, onShow }: { text: string; show: string; onShow(): void }): React.JSX.Element {
  return (
    <Stack direction="row" sx={{ alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Typography variant="body2">{text} —</Typography>
      <Button size="small" color="inherit" sx={{ textDecoration: 'underline', p: 0, minWidth: 0 }} aria-label={`${show} — ${text}`} onClick={onShow}>
        {show}
      </Button>
    </Stack>
  );
}

export function ExpiryBanner({ refreshKey, onShow, onSettings }: Props): React.JSX.Element | null {
  const { t, i18n } = useTranslation('expiryWatch');
  const locale = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  const status = useExpiryStatus(refreshKey);
  const [hidden, setHidden] = useState<string | null>(null);
  if (!status || (status.expiringSoon === 0 && status.expired === 0 && status.endedOverlaps.length === 0) || hidden === countsOf(status)) return null;
  const days = status.warningDays;
  const overlaps = status.endedOverlaps;
  return (
    <Alert
      component="section"
      // A named region, not an alert: it is there on every connect, not an interruption.
      role="region"
      aria-label={t('banner.label')}
      severity={status.expired > 0 || overlaps.length > 0 ? 'error' : 'warning'}
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
        {status.expiringSoon > 0 && <BannerLine text={t('banner.expiring', { count: status.expiringSoon, days })} show={t('banner.show')} onShow={() => onShow({ kind: 'expiring', days })} />}
        {status.expired > 0 && <BannerLine text={t('banner.expired', { count: status.expired })} show={t('banner.show')} onShow={() => onShow({ kind: 'expired' })} />}
        {overlaps.slice(0, OVERLAPS_NAMED).map((overlap) => (
          <BannerLine
            key={overlap.id}
            text={t('banner.overlapEnded', { old: overlap.oldKey.title, replacement: overlap.replacement.title, until: overlap.keepUntil ? formatDate(overlap.keepUntil, locale) : '' })}
            show={t('banner.showOne')}
            onShow={() => onShow({ kind: 'ended-overlap', overlap })}
          />
        ))}
        {overlaps.length > OVERLAPS_NAMED && <Typography variant="body2">{t('banner.moreOverlaps', { count: overlaps.length - OVERLAPS_NAMED })}</Typography>}
      </Stack>
    </Alert>
  );
}
