// "Continue in your browser": what a single sign-on trip through the browser shows while it
// waits (the sign-in form's, and the organization switcher's for a provider that changes
// organization only through the browser): where to go, a link to open the page again, Cancel.
import { Box, Button, LinearProgress, Link, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';

export type SsoBrowserWaitProps = {
  authorizationUrl: string;
  openedBy: 'system' | 'page';
  cancelling: boolean;
  onCancel(): void;
};

export function SsoBrowserWait({ authorizationUrl, openedBy, cancelling, onCancel }: SsoBrowserWaitProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  return (
    <Stack spacing={2} role="status" aria-live="polite">
      <Typography variant="subtitle1" component="p" sx={{ fontWeight: 500 }}>
        {t('sso.waitingTitle')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {openedBy === 'page' ? t('sso.waitingInTab') : t('sso.waitingInBrowser')}
      </Typography>
      <LinearProgress aria-label={t('sso.waitingTitle')} />
      <Typography variant="body2">
        {t('sso.notOpened')}{' '}
        <Link href={authorizationUrl} target="_blank" rel="noopener noreferrer">
          {t('sso.openAgain')}
        </Link>
      </Typography>
      <Box>
        <Button variant="outlined" onClick={onCancel} loading={cancelling}>
          {t('sso.cancel')}
        </Button>
      </Box>
    </Stack>
  );
}
