// Run as a child process by credentials.test.ts, with whatever D-Bus environment the test
// gives it: tries the real keytar store once and prints what happened as one JSON line.
import { AppError } from '../../../src/shared/errors';
import { createKeytarCredentialStore } from '../../../src/services/credentials/keytar-credential-store';

const store = createKeytarCredentialStore();
try {
  await store.setRefreshToken('keydesk-probe', 'probe-token-value');
  await store.deleteRefreshToken('keydesk-probe');
  console.log(JSON.stringify({ ok: true }));
} catch (error) {
  console.log(JSON.stringify(error instanceof AppError ? { ok: false, ...error.toData() } : { ok: false, crash: String(error) }));
}
