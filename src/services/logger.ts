// The services' one logging port. Hosts pass their own (the main process's standard error
// and log file, the web preview's console, a capturing logger in tests). Callers pass
// identifiers, paths, codes and durations only: never a password, token, refresh token or
// key secret.
export type LogFields = Record<string, string | number | boolean | null | undefined>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

export const silentLogger: Logger = {
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

/** The fields as ` key="value" …` (empty when there are none), for hosts that log one line per event. */
export function formatLogFields(fields?: LogFields): string {
  const text = Object.entries(fields ?? {})
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}=${JSON.stringify(value)}`)
    .join(' ');
  return text ? ` ${text}` : '';
}
