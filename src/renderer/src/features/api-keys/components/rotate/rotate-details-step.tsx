// Step 1 of "Replace key…": the new key's title (the old one's, marked as its replacement)
// and expiration (as long a life as the old key had, from today); its role is the old one's.
import Button from '@mui/material/Button';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { TITLE_MAX_LENGTH } from '@shared/api-types';
import dayjs, { type Dayjs } from 'dayjs';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { expirationInstant, latestExpirationDay } from '@renderer/features/api-keys/lib/create-form';
import type { KeyToReplace } from '@renderer/features/api-keys/stores/key-change-store';
import type { RotateDetailsStep as State, RotateFlow } from '@renderer/features/api-keys/stores/rotate-flow';
import { fieldsValid, TitleExpirationFields, type TitleExpiration } from '@renderer/features/api-keys/components/rotate/title-expiration-fields';
import { FailureAlert } from '@renderer/features/api-keys/components/rotate/failure-alert';

type Props = { apiKey: KeyToReplace; state: State; flow: RotateFlow; locale: string; onCancel: () => void };

const DAY_MS = 86_400_000;

/** The old key's lifetime, from today (90 days when its creation is unknown), within the allowed year. */
export function defaultExpiration(apiKey: KeyToReplace, today: Dayjs): Dayjs {
  const lifetime = apiKey.creationDate ? Math.round((Date.parse(apiKey.expirationDate) - Date.parse(apiKey.creationDate)) / DAY_MS) : 90;
  const proposed = today.add(Math.max(1, lifetime), 'day');
  return proposed.isAfter(latestExpirationDay(today)) ? latestExpirationDay(today) : proposed;
}

export function RotateDetailsStep({ apiKey, state, flow, locale, onCancel }: Props): React.JSX.Element {
  const { t } = useTranslation('apiKeys');
  const today = useMemo(() => dayjs().startOf('day'), []);
  const [value, setValue] = useState<TitleExpiration>(() => {
    const suffix = t('keyChange.rotate.defaultTitle', { title: '' });
    return { title: t('keyChange.rotate.defaultTitle', { title: apiKey.title.slice(0, TITLE_MAX_LENGTH - suffix.length) }), expiration: defaultExpiration(apiKey, today) };
  });
  const valid = fieldsValid(value, today);

  const submit = (event: React.FormEvent): void => {
    event.preventDefault();
    if (!valid || state.submitting || value.expiration === null) return;
    void flow.submit({ title: value.title.trim(), expirationDate: expirationInstant(value.expiration) });
  };

  return (
    <form noValidate onSubmit={submit}>
      <DialogContent>
        <Stack spacing={2.5} sx={{ pt: 1 }}>
          <Typography variant="body2">{t('keyChange.rotate.intro', { role: t(`roles.${apiKey.role}`), title: apiKey.title })}</Typography>
          <TitleExpirationFields value={value} onChange={setValue} titleLabel={t('keyChange.rotate.newTitle')} today={today} locale={locale} disabled={state.submitting} />
          <FailureAlert error={state.error} />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} disabled={state.submitting}>
          {t('keyChange.rotate.cancel')}
        </Button>
        <Button type="submit" variant="contained" disabled={state.submitting || !valid}>
          {state.submitting ? t('keyChange.rotate.starting') : t('keyChange.rotate.start')}
        </Button>
      </DialogActions>
    </form>
  );
}
