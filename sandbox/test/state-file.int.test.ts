import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { TestKit } from './sandbox-test-kit';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CALL_LOG = {
  outcome: 'connected', to_phone_number: '+442079460958', from_phone_number: '+3725550000',
  start_time: '2025-06-02 11:50:00', end_time: '2025-06-02 11:55:30', duration: '330', person_id: 1, subject: 'Call',
};

async function waitFor(condition: () => boolean, what: string, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const readState = (path: string): any => JSON.parse(readFileSync(path, 'utf8'));

describe('sandbox state file', () => {
  let dir: string;
  let stateFile: string;
  let warnings: string[];
  const running: TestKit[] = [];
  const start = async (): Promise<TestKit> => {
    const kit = await TestKit.start({ stateFile, warn: (message) => warnings.push(message) });
    running.push(kit);
    return kit;
  };
  const stop = async (kit: TestKit): Promise<void> => {
    running.splice(running.indexOf(kit), 1);
    await kit.close();
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'sandbox-state-'));
    stateFile = join(dir, 'nested', 'sandbox-state.json');
    warnings = [];
  });
  afterEach(async () => {
    await Promise.all(running.splice(0).map((kit) => kit.close()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('a sandbox restarted on the same file has the same installs, persons, notes, activities and call logs', async () => {
    const first = await start();
    const tokens = await first.install(20002);
    const person = (await first.post('/api/v2/persons', tokens.access_token, { name: 'Kept Caller', phones: [{ value: '+49 89 7654321' }] })).body.data;
    const note = (await first.post('/api/v1/notes', tokens.access_token, { content: 'remember me', person_id: person.id })).body.data;
    const callLog = (await first.post('/api/v1/callLogs', tokens.access_token, { ...CALL_LOG, person_id: person.id })).body.data;
    await stop(first);

    const second = await start();
    // The access token issued before the restart still works, and so does the refresh token.
    const fetched = await second.get(`/api/v2/persons/${person.id}`, tokens.access_token);
    expect(fetched.status).toBe(200);
    expect(fetched.body.data).toMatchObject({ name: 'Kept Caller' });
    const refreshed = await second.token({ grant_type: 'refresh_token', refresh_token: tokens.refresh_token });
    expect(refreshed.status).toBe(200);
    // The phone index is rebuilt, so the app's caller lookup finds the person created before the restart.
    const search = await second.get(`/api/v2/persons/search?term=${encodeURIComponent('+49 89 7654321')}&fields=phone`, tokens.access_token);
    expect(search.body.data.items.map((hit: { item: { id: number } }) => hit.item.id)).toContain(person.id);
    const state = (await second.control('/state', undefined, 'GET')).body.data;
    expect(state.installs).toEqual([20002]);
    expect(state.callLogs).toEqual([expect.objectContaining({ id: callLog.id, person_id: person.id })]);
    expect(state.notes).toEqual([expect.objectContaining({ id: note.id, content: 'remember me' })]);
    expect(state.activities).toContainEqual(expect.objectContaining({ id: callLog.activity_id, done: true, person_id: person.id }));
    // Ids continue after the saved ones instead of reusing them.
    const next = await second.post('/api/v2/persons', tokens.access_token, { name: 'After Restart' });
    expect(next.body.data.id).toBe(person.id + 1);
    expect(warnings).toEqual([]);
  });

  it('saves shortly after a change without waiting for close, through a temporary file that does not stay behind', async () => {
    const kit = await start();
    const tokens = await kit.install(20002);
    await kit.post('/api/v1/callLogs', tokens.access_token, CALL_LOG);
    await waitFor(() => existsSync(stateFile) && readState(stateFile).store.callLogs.length === 1, 'the call log in the state file');
    expect(readState(stateFile)).toMatchObject({ version: 1, oauth: { grants: [expect.objectContaining({ userId: 20002, revoked: false })] } });
    expect(readdirSync(join(dir, 'nested'))).toEqual(['sandbox-state.json']);
  });

  it('the test-only reset endpoint also resets the saved state (installs survive, as they do in memory)', async () => {
    const kit = await start();
    const tokens = await kit.install(20002);
    await kit.post('/api/v2/persons', tokens.access_token, { name: 'Gone After Reset' });
    await kit.post('/api/v1/callLogs', tokens.access_token, CALL_LOG);
    expect((await kit.control('/reset')).status).toBe(200);
    // Saved before the endpoint answered: no waiting, no close.
    const saved = readState(stateFile);
    expect(saved.store.callLogs).toEqual([]);
    expect(saved.store.persons.some((p: { name: string }) => p.name === 'Gone After Reset')).toBe(false);
    await stop(kit);

    const restarted = await start();
    const state = (await restarted.control('/state?include=callLogs,installs,persons', undefined, 'GET')).body.data;
    expect(state.callLogs).toEqual([]);
    expect(state.persons).toHaveLength(300);
    expect(state.installs).toEqual([20002]);
  });

  it('npm run sandbox:reset deletes the state file and says where it was', async () => {
    const kit = await start();
    await stop(kit);
    expect(existsSync(stateFile)).toBe(true);
    const run = () => spawnSync(process.execPath, ['--import', 'tsx', 'sandbox/src/reset-state.ts'], {
      cwd: ROOT, env: { ...process.env, SANDBOX_STATE_FILE: stateFile }, encoding: 'utf8',
    });
    const deleted = run();
    expect(deleted.status, deleted.stderr).toBe(0);
    expect(deleted.stdout).toContain(`Deleted the sandbox state: ${stateFile}`);
    expect(existsSync(stateFile)).toBe(false);
    const again = run();
    expect(again.stdout).toContain(`${stateFile} does not exist`);
  });

  it('the CLI that npm start runs keeps its state in ./data/sandbox-state.json by default, says so, and saves on SIGTERM', async () => {
    // Run from an empty directory so the default path lands in the test's folder, not the checkout.
    const tsx = pathToFileURL(join(ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')).href;
    const { SANDBOX_STATE_FILE: _unset, ...inherited } = process.env;
    const env: NodeJS.ProcessEnv = { ...inherited, SANDBOX_PORT: '0' };
    const cli = spawn(process.execPath, ['--import', tsx, join(ROOT, 'sandbox', 'src', 'main.ts')], { cwd: dir, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    cli.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => cli.once('exit', (code) => resolve(code)));
    const expected = join(dir, 'data', 'sandbox-state.json');
    await waitFor(() => output.includes('Sandbox state:'), `the CLI to start (${output})`, 20_000);
    expect(output).toContain(`Sandbox state: ${expected} (npm run sandbox:reset to start over)`);
    cli.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(readState(expected).store.persons).toHaveLength(300);
  });

  it.each([
    ['corrupt', '{"version": 1, "store": {', /not valid JSON/],
    ['incompatible', JSON.stringify({ version: 999, savedAt: 'x', store: {}, oauth: {} }), /another version of the sandbox/],
    ['damaged', JSON.stringify({ version: 1, savedAt: 'x', store: { company: { id: 1 } }, oauth: {} }), /store\.company\.name/],
  ])('a %s file is reported, kept aside as .corrupt-<time>, and the sandbox starts fresh', async (_kind, content, reason) => {
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(stateFile, content);
    const kit = await start();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(reason);
    expect(warnings[0]).toContain(stateFile);
    const aside = readdirSync(join(dir, 'nested')).filter((name) => /^sandbox-state\.json\.corrupt-\d{4}-\d\d-\d\dT[\d-]+Z$/.test(name));
    expect(aside).toHaveLength(1);
    expect(warnings[0]).toContain(join(dir, 'nested', aside[0]!));
    expect(readFileSync(join(dir, 'nested', aside[0]!), 'utf8')).toBe(content);
    // Fresh seed, served normally; and a valid file replaces the bad one.
    const tokens = await kit.install(20002);
    expect((await kit.get('/api/v2/persons/1', tokens.access_token)).status).toBe(200);
    await stop(kit);
    expect(readState(stateFile).version).toBe(1);
  });
});
