import { describe, expect, it } from 'vitest';
import { decideAfterCheck, describeUpdateError, errorCodeOf } from '../../../src/main/updates/update-messages';

function codedError(message: string, code?: string): Error {
  return Object.assign(new Error(message), code ? { code } : {});
}

describe('decideAfterCheck', () => {
  it('reports an inactive updater (null result) as unsupported, without download', () => {
    expect(decideAfterCheck(null, '1.0.0')).toEqual({ report: { status: 'unsupported', reason: 'updater-inactive' }, download: null });
  });

  it('reports up to date with the current version', () => {
    const decision = decideAfterCheck({ isUpdateAvailable: false, updateInfo: { version: '1.0.0' } }, '1.0.0');
    expect(decision).toEqual({ report: { status: 'up-to-date', currentVersion: '1.0.0' }, download: null });
  });

  it('reports an available version with the current one, and asks for its download', () => {
    const decision = decideAfterCheck({ isUpdateAvailable: true, updateInfo: { version: '1.2.0' } }, '1.0.0');
    expect(decision).toEqual({ report: { status: 'available', version: '1.2.0', currentVersion: '1.0.0', downloaded: false }, download: '1.2.0' });
  });
});

describe('describeUpdateError', () => {
  it.each([
    ['ERR_UPDATER_CHANNEL_FILE_NOT_FOUND', 'no-release', null],
    ['HTTP_ERROR_404', 'no-release', 404],
    ['ERR_UPDATER_INVALID_UPDATE_INFO', 'unreadable', null],
    ['ERR_UPDATER_INVALID_SIGNATURE', 'signature', null],
    ['HTTP_ERROR_403', 'access-refused', 403],
    ['HTTP_ERROR_503', 'server-failed', 503],
    ['HTTP_ERROR_429', 'http', 429],
    ['ENOTFOUND', 'network', null],
    ['ERR_SOMETHING_NEW', 'unknown', null],
  ])('maps %s to %s', (code, reason, httpStatus) => {
    expect(describeUpdateError(codedError('whatever', code))).toEqual({ status: 'error', reason, code, httpStatus });
  });

  it('recognizes Electron net errors from their message', () => {
    expect(describeUpdateError(new Error('net::ERR_INTERNET_DISCONNECTED'))).toEqual({
      status: 'error',
      reason: 'network',
      code: 'net::ERR_INTERNET_DISCONNECTED',
      httpStatus: null,
    });
    expect(describeUpdateError(new Error('net::ERR_CERT_AUTHORITY_INVALID'))).toMatchObject({ reason: 'certificate' });
  });

  it('never passes on the raw message or a stack trace', () => {
    const error = codedError(
      'Cannot find latest.yml in https://example.test/releases: HttpError: 404\nHeaders: {"set-cookie":"session=SENTINEL-SECRET"}\n    at Object.<anonymous> (file.js:1:1)',
      'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND',
    );
    expect(JSON.stringify(describeUpdateError(error))).not.toMatch(/SENTINEL|Headers|https?:|\\n|at Object/);
    expect(describeUpdateError(new Error('free text with SENTINEL-SECRET'))).toEqual({ status: 'error', reason: 'unknown', code: null, httpStatus: null });
    expect(describeUpdateError('a string')).toEqual({ status: 'error', reason: 'unknown', code: null, httpStatus: null });
  });

  it('keeps only code-shaped codes', () => {
    expect(errorCodeOf(codedError('x', 'not a code; rm -rf'))).toBeNull();
    expect(errorCodeOf(null)).toBeNull();
    expect(errorCodeOf(codedError('x', 'ECONNRESET'))).toBe('ECONNRESET');
  });
});
