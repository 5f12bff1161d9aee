// One end of the Activity view's range of days. A date is applied once it is a whole day
// within lib/calendar-bounds.ts's years. Until it is, the field keeps what was typed and
// says the bounds; the filter keeps its last day.
import { DatePicker } from '@mui/x-date-pickers/DatePicker';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EARLIEST_DAY, isUsableDay, LATEST_DAY } from '@renderer/lib/calendar-bounds';

type Props = {
  label: string;
  /** The filter's calendar day (`YYYY-MM-DD`), or null: open. */
  day: string | null;
  /** The range around it is wrong (said once, under the filters). */
  error: boolean;
  onChange(day: string | null): void;
};

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
  const wrong = draft !== null && !isUsableDay(draft);
  return (
    <DatePicker
      label={label}
      value={draft}
      minDate={EARLIEST_DAY}
      maxDate={LATEST_DAY}
      onChange={(value) => {
        setDraft(value);
        if (value === null) onChange(null);
        else if (isUsableDay(value)) onChange(value.format('YYYY-MM-DD'));
      }}
      slotProps={{
        textField: {
          size: 'small',
          sx: { width: 170 },
          error: error || wrong,
          helperText: wrong ? t('filters.dateOutOfRange', { earliest: EARLIEST_DAY.year(), latest: LATEST_DAY.year() }) : undefined,
        },
        field: { clearable: true },
      }}
    />
  );
}
