import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withContentSecurityPolicy } from '../../src/main/content-security-policy';
import { CONTENT_SECURITY_POLICY } from '../../src/shared/content-security-policy';

describe('content security policy', () => {
  it('is the meta tag of src/renderer/index.html, plus frame-ancestors (which works only as a header)', () => {
    const html = readFileSync(new URL('../../src/renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    const directives = (policy: string) => policy.split(';').map((directive) => directive.trim()).filter(Boolean);
    const fromMeta = directives(meta).filter((directive) => !directive.startsWith('frame-ancestors'));
    expect(fromMeta.length).toBeGreaterThan(5);
    expect(directives(CONTENT_SECURITY_POLICY)).toEqual([...fromMeta, "frame-ancestors 'none'"]);
  });

  it('allows only our own scripts: no eval, no inline script, no remote origin', () => {
    const scriptSrc = CONTENT_SECURITY_POLICY.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('replaces any CSP header the response carried, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
