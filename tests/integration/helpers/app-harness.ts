import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { startSandbox, type RunningSandbox } from '../../../sandbox/src/index';
import { freePort, startAppProcess, type AppProcess } from '../../support/app-process';
import { createTestDatabase, type TestDatabase } from '../../support/database-engine';

export const CLIENT_ID = 'caller-integration-client';
export const CLIENT_SECRET = 'caller-integration-client-secret-0123456789';
export const SESSION_SECRET = 'caller-integration-session-secret-0123456789abcdef';

export interface Harness {
  sandbox: RunningSandbox;
  app: AppProcess;
  appUrl: string;
  /** The app's DATABASE_URL: SQLite, or a PostgreSQL schema of its own (tests/support/database-engine.ts). */
  databaseUrl: string;
  database: TestDatabase;
  companyId: number;
  userIds: number[];
  close(): Promise<void>;
}

/**
 * Starts the sandbox in-process and the app as its own process, wired to each other as `npm start`
 * does, on the database engine the test file selected (SQLite unless `runDatabaseTestsOn`).
 */
export async function startHarness(options: { accessTokenTtlSeconds?: number; env?: Record<string, string> } = {}): Promise<Harness> {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const sandbox = await startSandbox({
    port: 0,
    app: { clientId: CLIENT_ID, clientSecret: CLIENT_SECRET, redirectUri: `${appUrl}/api/auth/callback`, floatingWindowUrl: `${appUrl}/` },
    testControls: true,
    accessTokenTtlSeconds: options.accessTokenTtlSeconds,
  });
  let database: TestDatabase;
  try {
    database = await createTestDatabase('app');
  } catch (error) {
    await sandbox.close();
    throw error;
  }
  let app: AppProcess;
  try {
    app = await startAppProcess({
      port,
      env: {
        CLIENT_ID,
        CLIENT_SECRET,
        PIPEDRIVE_OAUTH_URL: sandbox.url,
        APP_URL: appUrl,
        DATABASE_URL: database.url,
        SESSION_SECRET,
        ...options.env,
      },
    });
  } catch (error) {
    await sandbox.close();
    await database.drop();
    throw error;
  }
  return {
    sandbox,
    app,
    appUrl,
    databaseUrl: database.url,
    database,
    companyId: sandbox.context.store.company.id,
    userIds: sandbox.context.store.listUsers().map((user) => user.id),
    async close() {
      await app.stop();
      await sandbox.close();
      await database.drop();
    },
  };
}

/** A floating-window token as Pipedrive signs it (HS256 with the client secret). */
export async function signWindowToken(
  claims: { userId: number | string; companyId: number | string },
  options: { secret?: string; expiresInSeconds?: number; alg?: string } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: 'JWT' })
    .setIssuedAt(now)
    .setExpirationTime(now + (options.expiresInSeconds ?? 300))
    .sign(new TextEncoder().encode(options.secret ?? CLIENT_SECRET));
}

export function unsignedToken(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 300 })}.`;
}

/** `name=value` of a Set-Cookie header, for sending the cookie back. */
export function cookiePair(setCookie: string | null | undefined): string {
  if (!setCookie) throw new Error('expected a Set-Cookie header');
  return setCookie.split(';')[0] as string;
}

export function setCookies(response: Response): string[] {
  return response.headers.getSetCookie();
}

export function findSetCookie(response: Response, name: string): string | undefined {
  return setCookies(response).find((cookie) => cookie.startsWith(`${name}=`));
}

/** The page props Next serialized into the HTML (`__NEXT_DATA__`). */
export function readPageProps(html: string): Record<string, unknown> {
  const match = /<script id="__NEXT_DATA__" type="application\/json"[^>]*>([\s\S]*?)<\/script>/.exec(html);
  if (!match) throw new Error(`no __NEXT_DATA__ in page:\n${html.slice(0, 500)}`);
  return (JSON.parse(match[1] as string) as { props: { pageProps: Record<string, unknown> } }).props.pageProps;
}

/** The seed's first admin and first other user: one may change the company's settings, the other may not. */
export function adminAndAgent(harness: Pick<Harness, 'sandbox'>): { admin: number; agent: number } {
  const users = harness.sandbox.context.store.listUsers();
  const admin = users.find((user) => user.is_admin);
  if (!admin) throw new Error('the sandbox seed has no admin');
  const agent = users.find((user) => !user.is_admin);
  if (!agent) throw new Error('the sandbox seed has no non-admin user');
  return { admin: admin.id, agent: agent.id };
}

/** Installs the app for the user and opens their window as Pipedrive would: the session cookie (`name=value`). */
export async function installAndOpenWindow(harness: Pick<Harness, 'appUrl' | 'sandbox' | 'app' | 'companyId'>, userId: number): Promise<string> {
  const { companyId } = harness;
  const install = await installThroughSandbox(harness, userId);
  if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}\n${harness.app.output()}`);
  const opened = await openWindow(harness, { token: await signWindowToken({ userId, companyId }), userId: String(userId), companyId: String(companyId) });
  return cookiePair(opened.sessionCookie);
}

/** What the install and window helpers need: a stack (tests/support/stack.ts) fits too. */
export type AppAndSandbox = Pick<Harness, 'appUrl' | 'sandbox'>;

export interface InstallResult {
  callback: Response;
  html: string;
}

/** Login → sandbox consent page → "Allow and install" (or Cancel) → callback, following redirects by hand. */
export async function installThroughSandbox(harness: AppAndSandbox, userId: number, options: { decision?: 'allow' | 'deny' } = {}): Promise<InstallResult> {
  const { callbackUrl, stateCookie } = await consentRedirect(harness, userId, options.decision ?? 'allow');
  const callback = await fetch(callbackUrl, { redirect: 'manual', headers: { cookie: stateCookie } });
  return { callback, html: await callback.text() };
}

/** Runs the flow up to Pipedrive's redirect back to the app, without calling the callback. */
export async function consentRedirect(harness: AppAndSandbox, userId: number, decision: 'allow' | 'deny' = 'allow'): Promise<{ callbackUrl: string; stateCookie: string }> {
  const login = await fetch(`${harness.appUrl}/api/auth/login`, { redirect: 'manual' });
  if (login.status !== 302) throw new Error(`login answered ${login.status}`);
  const stateCookie = cookiePair(findSetCookie(login, 'caller_oauth_state'));
  const consentPage = await fetch(login.headers.get('location') as string);
  const consentHtml = await consentPage.text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(consentHtml)?.[1];
  if (!consentId) throw new Error(`no consent form:\n${consentHtml.slice(0, 500)}`);
  const answer = await fetch(`${harness.sandbox.url}/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent_id: consentId, user_id: String(userId), decision }).toString(),
  });
  if (answer.status !== 302 && answer.status !== 303) throw new Error(`consent answered ${answer.status}`);
  return { callbackUrl: answer.headers.get('location') as string, stateCookie };
}

/** Opens the floating window as Pipedrive would; returns the response, its page props and the session cookie. */
export async function openWindow(harness: AppAndSandbox, query: Record<string, string>) {
  const response = await fetch(`${harness.appUrl}/?${new URLSearchParams(query).toString()}`, { redirect: 'manual' });
  const html = await response.text();
  return { response, html, props: readPageProps(html), sessionCookie: findSetCookie(response, 'caller_session') };
}

export async function sandboxControl(harness: AppAndSandbox, path: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${harness.sandbox.url}/__sandbox/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox control ${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'caller-'));
}
