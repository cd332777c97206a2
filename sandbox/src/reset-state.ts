import 'dotenv/config';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_STATE_FILE } from './persistence/state-file';

/**
 * `npm run sandbox:reset`: deletes the sandbox's state file so the next start begins with fresh demo
 * data and no installs. Reads .env like `npm start` does, so it deletes the file that start uses.
 * Files set aside as `.corrupt-*` are left alone: they are kept for the user to inspect.
 */
// Same reading as sandbox/src/main.ts: unset or empty = the default file.
const configured = process.env.SANDBOX_STATE_FILE?.trim() || DEFAULT_STATE_FILE;
if (configured === 'memory') {
  console.log('SANDBOX_STATE_FILE is set to keep the sandbox in memory: there is no state file to delete.');
} else {
  const path = resolve(configured);
  try {
    rmSync(path);
    console.log(`Deleted the sandbox state: ${path}`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    console.log(`No sandbox state to delete: ${path} does not exist.`);
  }
  // A running sandbox keeps its state in memory and would write it back on its next change or on exit.
  console.log('If `npm start` is running, stop it first, or its sandbox saves its state again.');
}
