// How long an API key may live: one year at the most, the same bound on the server and in
// the create wizard.
//
// Why one year: a key is a bearer secret that scripts and integrations copy around; one
// that never expires is the classic forgotten leak. GitHub (fine-grained tokens) and GitLab
// (access tokens, 365 days by default) cap the lifetime at a year, and yearly rotation is
// what an administrator can plan around; the wizard's longest quick choice was already one
// year. Grafana and Stripe allow keys without an end; we do not. A bound also keeps every
// date a plain four-digit-year ISO string: "9999-12-31T23:59:59-14:00" became
// "+010000-01-01T…", which no client understood (issue 9).

/** The longest lifetime of a key, in calendar years. */
export const MAX_API_KEY_LIFETIME_YEARS = 1;

/** One day of slack, so that "the end of the chosen day" in any time zone (UTC−12 … UTC+14) fits. */
const TIME_ZONE_SLACK_MS = 24 * 60 * 60 * 1000;

/**
 * The latest expiration accepted at `now`: the same instant one calendar year later (UTC),
 * plus a day. The wizard offers days up to one year after today, whose end, in the user's
 * own time zone, can lie up to a day past that instant.
 */
export function latestApiKeyExpiration(now: Date): Date {
  const inAYear = new Date(now.getTime());
  inAYear.setUTCFullYear(inAYear.getUTCFullYear() + MAX_API_KEY_LIFETIME_YEARS);
  // 29 February + 1 year rolls over to 1 March, which is what a person means too.
  return new Date(inAYear.getTime() + TIME_ZONE_SLACK_MS);
}
