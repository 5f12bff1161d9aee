// A key's title and expiration, as "Replace key…" (the new key's) and "Edit…" ask for them:
// the create wizard's rules (lib/create-form.ts) and its expiration field, judged at once
// since both come filled in.
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { validateExpiration, validateTitle } from '@renderer/features/api-keys/lib/create-form';
import { ExpirationField } from '@renderer/features/api-keys/components/create/expiration-field';

export type TitleExpiration = { title: string; expiration: Dayjs | null };

type Props = {
  value: TitleExpiration;
  onChange: (value: TitleExpiration) => void;
  titleLabel: string;
  today: Dayjs;
  locale: string;
  disabled: boolean;
  /** False while "Edit…" keeps the key's own expiration (which may be past): not judged then. */
  judgeExpiration?: boolean;
};

/** Whether both fields hold values the server would take. */
export const fieldsValid = (value: TitleExpiration, today: Dayjs): boolean =>
  validateTitle(value.title) === null && validateExpiration(value.expiration, today) === null;

export function TitleExpirationFields({ value, onChange, titleLabel, today, locale, disabled, judgeExpiration = true }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const titleError = validateTitle(value.title);
  const dateError = judgeExpiration ? validateExpiration(value.expiration, today) : null;
  return (
    <Stack spacing={2.5}>
      <TextField
        label={titleLabel}
        value={value.title}
        required
        fullWidth
        autoFocus
        disabled={disabled}
        onChange={(event) => onChange({ ...value, title: event.target.value })}
        error={titleError !== null}
        helperText={titleError ? t(titleError) : t('create.nameHelper')}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <ExpirationField
        value={value.expiration}
        today={today}
        locale={locale}
        error={dateError ? t(dateError) : null}
        disabled={disabled}
        onChange={(expiration) => onChange({ ...value, expiration })}
        onBlur={() => undefined}
      />
    </Stack>
  );
}
