// One end of the Activity view's range of days. A date is applied once it is a whole day
// within the years the log can hold: a year typed digit by digit goes through 0002, 0020
// and 0202 on its way to 2026, and 9999 ended a range past what an instant can say (issue 9).
// Until it is, the field keeps what was typed and says the bounds; the filter keeps its last day.
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const EARLIEST = dayjs('2000-01-01');
const LATEST = dayjs('2099-12-31');

type Props = {
  label: string;
  /** The filter's calendar day (`YYYY-MM-DD`), or null: open. */
  day: string | null;
  /** The range around it is wrong (said once, under the filters). */
  error: boolean;
  onChange(day: string | null): void;
};

/** A whole day within the bounds (not one still being typed, nor year 0001 or 9999). */
const isUsable = (date: Dayjs): boolean => date.isValid() && !date.isBefore(EARLIEST, 'day') && !date.isAfter(LATEST, 'day');
const dayjsOf = (day: string | null): Dayjs | null => (day === null ? null : dayjs(day));

export function ActivityDateField({ label, day, error, onChange }: Props): React.JSX.Element {
  const { t } = useTranslation('activity');
  const [draft, setDraft] = useState(() => dayjsOf(day));
  // The day changed from outside (Clear filters): the field follows, as in useSettledText.
  const [shown, setShown] = useState(day);
  if (shown !== day) {
    setShown(day);
    setDraft(dayjsOf(day));
  }
  const wrong = draft !== null && !isUsable(draft);
  return (
    <DatePicker
      label={label}
      value={draft}
      minDate={EARLIEST}
      maxDate={LATEST}
      onChange={(value) => {
        setDraft(value);
        if (value === null) onChange(null);
        else if (isUsable(value)) onChange(value.format('YYYY-MM-DD'));
      }}
      slotProps={{
        textField: {
          size: 'small',
          sx: { width: 170 },
          error: error || wrong,
          helperText: wrong ? t('filters.dateOutOfRange', { earliest: EARLIEST.year(), latest: LATEST.year() }) : undefined,
        },
        field: { clearable: true },
      }}
    />
  );
}
