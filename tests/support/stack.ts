import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../../sandbox/src/index';
import { freePort, startAppProcess, type AppProcess } from './app-process';

export interface Stack {
  sandbox: RunningSandbox;
  app: AppProcess;
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
  try {
    app = await startAppProcess({ port, env: appEnv });
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  const stack: Stack = {
    sandbox,
    app,
    appUrl,
    databasePath,
    clientId,
    clientSecret,
    async restartApp() {
      await stack.app.stop();
      stack.app = await startAppProcess({ port, env: appEnv });
    },
    async stop() {
      await stack.app.stop();
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return stack;
}
