// The host-agnostic core of both bridges (Electron IPC and the web preview's HTTP bridge):
// a method name and an untrusted argument in, a Result out. The argument is validated
// with the contract's schema before any service runs; nothing thrown escapes as is.
import { AppError, stackFrames, toAppErrorData, type Result } from '../../shared/errors';
import { ipcContract, type IpcMethod, type KeyDeskHandlers } from '../../shared/ipc-contract';
import { describeInvalidArgument, invalidFields } from './describe-invalid-argument';

export type Dispatch = (method: string, rawArgument: unknown) => Promise<Result<unknown>>;

export type DispatcherOptions = {
  /** Receives one line per unexpected failure; never the argument or the error message. */
  log?: (line: string) => void;
};

export function isContractMethod(method: string): method is IpcMethod {
  return Object.hasOwn(ipcContract, method);
}

function failure(error: AppError): Result<never> {
  return { ok: false, error: error.toData() };
}

export function createDispatcher(handlers: KeyDeskHandlers, options: DispatcherOptions = {}): Dispatch {
  const log = options.log ?? ((line: string) => console.error(line));
  return async (method, rawArgument) => {
    if (!isContractMethod(method)) {
      const name = /^[A-Za-z]{1,64}$/.test(method) ? method : '(unreadable name)';
      return failure(new AppError('INVALID_ARGUMENT', `KeyDesk has no method named ${name}.`));
    }
    const parsed = ipcContract[method].request.safeParse(rawArgument);
    if (!parsed.success) return failure(new AppError('INVALID_ARGUMENT', describeInvalidArgument(method, parsed.error), { method, fields: invalidFields(parsed.error) }));
    try {
      // The contract pairs each method's schema with its handler; TypeScript cannot see that
      // through the union of methods, hence the widening.
      const handler = handlers[method] as (request: unknown) => Promise<unknown>;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      if (!(error instanceof AppError)) {
        const kind = error instanceof Error ? error.name : typeof error;
        log([`KeyDesk: unexpected ${kind} in ${method}`, ...stackFrames(error)].join('\n'));
      }
      return { ok: false, error: toAppErrorData(error) };
    }
  };
}
