// Dates, durations and relative times in the user's language, through Intl (no strings to
// translate, plural rules included).
//
// Building an Intl formatter costs far more than using one (a page of grid rows spent 15 ms
// building date formatters alone), so each is made once per locale and options.
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, formatter);
  }
  return formatter;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const RELATIVE_UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * DAY],
  ['month', 30 * DAY],
  ['week', 7 * DAY],
  ['day', DAY],
  ['hour', HOUR],
  ['minute', MINUTE],
];

/** "Nov 26, 2026" / "26 nov. 2026". */
export function formatDate(iso: string, locale: string): string {
  return dateFormatter(locale, { dateStyle: 'medium' }).format(new Date(iso));
}

/** The exact instant, with seconds and time zone, for tooltips. */
export function formatExactTime(iso: string, locale: string): string {
  return dateFormatter(locale, { dateStyle: 'full', timeStyle: 'long' }).format(new Date(iso));
}

/** "in 3 months", "2 days ago", "il y a 2 jours", in the largest unit that fits. */
export function formatRelative(iso: string, now: number, locale: string): string {
  const delta = Date.parse(iso) - now;
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  for (const [unit, size] of RELATIVE_UNITS) {
    if (Math.abs(delta) >= size) return format.format(Math.round(delta / size), unit);
  }
  return format.format(Math.round(delta / 1000), 'second');
}

/** "60 seconds", "30 days", "1 year" / "60 secondes", "30 jours", "1 an". */
export function formatUnit(amount: number, unit: 'second' | 'day' | 'year', locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long' }).format(amount);
}

export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale).format(value);
}
