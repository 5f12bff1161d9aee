// How the services ask their host to run the bundled local organization server: Electron
// starts it in a utilityProcess, the web preview and tests in-process. The admin password
// crosses this port only to sign in; it is never logged or persisted.
export interface LocalOrganizationInstance {
  /** Base URL on loopback, e.g. http://127.0.0.1:41234 (no trailing slash needed). */
  url: string;
  adminEmail: string;
  adminPassword: string;
}

export interface LocalOrganizationLauncher {
  /** Starts the server, or answers the one already running. */
  start(): Promise<LocalOrganizationInstance>;
  stop(): Promise<void>;
}
