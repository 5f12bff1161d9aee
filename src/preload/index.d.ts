import type { KeyDeskApi } from '../shared/ipc-contract';

declare global {
  interface Window {
    keydesk: KeyDeskApi;
  }
}
