// A step's last failure, said above its buttons (nothing while there is none).
import Alert from '@mui/material/Alert';
import type { AppError } from '@shared/errors';
import { errorMessage } from '@renderer/i18n/error-message';

export function FailureAlert({ error }: { error: AppError | null }): React.JSX.Element | null {
  if (error === null) return null;
  return (
    <Alert severity="error" role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
