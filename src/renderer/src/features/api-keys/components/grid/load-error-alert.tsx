// The grid's load error, with "Retry". It stands above the grid, not in its overlay: inside
// the grid (role=grid) an alert is a child ARIA does not allow, and screen readers may
// not announce it there.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import { useContext } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { ToolbarActionsContext } from '@renderer/features/api-keys/components/grid/api-keys-toolbar';

export function LoadErrorAlert(): React.JSX.Element | null {
  const { t } = useTranslation('apiKeys');
  const actions = useContext(ToolbarActionsContext);
  const loadError = useApiKeysStore((state) => state.loadError);
  if (loadError === null) return null;
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={actions?.onRefresh}>
          {t('page.retry')}
        </Button>
      }
    >
      <strong>{t('page.loadFailed')}</strong> {errorMessage(loadError)}
    </Alert>
  );
}
