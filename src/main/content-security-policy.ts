// The page's Content-Security-Policy, sent again as a response header so that it holds
// even for a response whose HTML were ever to lose its meta tag. A test keeps it equal to
// the meta tag in src/renderer/index.html plus `frame-ancestors 'none'`, which browsers
// honour only in a header. The renderer never talks to the network itself (the main
// process does), hence `connect-src 'self'`.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Response headers with our CSP in place of any the response carried. */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const kept = Object.fromEntries(Object.entries(headers ?? {}).filter(([name]) => name.toLowerCase() !== 'content-security-policy'));
  return { ...kept, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] };
}
