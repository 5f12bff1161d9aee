// "Save this view…": the filters and sort on screen under a name, in the settings file
// (a view of the same name is replaced). A name the settings would refuse is said at once.
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { AppError } from '@shared/errors';
import { VIEW_NAME_MAX_LENGTH, viewNameSchema } from '@shared/grid-settings';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '@renderer/i18n/error-message';
import { useApiKeysStore } from '@renderer/features/api-keys/stores/api-keys-store';
import { useGridSettingsStore } from '@renderer/features/api-keys/stores/grid-settings-store';

/** `onClose` hears the saved view's name, or null when nothing was saved. */
export function SaveViewDialog({ onClose }: { onClose: (saved: string | null) => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleId = useId();
  const [name, setName] = useState('');
  const [refused, setRefused] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (event: React.FormEvent): Promise<void> => {
    event.preventDefault();
    const parsed = viewNameSchema.safeParse(name);
    if (!parsed.success) {
      const trimmed = name.trim();
      setRefused(
        trimmed === '' ? t('views.needName') : trimmed.length > VIEW_NAME_MAX_LENGTH ? t('views.nameTooLong', { max: VIEW_NAME_MAX_LENGTH }) : t('views.nameInvalid'),
      );
      return;
    }
    const { filters, sort } = useApiKeysStore.getState();
    setSaving(true);
    try {
      await useGridSettingsStore.getState().saveView(parsed.data, { filters, sort });
      onClose(parsed.data);
    } catch (error) {
      setFailure(error as AppError);
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={() => onClose(null)} aria-labelledby={titleId} fullWidth maxWidth="xs">
      <form noValidate onSubmit={(event) => void save(event)}>
        <DialogTitle id={titleId}>{t('views.saveTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('views.saveHint')}</DialogContentText>
          <TextField
            label={t('views.name')}
            value={name}
            autoFocus
            required
            error={refused !== null}
            helperText={refused}
            onChange={(event) => {
              setName(event.target.value);
              setRefused(null);
            }}
            slotProps={{ htmlInput: { maxLength: VIEW_NAME_MAX_LENGTH + 20 } }}
          />
          {failure !== null && (
            <Alert severity="error" role="alert" sx={{ mt: 2 }}>
              {errorMessage(failure)}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => onClose(null)}>{t('views.cancel')}</Button>
          <Button type="submit" variant="contained" disabled={saving}>
            {t('views.saveAction')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
