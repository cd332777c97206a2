import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type RunningSandbox, type SandboxOptions } from '../src/index';
import type { Clock } from '../src/clock';

/** Test helpers shared by the sandbox's contract tests (not a test file itself). */

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(private current = Date.UTC(2025, 5, 2, 12, 0, 0)) {}
  now(): number {
    return this.current;
  }
  advance(ms: number): void {
    this.current += ms;
  }
  /** Records the wait and resolves at once: latency is asserted, never measured. */
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
  }
}

export const APP = {
  clientId: 'test-client-id',
  clientSecret: 'test-client-secret',
  redirectUri: 'http://127.0.0.1:9/api/auth/callback',
  floatingWindowUrl: 'http://127.0.0.1:9/',
};

export interface TokenResponse {
  access_token: string;
  refresh_token: string;
  token_type: string;
  expires_in: number;
  scope: string;
  api_domain: string;
}

export interface JsonResponse {
  status: number;
  headers: Headers;
  body: any;
}

export const basic = (id = APP.clientId, secret = APP.clientSecret): string =>
  `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

export class TestKit {
  private constructor(
    readonly sandbox: RunningSandbox,
    readonly clock: FakeClock,
  ) {}

  static async start(options: Partial<SandboxOptions> = {}): Promise<TestKit> {
    const clock = new FakeClock();
    const sandbox = await startSandbox({ port: 0, testControls: true, clock, ...options, app: { ...APP, ...options.app } });
    return new TestKit(sandbox, clock);
  }

  get url(): string {
    return this.sandbox.url;
  }

  close(): Promise<void> {
    return this.sandbox.close();
  }

  /** Walks the consent page like a browser and returns the redirect Location. */
  async consent(input: { userId?: number; state?: string; decision?: 'allow' | 'deny'; redirectUri?: string; cookie?: string } = {}): Promise<URL> {
    const params = new URLSearchParams({ client_id: APP.clientId, redirect_uri: input.redirectUri ?? APP.redirectUri });
    if (input.state !== undefined) params.set('state', input.state);
    const page = await fetch(`${this.url}/oauth/authorize?${params}`, { headers: input.cookie ? { cookie: input.cookie } : {} });
    const html = await page.text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(html)?.[1];
    if (!consentId) throw new Error(`no consent form (status ${page.status}): ${html.slice(0, 300)}`);
    const form = new URLSearchParams({ consent_id: consentId, user_id: String(input.userId ?? 20002), decision: input.decision ?? 'allow' });
    const answer = await fetch(`${this.url}/oauth/authorize`, {
      method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form,
    });
    const location = answer.headers.get('location');
    if (answer.status !== 302 || !location) throw new Error(`consent answered ${answer.status}`);
    return new URL(location);
  }

  async code(userId = 20002, redirectUri = APP.redirectUri): Promise<string> {
    return (await this.consent({ userId, redirectUri })).searchParams.get('code')!;
  }

  async token(form: Record<string, string>, init: { authorization?: string | null; contentType?: string } = {}): Promise<JsonResponse> {
    const headers: Record<string, string> = { 'content-type': init.contentType ?? 'application/x-www-form-urlencoded' };
    if (init.authorization !== null) headers.authorization = init.authorization ?? basic();
    const body = headers['content-type'] === 'application/json' ? JSON.stringify(form) : new URLSearchParams(form).toString();
    const response = await fetch(`${this.url}/oauth/token`, { method: 'POST', headers, body });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  /** Full install of the app by a user: consent, code exchange. */
  async install(userId = 20002, redirectUri = APP.redirectUri): Promise<TokenResponse> {
    const code = await this.code(userId, redirectUri);
    const response = await this.token({ grant_type: 'authorization_code', code, redirect_uri: redirectUri });
    if (response.status !== 200) throw new Error(`install failed: ${JSON.stringify(response.body)}`);
    return response.body as TokenResponse;
  }

  async call(method: string, path: string, init: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<JsonResponse> {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.body !== undefined && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, {
      method, headers, body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
  }

  get(path: string, token: string): Promise<JsonResponse> {
    return this.call('GET', path, { token });
  }

  post(path: string, token: string, body: unknown): Promise<JsonResponse> {
    return this.call('POST', path, { token, body });
  }

  control(path: string, body?: unknown, method = 'POST'): Promise<JsonResponse> {
    return this.call(method, `/__sandbox${path}`, { body });
  }
}

export interface ReceivedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A tiny HTTP server acting as the app's callback URL (receives the uninstall DELETE). */
export async function startFakeApp(): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void> }> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200).end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export const ERROR_ENVELOPE_KEYS = ['success', 'error', 'error_info', 'data', 'additional_data'];
