// "Expiration date": quick choices (30, 60, 90 days, 1 year) or any later day from the
// calendar. The choices only fill in the date, which stays the one value of the field.
import Stack from '@mui/material/Stack';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import Typography from '@mui/material/Typography';
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import type { Dayjs } from 'dayjs';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { latestExpirationDay } from '@renderer/features/api-keys/lib/create-form';
import { formatUnit } from '@renderer/lib/formatting';

const QUICK_CHOICES = [
  { id: '30d', amount: 30, unit: 'day' },
  { id: '60d', amount: 60, unit: 'day' },
  { id: '90d', amount: 90, unit: 'day' },
  { id: '1y', amount: 1, unit: 'year' },
] as const;

type Props = {
  value: Dayjs | null;
  today: Dayjs;
  locale: string;
  error: string | null;
  disabled: boolean;
  onChange: (value: Dayjs | null) => void;
  onBlur: () => void;
};

export function ExpirationField({ value, today, locale, error, disabled, onChange, onBlur }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const quickLabelId = useId();
  const chosen = QUICK_CHOICES.find((choice) => value?.isSame(today.add(choice.amount, choice.unit), 'day'))?.id ?? null;
  return (
    <Stack spacing={1.5}>
      <Stack direction="row" spacing={1.5} sx={{ alignItems: 'center', flexWrap: 'wrap', rowGap: 1 }}>
        <Typography id={quickLabelId} variant="body2" color="text.secondary">
          {t('create.quickChoices')}
        </Typography>
        <ToggleButtonGroup
          size="small"
          exclusive
          color="primary"
          value={chosen}
          disabled={disabled}
          aria-labelledby={quickLabelId}
          onChange={(_event, id: string | null) => {
            const choice = QUICK_CHOICES.find((candidate) => candidate.id === id);
            if (choice) onChange(today.add(choice.amount, choice.unit));
            onBlur();
          }}
        >
          {QUICK_CHOICES.map((choice) => (
            <ToggleButton key={choice.id} value={choice.id} sx={{ px: 1.5, textTransform: 'none' }}>
              {formatUnit(choice.amount, choice.unit, locale)}
            </ToggleButton>
          ))}
        </ToggleButtonGroup>
      </Stack>
      <DatePicker
        label={t('create.expirationDate')}
        value={value}
        onChange={(next) => onChange(next)}
        onClose={onBlur}
        minDate={today.add(1, 'day')}
        maxDate={latestExpirationDay(today)}
        disabled={disabled}
        slotProps={{
          textField: {
            required: true,
            fullWidth: true,
            onBlur,
            error: error !== null,
            helperText: error ?? ' ',
          },
        }}
      />
    </Stack>
  );
}
