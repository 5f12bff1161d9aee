// "Warn me N days before a key expires": the expiry watch's window (notifications, badge,
// the banner above the keys). Checked with the settings' own rule before it is saved.
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { EXPIRY_WARNING_DAYS } from '@shared/expiry-watch';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSettingsStore } from '@renderer/features/settings/stores/settings-store';

/** The whole number typed, or null when it is not one within the bounds. */
export function warningDaysFrom(text: string): number | null {
  if (!/^\s*\d+\s*$/.test(text)) return null;
  const days = Number(text);
  return days >= EXPIRY_WARNING_DAYS.min && days <= EXPIRY_WARNING_DAYS.max ? days : null;
}

/** `onSaved`: told once the services have the new value (the banner asks again then). */
export function ExpiryWarningDialog({ onClose, onSaved }: { onClose(): void; onSaved?(): void }): React.JSX.Element {
  const { t } = useTranslation('settings');
  const saved = useSettingsStore((state) => state.settings.expiryWarningDays);
  const update = useSettingsStore((state) => state.update);
  const [text, setText] = useState(String(saved));
  const [touched, setTouched] = useState(false);
  const days = warningDaysFrom(text);
  const invalid = touched && days === null;

  const save = (): void => {
    setTouched(true);
    if (days === null) return;
    void update({ expiryWarningDays: days }).then(() => onSaved?.());
    onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="xs" aria-labelledby="expiry-warning-title">
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          save();
        }}
      >
        <DialogTitle id="expiry-warning-title">{t('expiryWarning.title')}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{t('expiryWarning.description')}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            label={t('expiryWarning.label')}
            value={text}
            onChange={(event) => setText(event.target.value)}
            onBlur={() => setTouched(true)}
            error={invalid}
            helperText={t(invalid ? 'expiryWarning.invalid' : 'expiryWarning.hint', EXPIRY_WARNING_DAYS)}
            slotProps={{ htmlInput: { inputMode: 'numeric', min: EXPIRY_WARNING_DAYS.min, max: EXPIRY_WARNING_DAYS.max } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={onClose}>{t('expiryWarning.cancel')}</Button>
          <Button type="submit" variant="contained">
            {t('expiryWarning.save')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
