import { describe, expect, it } from 'vitest';
import { UPDATER_INACTIVE_MESSAGE, decideAfterCheck, describeUpdateError, errorCodeOf } from '../../../src/main/updates/update-messages';

function codedError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('decideAfterCheck', () => {
  it('reports an inactive updater (null result) as unsupported, without download', () => {
    expect(decideAfterCheck(null, '1.0.0')).toEqual({ report: { status: 'unsupported', message: UPDATER_INACTIVE_MESSAGE }, download: null });
  });

  it('reports up to date with the current version', () => {
    const decision = decideAfterCheck({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } }, '1.0.0');
    expect(decision).toEqual({ report: { status: 'up-to-date', message: 'KeyDesk 1.0.0 is the latest version.' }, download: null });
  });

  it('reports an available version and asks for its download', () => {
    const decision = decideAfterCheck({ isUpdateAvailable: true, updateInfo: { version: '1.2.0' } }, '1.0.0');
    expect(decision.download).toBe('1.2.0');
    expect(decision.report.status).toBe('available');
    expect(decision.report.message).toContain('KeyDesk 1.2.0 is available (you have 1.0.0)');
    expect(decision.report.message).toContain('installed when you quit');
  });
});

describe('describeUpdateError', () => {
  it.each([
    ['ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'No KeyDesk release was found'],
    ['HTTP_ERROR_404', 'No KeyDesk release was found'],
    ['ERR_UPDATER_INVALID_UPDATE_INFO', 'cannot read'],
    ['ERR_UPDATER_INVALID_SIGNATURE', 'signature could not be verified'],
    ['HTTP_ERROR_403', 'refused access (HTTP 403)'],
    ['HTTP_ERROR_503', 'had a problem (HTTP 503)'],
    ['HTTP_ERROR_429', 'answered HTTP 429'],
    ['ENOTFOUND', 'Could not reach the update server (ENOTFOUND)'],
    ['ERR_SOMETHING_NEW', 'The update check failed (ERR_SOMETHING_NEW)'],
  ])('maps %s to a plain sentence', (code, expected) => {
    const result = describeUpdateError(codedError('whatever', code));
    expect(result.status).toBe('error');
    expect(result.message).toContain(expected);
  });

  it('recognizes Electron net errors from their message', () => {
    expect(describeUpdateError(new Error('net::ERR_INTERNET_DISCONNECTED')).message).toBe(
      'Could not reach the update server (net::ERR_INTERNET_DISCONNECTED). Check your network connection and try again.',
    );
    expect(describeUpdateError(new Error('net::ERR_CERT_AUTHORITY_INVALID')).message).toContain('certificate was refused');
  });

  it('never shows the raw message or a stack trace', () => {
    const error = codedError(
      'Cannot find latest.yml in https://example.test/releases: HttpError: 404\nHeaders: {"set-cookie":"session=SENTINEL-SECRET"}\n    at Object.<anonymous> (file.js:1:1)',
      'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    );
    const { message } = describeUpdateError(error);
    expect(message).not.toMatch(/SENTINEL|Headers|https?:|\n|at Object/);
    expect(describeUpdateError(new Error('free text with SENTINEL-SECRET')).message).toBe('The update check failed. Try again later.');
    expect(describeUpdateError('a string').message).toBe('The update check failed. Try again later.');
  });

  it('keeps only code-shaped codes', () => {
    expect(errorCodeOf(codedError('x', 'not a code; rm -rf'))).toBeNull();
    expect(errorCodeOf(null)).toBeNull();
    expect(errorCodeOf(codedError('x', 'ECONNRESET'))).toBe('ECONNRESET');
  });
});
