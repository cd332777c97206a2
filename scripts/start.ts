/**
 * `npm start`: with no CLIENT_ID, starts the embedded Pipedrive sandbox AND the app, wired to each
 * other, and prints both URLs. With CLIENT_ID set, starts only the app against real Pipedrive.
 * `npm run dev` does the same with Next.js in development mode.
 */
import 'dotenv/config';
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ensureNextBuild } from './lib/next-build';
import { loadOrCreateSandboxCredentials } from './lib/sandbox-credentials';

const root = process.cwd();
const isDev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const appUrl = process.env.APP_URL ?? `http://localhost:${port}`;
const sandboxPort = Number(process.env.SANDBOX_PORT ?? 3100);
// 127.0.0.1 and localhost are different sites: the iframe runs in a real third-party context.
const sandboxUrl = `http://127.0.0.1:${sandboxPort}`;
const children: ChildProcess[] = [];

/**
 * Children are node itself with tsx as a loader (not `npx tsx`, whose grandchild outlived a
 * SIGTERM and kept the sandbox's port): when one exits, the others are stopped and awaited, so
 * one `npm start` is one lifetime.
 */
function run(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  child.on('exit', (code, signal) => {
    if (signal === null && !stopping) console.error(`${name} exited with code ${code}`);
    void shutdown(stopping ? 0 : (code ?? 1));
  });
  children.push(child);
  return child;
}

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (!stopping) process.exitCode = code;
  stopping = true;
  const running = children.filter((child) => child.exitCode === null && child.signalCode === null);
  await Promise.all(running.map((child) => stopChild(child)));
  process.exit(process.exitCode ?? code);
}

/** SIGTERM, then SIGKILL after 25 s (the app drains wrap-ups for up to 20 s on SIGTERM). */
function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

function startSandboxMode(): void {
  const credentials = loadOrCreateSandboxCredentials(join(root, 'data', 'sandbox-client.json'));
  run('sandbox', ['sandbox/src/main.ts'], {
    SANDBOX_PORT: String(sandboxPort),
    SANDBOX_CLIENT_ID: credentials.clientId,
    SANDBOX_CLIENT_SECRET: credentials.clientSecret,
    SANDBOX_REDIRECT_URI: `${appUrl}/api/auth/callback`,
    SANDBOX_WINDOW_URL: `${appUrl}/`,
  });
  run('app', ['server.ts'], {
    NODE_ENV: isDev ? 'development' : 'production',
    SANDBOX_MODE: '1',
    CLIENT_ID: credentials.clientId,
    CLIENT_SECRET: credentials.clientSecret,
    PIPEDRIVE_OAUTH_URL: sandboxUrl,
    APP_URL: appUrl,
    PORT: String(port),
  });
  console.log(`\n  Pipedrive sandbox: ${sandboxUrl}   <- open this, then the app in the app dock`);
  console.log(`  Caller app:        ${appUrl}   (Control Center: ${appUrl}/admin)\n`);
}

function startRealMode(): void {
  run('app', ['server.ts'], { NODE_ENV: isDev ? 'development' : 'production' });
  console.log(`\n  Caller app: ${appUrl} (Pipedrive OAuth: ${process.env.PIPEDRIVE_OAUTH_URL ?? 'https://oauth.pipedrive.com'})\n`);
}

if (!isDev) ensureNextBuild(root);
if (process.env.CLIENT_ID) startRealMode();
else startSandboxMode();
process.on('SIGINT', () => void shutdown(0));
process.on('SIGTERM', () => void shutdown(0));
