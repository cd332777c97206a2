import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isBuildStale } from '../../scripts/lib/next-build';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface AppProcess {
  /** e.g. http://127.0.0.1:41234 */
  url: string;
  port: number;
  /** Mode Next runs in: production when a fresh `next build` exists, development otherwise. */
  mode: 'production' | 'development';
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  /** The exit code once the process ended (null while it runs, or when a signal killed it). */
  exitCode(): number | null;
  stop(): Promise<void>;
}

export interface StartAppProcessOptions {
  /** Environment of the app (CLIENT_ID, PIPEDRIVE_OAUTH_URL, DATABASE_URL, ...). PORT is set here. */
  env: Record<string, string>;
  /** A port picked beforehand (e.g. because the sandbox must know the callback URL); default: a free one. */
  port?: number;
  mode?: 'production' | 'development';
  timeoutMs?: number;
}

/**
 * TEST_APP_MODE=production runs the existing build even when src/ changed since: server-side code
 * (server.ts, src/server, adapters) is loaded by tsx, not bundled, so a server-only change (e.g.
 * breaking a line to see a test fail) needs no rebuild.
 */
function forcedMode(): 'production' | 'development' | undefined {
  const mode = process.env.TEST_APP_MODE;
  return mode === 'production' || mode === 'development' ? mode : undefined;
}

/** A free TCP port on 127.0.0.1 (released before returning, so there is a small race; fine for tests). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Spawns the app (`tsx server.ts`) as its own process, as `npm start` does, and waits until
 * `GET /api/health` answers. Production mode needs a fresh `next build` (npm test makes one);
 * without it the app runs Next in development mode, which compiles pages on first request and
 * locks `.next/dev`: only one development-mode app process can run per checkout at a time.
 */
export async function startAppProcess(options: StartAppProcessOptions): Promise<AppProcess> {
  const port = options.port ?? (await freePort());
  const mode = options.mode ?? forcedMode() ?? (isBuildStale(ROOT) ? 'development' : 'production');
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const child: ChildProcess = // `node --import tsx` keeps the app in ONE process: the tsx CLI would put a parent in between,
  // which can exit before the server has let go of its port and Next's dev lock.
  spawn(process.execPath, ['--import', 'tsx', 'server.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: mode,
      NEXT_TELEMETRY_DISABLED: '1',
      LOG_LEVEL: 'warn',
      ...options.env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.timeoutMs ?? 120_000);
  let exitCode: number | null | undefined;
  void exited.then((code) => {
    exitCode = code;
  });
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`The app exited (code ${exitCode}) before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return { url, port, mode, output: () => output, exitCode: () => child.exitCode, stop };
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await stop();
  throw new Error(`The app did not become ready at ${url} in time:\n${output}`);
}
