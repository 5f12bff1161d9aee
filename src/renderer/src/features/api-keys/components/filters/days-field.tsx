// "Days": a whole number of days (digits only, at most four), for the relative criteria.
import TextField from '@mui/material/TextField';
import { useTranslation } from 'react-i18next';

export function DaysField({ value, invalid, onChange }: { value: string; invalid: boolean; onChange: (digits: string) => void }): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  return (
    <TextField
      label={t('filters.days')}
      value={value}
      size="small"
      autoFocus
      error={invalid}
      onChange={(event) => onChange(event.target.value.replace(/\D/g, ''))}
      slotProps={{ htmlInput: { inputMode: 'numeric', maxLength: 4 } }}
    />
  );
}
