// The calendar days a date field of KeyDesk accepts. A year typed digit by digit goes
// through 0002, 0020 and 0202 on its way to 2026, and 9999-12-31 ends a range at year
// 10000, past what an ISO instant of the contract can say (issue 9). Keys live at most a
// year, so these bounds hold every day an admin needs.
import dayjs, { type Dayjs } from 'dayjs';

export const EARLIEST_DAY = dayjs('2000-01-01');
export const LATEST_DAY = dayjs('2099-12-31');

/** A whole day within the bounds (not one still being typed, nor year 0001 or 9999). */
export function isUsableDay(date: Dayjs): boolean {
  return date.isValid() && !date.isBefore(EARLIEST_DAY, 'day') && !date.isAfter(LATEST_DAY, 'day');
}
