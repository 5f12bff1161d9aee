// The one module that touches ipcMain (lint enforces it). Every contract method gets an
// ipcMain.handle whose first act is the sender check; the dispatcher then validates the
// argument before any service runs. Results cross as {ok, value} | {ok: false, error}.
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import type { Result } from '../../shared/errors';
import { IPC_METHODS, channelOf } from '../../shared/ipc-contract';
import type { Dispatch } from '../../services/dispatch/dispatcher';
import type { RendererLocation } from '../renderer-location';
import { isTrustedSender, type SenderFacts } from './sender-check';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from KeyDesk’s own window and was refused.' },
};

function senderFacts(event: IpcMainInvokeEvent): SenderFacts {
  let frame: SenderFacts['frame'] = null;
  try {
    // senderFrame is null (or throws, in some versions) once the frame is gone.
    const senderFrame = event.senderFrame;
    if (senderFrame) {
      frame = { url: senderFrame.url, isTop: senderFrame.parent === null, processId: senderFrame.processId, routingId: senderFrame.routingId };
    }
  } catch {
    frame = null;
  }
  return { webContentsId: event.sender.id, frame };
}

export function registerIpcHandlers(options: {
  dispatch: Dispatch;
  getMainWindow: () => BrowserWindow | null;
  location: RendererLocation;
  log: (line: string) => void;
}): () => void {
  for (const method of IPC_METHODS) {
    ipcMain.handle(channelOf(method), async (event, rawArgument: unknown) => {
      const window = options.getMainWindow();
      const own = window && !window.isDestroyed()
        ? { webContentsId: window.webContents.id, mainFrame: { processId: window.webContents.mainFrame.processId, routingId: window.webContents.mainFrame.routingId } }
        : null;
      if (!isTrustedSender(senderFacts(event), own, options.location)) {
        options.log(`KeyDesk: refused IPC ${method} from an untrusted sender`);
        return REFUSED;
      }
      return options.dispatch(method, rawArgument);
    });
  }
  return () => IPC_METHODS.forEach((method) => ipcMain.removeHandler(channelOf(method)));
}
