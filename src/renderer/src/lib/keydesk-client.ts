// The renderer's one way to reach the services: window.keydesk (preload in Electron,
// HTTP bridge in the web preview), with results unwrapped so callers just await or catch.
import { AppError } from '@shared/errors';
import type { IpcMethod, IpcRequest, IpcResponse, KeyDeskApi } from '@shared/ipc-contract';
import errorsEn from '@renderer/i18n/errors-en';
import { i18n } from '@renderer/i18n/i18n';

function api(): KeyDeskApi {
  if (!window.keydesk) {
    throw new AppError('INTERNAL', 'KeyDesk’s services are not available in this window. Restart the app.');
  }
  return window.keydesk;
}

/** Calls a contract method; resolves with its value or rejects with an AppError. */
export async function call<M extends IpcMethod>(
  method: M,
  ...request: IpcRequest<M> extends undefined ? [] : [IpcRequest<M>]
): Promise<IpcResponse<M>> {
  const invoke = api()[method] as (request?: unknown) => ReturnType<KeyDeskApi[M]>;
  const result = await invoke(request[0]);
  if (!result.ok) {
    const error = AppError.fromData(result.error);
    for (const listener of [...failureListeners]) listener(error, method);
    throw error;
  }
  return result.value as IpcResponse<M>;
}

type FailureListener = (error: AppError, method: IpcMethod) => void;
const failureListeners = new Set<FailureListener>();

/**
 * Hears every failed call, after which the caller still gets its error. The app shell uses
 * it to notice a session that ended (revoked sign-in) whichever feature's call found out.
 */
export function onCallFailure(listener: FailureListener): () => void {
  failureListeners.add(listener);
  return () => {
    failureListeners.delete(listener);
  };
}

/** The services and the server speak English only: their own words can be shown as they are. */
export function speaksServicesLanguage(): boolean {
  return i18n.language === 'en';
}

/**
 * Turns anything a call threw into the sentence to show the user. In English that is the
 * services' own sentence, which names the server, the organization or the key. The
 * services and the server speak English only, so in another language the sentence comes
 * from the `errors` catalog: by the server's code when it has one there, else by KeyDesk's.
 */
export function errorMessage(error: unknown): string {
  if (!(error instanceof AppError)) return i18n.t('unexpected', { ns: 'errors' });
  if (speaksServicesLanguage()) return error.message;
  const details = error.details ?? {};
  if (details.sessionEnded === true) return i18n.t('sessionEnded', { ns: 'errors' });
  if (details.needsPassword === true) return i18n.t('needsPassword', { ns: 'errors' });
  const serverCode = details.serverCode;
  if (typeof serverCode === 'string' && serverCode in errorsEn.byServerCode) {
    return i18n.t(`byServerCode.${serverCode as keyof typeof errorsEn.byServerCode}`, { ns: 'errors' });
  }
  return i18n.t(`byCode.${error.code}`, { ns: 'errors' });
}
