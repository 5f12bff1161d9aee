// Turns zod's issues into one sentence naming the field, never quoting the value that was
// sent (it may be a password). zod 4 leaves the input out of its messages unless asked.
import type { z } from 'zod';

const MAX_ISSUES = 3;
// Unknown keys come from the caller: print only short identifier-like ones (a field name
// is useful; a pasted secret used as a key must not come back in the message).
const SAFE_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,23}$/;

function fieldName(path: readonly PropertyKey[]): string {
  if (path.length === 0) return 'the argument';
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : SAFE_KEY.test(String(key)) ? String(key) : '?')).join('.').replace(/\.\[/g, '[');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'unrecognized_keys') {
    const keys = issue.keys.map((key) => (SAFE_KEY.test(key) ? key : '?')).join(', ');
    return `${fieldName(issue.path)}: unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`;
  }
  return `${fieldName(issue.path)}: ${issue.message}`;
}

export function describeInvalidArgument(method: string, error: z.ZodError): string {
  const issues = error.issues.slice(0, MAX_ISSUES).map(describeIssue);
  const more = error.issues.length > MAX_ISSUES ? ` (and ${error.issues.length - MAX_ISSUES} more)` : '';
  return `Invalid argument for ${method}: ${issues.join('; ')}${more}.`;
}

/** The top-level fields the issues name (safe names only), for the UI to point at. */
export function invalidFields(error: z.ZodError): string[] {
  const names = error.issues.map((issue) => issue.path[0]).filter((key): key is string => typeof key === 'string' && SAFE_KEY.test(key));
  return [...new Set(names)];
}
