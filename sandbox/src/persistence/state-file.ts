import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stateSnapshotSchema, type SandboxStateSnapshot } from './state-snapshot';

/** Where `npm start` (sandbox/src/main.ts) keeps the sandbox's state unless SANDBOX_STATE_FILE says otherwise. */
export const DEFAULT_STATE_FILE = './data/sandbox-state.json';

export type StateFileLoad =
  | { kind: 'missing' }
  | { kind: 'loaded'; snapshot: SandboxStateSnapshot }
  /** Unreadable or of another format: moved to `movedTo` so nothing is lost, and the sandbox starts fresh. */
  | { kind: 'rejected'; reason: string; movedTo: string };

/** `.corrupt-2026-12-05T06-10-00-000Z`: sortable, and valid in file names on every OS. */
function corruptSuffix(now: Date): string {
  return `.corrupt-${now.toISOString().replace(/[:.]/g, '-')}`;
}

/** Reads the state file; a missing file is normal (first start, or after `npm run sandbox:reset`). */
export function loadStateFile(path: string, now: Date = new Date()): StateFileLoad {
  if (!existsSync(path)) return { kind: 'missing' };
  let reason: string;
  try {
    const parsed = stateSnapshotSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
    if (parsed.success) return { kind: 'loaded', snapshot: parsed.data };
    const issue = parsed.error.issues[0]!;
    reason = issue.path[0] === 'version'
      ? 'it was written by another version of the sandbox'
      : `${issue.path.join('.') || 'file'}: ${issue.message}`;
  } catch (error) {
    reason = `not valid JSON (${(error as Error).message})`;
  }
  const movedTo = `${path}${corruptSuffix(now)}`;
  renameSync(path, movedTo);
  return { kind: 'rejected', reason, movedTo };
}

function tempPathFor(path: string): string {
  return `${path}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
}

/**
 * Write to a temporary file in the same directory, then rename over the old one: a crash mid-write
 * leaves either the previous state or the new one, never half a file.
 */
export async function writeStateFile(path: string, snapshot: SandboxStateSnapshot): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = tempPathFor(path);
  await writeFile(temp, JSON.stringify(snapshot));
  await rename(temp, path);
}

