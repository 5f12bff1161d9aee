// What to say after "Check for updates", from the check's codes and values.
import type { TFunction } from 'i18next';
import type { UpdateCheck, UpdateFailure } from '@shared/ipc-contract';

export type UpdateSentence = { severity: 'info' | 'success' | 'error'; text: string };

const FAILURES = {
  unknown: 'updates.failed.unknown',
  'no-release': 'updates.failed.noRelease',
  unreadable: 'updates.failed.unreadable',
  signature: 'updates.failed.signature',
  certificate: 'updates.failed.certificate',
  network: 'updates.failed.network',
  'access-refused': 'updates.failed.accessRefused',
  'server-failed': 'updates.failed.serverFailed',
  http: 'updates.failed.http',
} as const satisfies Record<UpdateFailure, string>;

export function updateSentence(result: UpdateCheck, t: TFunction<'about'>): UpdateSentence {
  switch (result.status) {
    case 'unsupported':
      return { severity: 'info', text: t(result.reason === 'not-packaged' ? 'updates.found.notPackaged' : 'updates.found.updaterInactive') };
    case 'up-to-date':
      return { severity: 'success', text: t('updates.found.upToDate', { currentVersion: result.currentVersion }) };
    case 'available': {
      const { version, currentVersion } = result;
      if (result.downloaded) return { severity: 'info', text: t('updates.found.downloaded', { version }) };
      if (currentVersion === null) return { severity: 'info', text: t('updates.found.downloading', { version }) };
      return { severity: 'info', text: t('updates.found.available', { version, currentVersion }) };
    }
    case 'error': {
      const { code, httpStatus } = result;
      const key = result.reason === 'unknown' && code !== null ? 'updates.failed.unknownCode' : FAILURES[result.reason];
      return { severity: 'error', text: t(key, { code: code ?? '', httpStatus: httpStatus ?? '' }) };
    }
  }
}
