// The page's Content-Security-Policy, one list for both hosts: Electron's app:// protocol
// handler sends it as a response header, and so does the web preview's server. A test keeps
// it equal to the meta tag in src/renderer/index.html plus `frame-ancestors 'none'`, which
// browsers honour only in a header. The renderer never talks to the network itself (the main
// process or the bridge does), hence `connect-src 'self'`. Emotion needs
// `style-src 'unsafe-inline'` (see .electronegativity-allowlist.json).

/**
 * The policy, with `scriptHashes` ('sha256-…' sources) added to script-src. Only `npm run dev`
 * passes any: the Vite dev page starts with @vitejs/plugin-react's inline preamble script,
 * which `script-src 'self'` alone blocks (src/main/content-security-policy.ts).
 */
export function contentSecurityPolicy(options: { scriptHashes?: readonly string[] } = {}): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...(options.scriptHashes ?? [])].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();
