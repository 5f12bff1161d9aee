// The CSP sent again as a response header, so that it holds even for a response whose HTML
// were ever to lose its meta tag (the policy itself is in src/shared).
import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

/** Response headers with our CSP in place of any the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
