// Builds window.keydesk from the contract: exactly its methods, nothing else, no logic.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_METHODS, MENU_COMMAND_CHANNEL, channelOf, type KeyDeskApi, type MenuCommand } from '../shared/ipc-contract';

// channelOf always yields a `keydesk:` channel, so only those ever leave this preload.
const api = Object.fromEntries(
  IPC_METHODS.map((method) => [method, (request?: unknown) => ipcRenderer.invoke(channelOf(method), request)]),
) as Omit<KeyDeskApi, 'onMenuCommand'>;

const keydesk: KeyDeskApi = {
  ...api,
  onMenuCommand(listener: (command: MenuCommand) => void) {
    // The IPC event object never reaches the page: only the command.
    const handler = (_event: unknown, command: MenuCommand): void => listener(command);
    ipcRenderer.on(MENU_COMMAND_CHANNEL, handler);
    return () => ipcRenderer.removeListener(MENU_COMMAND_CHANNEL, handler);
  },
};

contextBridge.exposeInMainWorld('keydesk', keydesk);
