// Placeholder until the installers issue wires electron-updater here.
import type { UpdateCheck } from '../../shared/ipc-contract';

export interface UpdateService {
  check(): Promise<UpdateCheck>;
  /** Starts the periodic check when the setting asks for it. */
  startAutomaticChecks(): void;
}

export function createUpdateService(): UpdateService {
  return {
    check: async () => ({ status: 'unsupported', message: 'Updates only work in an installed copy of KeyDesk.' }),
    startAutomaticChecks: () => undefined,
  };
}
