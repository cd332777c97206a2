import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../support/app-process';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** True when nothing listens on the port (we could bind it ourselves). */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('npm start: one command, one lifetime', () => {
  it('stops the sandbox when the app fails to start on a bad setting, so the next start finds its port free', async () => {
    const [appPort, sandboxPort] = [await freePort(), await freePort()];
    // --dev skips the production build; the bad LOG_LEVEL makes the app exit before Next starts.
    const start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts', '--dev'], {
      cwd: ROOT,
      env: { ...process.env, CLIENT_ID: '', PORT: String(appPort), SANDBOX_PORT: String(sandboxPort), LOG_LEVEL: 'not-a-level', NODE_ENV: 'development', SANDBOX_STATE_FILE: 'memory' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    start.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exitCode = await new Promise<number | null>((resolve) => start.once('exit', (code) => resolve(code)));

    expect(exitCode, output).not.toBe(0);
    expect(output).toMatch(/LOG_LEVEL/);
    // An orphaned sandbox would still be starting: give it time to bind before looking.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(await isPortFree(sandboxPort), `the sandbox still holds port ${sandboxPort}\n${output}`).toBe(true);
  });
});
