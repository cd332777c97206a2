import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import { startSandbox, type RunningSandbox } from '../../sandbox/src/index';
import { freePort, startAppProcess, type AppProcess } from '../../tests/support/app-process';
import { installByOAuth, type SandboxTokens } from './sandbox-oauth';
import { seedAccounts, type BenchAgent } from './seed-accounts';

const CLIENT_ID = 'bench-client';
const CLIENT_SECRET = 'bench-client-secret-0123456789';
const SESSION_SECRET = 'bench-session-secret-0123456789abcdef0123456789';
export const WEBHOOK_SECRET = 'bench-webhook-secret';
/** The sandbox user whose real install lends its tokens to every bench account. */
const INSTALLING_USER_ID = 20001;
/** How many real companies the sandbox's one company stands in for (see raiseRateLimits). */
const COMPANIES_EMULATED = 51;

export interface InboundStackOptions {
  instances: 1 | 2;
  /** `file:` (one instance) or `postgres://…?schema=` shared by every instance. */
  databaseUrl?: string;
  redisUrl?: string | null;
  agents: readonly BenchAgent[];
  /** Persons in the sandbox (default 300). */
  personCount?: number;
}

export interface InboundStack {
  sandbox: RunningSandbox;
  apps: AppProcess[];
  /** The JWT secret iframe tokens are signed with (the client secret, as in sandbox mode). */
  jwtSecret: string;
  /** Posts a signed `POST /api/telephony/inbound` to instance `instance`. */
  postInbound(instance: number, body: Record<string, unknown>): Promise<Response>;
  stop(): Promise<void>;
}

/**
 * 50 real Pipedrive companies have 50 burst windows and 50 daily budgets; the sandbox has one
 * company, so its limits are multiplied by the number of companies it stands in for.
 */
async function raiseRateLimits(sandboxUrl: string): Promise<void> {
  const response = await fetch(`${sandboxUrl}/__sandbox/config`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rateLimits: { burstLimit: 80 * COMPANIES_EMULATED, searchBurstLimit: 10 * COMPANIES_EMULATED, dailyTokenBudget: 120_000 * COMPANIES_EMULATED } }),
  });
  if (!response.ok) throw new Error(`sandbox config refused: ${response.status} ${await response.text()}`);
}

/** The sandbox (in process) and one or two app processes on one database (and Redis), with the agents installed. */
export async function startInboundStack(options: InboundStackOptions): Promise<InboundStack> {
  const ports = await Promise.all(Array.from({ length: options.instances }, () => freePort()));
  const appUrls = ports.map((port) => `http://127.0.0.1:${port}`);
  const dataDir = mkdtempSync(join(tmpdir(), 'caller-bench-'));
  const databaseUrl = options.databaseUrl ?? `file:${join(dataDir, 'caller.db')}`;
  const redirectUri = `${appUrls[0]}/api/auth/callback`;
  const sandbox = await startSandbox({
    port: 0,
    testControls: true,
    latencyMs: 0,
    ...(options.personCount === undefined ? {} : { personCount: options.personCount }),
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri, floatingWindowUrl: `${appUrls[0]}/`, name: 'Caller' },
  });
  const apps: AppProcess[] = [];
  const stop = async () => {
    await Promise.all(apps.map((app) => app.stop()));
    await sandbox.close();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await raiseRateLimits(sandbox.url);
    const tokens: SandboxTokens = await installByOAuth({ sandboxUrl: sandbox.url, clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri }, INSTALLING_USER_ID);
    await seedAccounts(databaseUrl, SESSION_SECRET, options.agents, tokens);
    for (const [index, port] of ports.entries()) {
      const env: Record<string, string> = {
        CLIENT_ID,
        CLIENT_SECRET,
        PIPEDRIVE_OAUTH_URL: sandbox.url,
        APP_URL: appUrls[index] as string,
        SANDBOX_MODE: '1',
        DATABASE_URL: databaseUrl,
        SESSION_SECRET,
        TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET,
        // Calls keep ringing through the run: no ring timeouts, missed-call writes or sweeps mid-measurement.
        RING_TIMEOUT_SECONDS: '3600',
        LOG_LEVEL: 'error',
        ...(options.redisUrl ? { REDIS_URL: options.redisUrl } : {}),
      };
      apps.push(await startAppProcess({ port, env, timeoutMs: 180_000 }));
    }
    if (apps.some((app) => app.mode !== 'production')) throw new Error('the app did not start in production mode: run `npx next build` first');
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    sandbox,
    apps,
    jwtSecret: CLIENT_SECRET,
    postInbound(instance, body) {
      const raw = JSON.stringify(body);
      return fetch(`${appUrls[instance]}/api/telephony/inbound`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-signature': signWebhookBody(raw, WEBHOOK_SECRET) },
        body: raw,
      });
    },
    stop,
  };
}
