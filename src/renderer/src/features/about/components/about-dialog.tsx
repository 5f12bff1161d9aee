// "About KeyDesk": name, version, and where it runs (from getAppInfo()).
import { Alert, Box, Button, CircularProgress, Dialog, DialogActions, DialogContent, DialogTitle, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppInfo } from '@renderer/features/about/hooks/use-app-info';
import { errorMessage } from '@renderer/i18n/error-message';
import { UpdateCheck, type AutomaticUpdates } from '@renderer/features/about/components/update-check';

type AboutDialogProps = {
  open: boolean;
  /** Opened by the menu's "Check for Updates…": the check starts at once. */
  checkForUpdates?: boolean;
  automaticUpdates: AutomaticUpdates;
  onClose(): void;
};

export function AboutDialog({ open, checkForUpdates = false, automaticUpdates, onClose }: AboutDialogProps): React.JSX.Element {
  const { t } = useTranslation('about');
  const { t: tc } = useTranslation();
  const loaded = useAppInfo(open);

  return (
    <Dialog open={open} onClose={onClose} maxWidth="xs" fullWidth aria-labelledby="about-title">
      <DialogTitle id="about-title">{t('title')}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 2 }}>
          {t('description')}
        </Typography>
        {loaded.status === 'loading' ? (
          <CircularProgress size={24} aria-label={tc('loading')} />
        ) : loaded.status === 'failed' ? (
          <Alert severity="error">{t('loadFailed', { message: errorMessage(loaded.error) })}</Alert>
        ) : (
          <Box component="dl" sx={{ m: 0, display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, '& dd': { m: 0 } }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {t('version')}
            </Typography>
            <Typography component="dd" variant="body2">
              {loaded.info.name} {loaded.info.version}
            </Typography>
            <Typography component="dt" variant="body2" color="text.secondary">
              {t('host')}
            </Typography>
            <Typography component="dd" variant="body2">
              {loaded.info.host === 'electron' ? t('hostElectron') : t('hostWeb')}
            </Typography>
            <Typography component="dt" variant="body2" color="text.secondary">
              {t('platform')}
            </Typography>
            <Typography component="dd" variant="body2">
              {loaded.info.platform}
            </Typography>
          </Box>
        )}
        {open && <UpdateCheck checkNow={checkForUpdates} automatic={automaticUpdates} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} variant="contained">
          {tc('actions.close')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
