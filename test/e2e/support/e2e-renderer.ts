// The end-to-end tests serve their own copy of the built renderer: out/renderer is rebuilt
// (emptied first) whenever a web preview starts on changed sources, which would pull the
// files from under a running suite.
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../src/web/renderer-build';

export const E2E_RENDERER_DIR = join(PROJECT_ROOT, 'out', 'e2e-renderer');
