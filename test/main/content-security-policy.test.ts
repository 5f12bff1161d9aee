import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { devServerPageFilter, pageContentSecurityPolicy, withContentSecurityPolicy } from '../../src/main/content-security-policy';
import { resolveRendererLocation } from '../../src/main/renderer-location';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy } from '../../src/shared/content-security-policy';

const appLocation = resolveRendererLocation({ rendererDir: '/opt/KeyDesk/resources/app.asar/out/renderer', isDevelopment: false });
const devLocation = resolveRendererLocation({ rendererDir: '/x', devServerUrl: 'http://localhost:5173', isDevelopment: true });
const PREAMBLE_HASH = "'sha256-AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='";
const scriptSrc = (policy: string): string | undefined => policy.split('; ').find((directive) => directive.startsWith('script-src'));

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
    expect(scriptSrc(CONTENT_SECURITY_POLICY)).toBe("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
  });

  it('adds inline-script hashes to script-src only, and only when asked', () => {
    const withHash = contentSecurityPolicy({ scriptHashes: [PREAMBLE_HASH] });
    expect(scriptSrc(withHash)).toBe(`script-src 'self' ${PREAMBLE_HASH}`);
    expect(withHash.replace(` ${PREAMBLE_HASH}`, '')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('replaces any CSP header the response carried, whatever its case', () => {
    const headers = withContentSecurityPolicy({ 'content-security-policy': ['default-src *'], 'Content-Type': ['text/html'] }, CONTENT_SECURITY_POLICY);
    expect(headers).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withContentSecurityPolicy(undefined, CONTENT_SECURITY_POLICY)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});

describe('the CSP of the app’s own page', () => {
  it('allows the dev preamble by its hash for the dev server’s page only, never for the built page', () => {
    expect(scriptSrc(pageContentSecurityPolicy(devLocation, [PREAMBLE_HASH]))).toBe(`script-src 'self' ${PREAMBLE_HASH}`);
    expect(pageContentSecurityPolicy(appLocation, [PREAMBLE_HASH])).toBe(CONTENT_SECURITY_POLICY);
  });

  it('is added as a header to the dev server’s documents only: no filter at all for the app:// page, whose handler sends it', () => {
    expect(devServerPageFilter(devLocation)).toEqual({ urls: ['http://localhost:5173/*'], types: ['mainFrame', 'subFrame'] });
    expect(devServerPageFilter(appLocation)).toBeNull();
  });
});
