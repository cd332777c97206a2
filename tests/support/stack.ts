import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/src/index';
import { freePort, startAppProcess, type AppProcess } from './app-process';

export interface Stack {
  sandbox: RunningSandbox;
  app: AppProcess;
  /**
   * With `secondInstance`: another app process with the same environment (database, Redis,
   * SESSION_SECRET, APP_URL) on its own port, as behind a load balancer. The sandbox's OAuth
   * redirect and `appUrl` point at the first one.
   */
  secondApp: AppProcess | null;
  /** The app's public URL on `localhost`: a different site from the sandbox's 127.0.0.1. */
  appUrl: string;
  databasePath: string;
  clientId: string;
  clientSecret: string;
  /** Stops the app process and starts a new one on the same port and database (sockets drop). */
  restartApp(): Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  sandbox?: Partial<Omit<SandboxOptions, 'app' | 'port'>>;
  appEnv?: Record<string, string>;
  appName?: string;
  /** Start a second app instance too (give it a shared DATABASE_URL and REDIS_URL in `appEnv`). */
  secondInstance?: boolean;
}

/**
 * The whole product as a user meets it: the sandbox standing in for Pipedrive (in-process, test
 * controls on) and the app as its own process, talking to each other over HTTP only.
 */
export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const port = await freePort();
  const appUrl = `http://localhost:${port}`;
  const clientId = 'stack-client';
  const clientSecret = 'stack-client-secret-0123456789';
  const dataDir = mkdtempSync(join(tmpdir(), 'caller-stack-'));
  const databasePath = join(dataDir, 'caller.db');
  const sandbox = await startSandbox({
    port: 0,
    testControls: true,
    ...options.sandbox,
    app: {
      clientId,
      clientSecret,
      redirectUri: `${appUrl}/api/auth/callback`,
      floatingWindowUrl: `${appUrl}/`,
      name: options.appName ?? 'Caller',
    },
  });
  const appEnv = {
    CLIENT_ID: clientId,
    CLIENT_SECRET: clientSecret,
    PIPEDRIVE_OAUTH_URL: sandbox.url,
    APP_URL: appUrl,
    SANDBOX_MODE: '1',
    DATABASE_URL: `file:${databasePath}`,
    SESSION_SECRET: 'stack-session-secret-0123456789abcdef0123456789',
    ...options.appEnv,
  };
  let app: AppProcess;
  let secondApp: AppProcess | null = null;
  // Both at once when asked: instances of one deployment start together and share the migrations.
  const started = await Promise.allSettled([
    startAppProcess({ port, env: appEnv }),
    ...(options.secondInstance ? [startAppProcess({ env: appEnv })] : []),
  ]);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    await Promise.all(started.map((result) => (result.status === 'fulfilled' ? result.value.stop() : undefined)));
    await sandbox.close();
    throw (failed as PromiseRejectedResult).reason;
  }
  [app, secondApp = null] = started.map((result) => (result as PromiseFulfilledResult<AppProcess>).value) as [AppProcess, AppProcess?];
  const stack: Stack = {
    sandbox,
    app,
    secondApp,
    appUrl,
    databasePath,
    clientId,
    clientSecret,
    async restartApp() {
      await stack.app.stop();
      stack.app = await startAppProcess({ port, env: appEnv });
    },
    async stop() {
      await Promise.all([stack.app.stop(), stack.secondApp?.stop()]);
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
