// A stand-in for the unpacked Electron folder that electron-builder copies around the app
// (config `electronDist`), so that packaging needs no download: electron-builder fetches
// Electron's zip from GitHub otherwise, which this machine and CI cannot reach. It is not
// Electron and runs nothing of it: an `electron` file that carries Electron's fuse wire
// (the sentinel @electron/fuses looks for, then Electron's default fuses, from
// build/fuses/fuses.json5 in electron/electron), so that electron-builder's fuse flipping
// runs on it and its result can be read back; and Electron's LICENSE, which
// electron-builder keeps beside the executable. Tests that use it test the packaged layout.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/**
 * Electron's defaults, in wire order: run_as_node, cookie_encryption, node_options,
 * node_cli_inspect, embedded_asar_integrity_validation, only_load_app_from_asar,
 * load_browser_process_specific_v8_snapshot, grant_file_protocol_extra_privileges,
 * wasm_trap_handlers ('1' on, '0' off).
 */
export const STAND_IN_DEFAULT_FUSES = '101100011';

export async function createStandInElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'latin1'), Buffer.from([FUSE_WIRE_VERSION, STAND_IN_DEFAULT_FUSES.length]), Buffer.from(STAND_IN_DEFAULT_FUSES, 'latin1')]);
  const executable = Buffer.concat([Buffer.from('#!/bin/sh\necho "stand-in for Electron: packaging tests only" >&2\nexit 1\n# '), wire, Buffer.from('\n')]);
  await writeFile(join(dir, 'electron'), executable);
  await chmod(join(dir, 'electron'), 0o755);
  await writeFile(join(dir, 'LICENSE'), 'Stand-in for Electron’s MIT license (packaging tests only).\n');
  return dir;
}
