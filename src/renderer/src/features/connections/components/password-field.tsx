// A password field with a show/hide toggle. The value stays in the caller's component
// state only: never in a store, never logged.
import VisibilityIcon from '@mui/icons-material/VisibilityOutlined';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOffOutlined';
import { IconButton, InputAdornment, TextField, Tooltip } from '@mui/material';
import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';

type PasswordFieldProps = {
  value: string;
  onChange(value: string): void;
  error: string | null;
  /** Shown under the field when there is no error. */
  hint?: string | null;
  inputRef?: Ref<HTMLInputElement>;
  autoFocus?: boolean;
  disabled?: boolean;
};

export function PasswordField({ value, onChange, error, hint, inputRef, autoFocus, disabled }: PasswordFieldProps): React.JSX.Element {
  const { t } = useTranslation('connections');
  const [visible, setVisible] = useState(false);
  const toggleLabel = visible ? t('cloud.hidePassword') : t('cloud.showPassword');
  return (
    <TextField
      label={t('cloud.password')}
      type={visible ? 'text' : 'password'}
      name="password"
      autoComplete="current-password"
      required
      value={value}
      onChange={(event) => onChange(event.target.value)}
      error={error !== null}
      helperText={error ?? hint ?? undefined}
      inputRef={inputRef}
      autoFocus={autoFocus}
      disabled={disabled}
      slotProps={{
        htmlInput: { spellCheck: false, autoCapitalize: 'off' },
        input: {
          endAdornment: (
            <InputAdornment position="end">
              <Tooltip title={toggleLabel}>
                <IconButton aria-label={toggleLabel} onClick={() => setVisible((shown) => !shown)} edge="end" size="small">
                  {visible ? <VisibilityOffIcon fontSize="small" /> : <VisibilityIcon fontSize="small" />}
                </IconButton>
              </Tooltip>
            </InputAdornment>
          ),
        },
      }}
    />
  );
}
