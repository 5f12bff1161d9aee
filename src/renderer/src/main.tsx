// Before any schema is used (see the module).
import '@renderer/lib/zod-without-eval';
// The web preview's window.keydesk (a no-op in Electron): first, before anything uses it.
import '@renderer/platform/install-http-keydesk';
// Roboto ships with the app (the CSP loads nothing remote).
import '@fontsource/roboto/400.css';
import '@fontsource/roboto/500.css';
import '@fontsource/roboto/700.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@renderer/app/app';

const container = document.getElementById('root');
if (!container) throw new Error('The page has no #root element.');
// React 19 logs every error an error boundary catches, message and all, before the boundary
// sees it; ours logs its own line without the message (which may hold user input).
createRoot(container, { onCaughtError: () => undefined }).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
