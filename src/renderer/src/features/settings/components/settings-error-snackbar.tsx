import { Alert, Snackbar } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';

/** Says so when a theme or language change could not be saved (it was undone). */
export function SettingsErrorSnackbar(): React.JSX.Element {
  const { t } = useTranslation('settings');
  const saveError = useSettingsStore((state) => state.saveError);
  const dismiss = useSettingsStore((state) => state.dismissSaveError);
  return (
    <Snackbar open={saveError !== null} onClose={dismiss} anchorOrigin={{ vertical: 'bottom', horizontal: 'center' }}>
      <Alert severity="error" onClose={dismiss} variant="filled">
        {t('saveFailed', { message: saveError ? errorMessage(saveError) : '' })}
      </Alert>
    </Snackbar>
  );
}
