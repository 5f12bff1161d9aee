// The renderer's one way to reach the services: window.keydesk (preload in Electron,
// HTTP bridge in the web preview), with results unwrapped so callers just await or catch.
import { AppError } from '@shared/errors';
import type { IpcMethod, IpcRequest, IpcResponse, KeyDeskApi } from '@shared/ipc-contract';

function api(): KeyDeskApi {
  if (!window.keydesk) {
    throw AppError.because('INTERNAL', 'services-unavailable', {}, 'KeyDesk’s services are not available in this window. Restart the app.');
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
