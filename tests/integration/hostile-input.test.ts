/**
 * Fuzzes every API route and every socket event with what a browser, a script or an attacker may
 * send: odd methods, malformed query strings, garbage and oversized bodies, wrong content types,
 * deep nesting, prototype-pollution keys, with and without a session, with a bad or absent Origin.
 * Never a 5xx, every 4xx the JSON error envelope, and the app stays healthy.
 *
 * Routes are read from pages/api/** at run time, so a new route is fuzzed without touching this
 * file. Runs are bounded (FUZZ_RUNS, default 4000 requests) to keep the file around a minute.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { io as connectSocket, type Socket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTROL_CENTER_EVENTS } from '@/adapters/realtime/control-center';
import { CLIENT_TO_SERVER_EVENTS, CONTROL_CENTER_NAMESPACE, SOCKET_PATH } from '@/adapters/realtime/socket-events';
import { cookiePair, installThroughSandbox, openWindow, signWindowToken, startHarness, type Harness } from './helpers/app-harness';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const API_DIR = join(ROOT, 'pages', 'api');
const RUNS = Number(process.env.FUZZ_RUNS ?? 4000);
const CONTROL_CENTER_TOKEN = 'fuzz-control-center-token-0123456789';

/** `pages/api/calls/[id]/answer.ts` → `/api/calls/[id]/answer`; `index.ts` names its folder. */
function listApiRoutes(dir = API_DIR): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return listApiRoutes(path);
    if (!/\.tsx?$/.test(entry.name) || /\.test\.tsx?$/.test(entry.name)) return [];
    const route = `/api/${relative(API_DIR, path).split(sep).join('/')}`.replace(/\.tsx?$/, '').replace(/\/index$/, '');
    return [route];
  });
}

/**
 * Routes the provider plug-ins serve behind the one telephony page (`[provider]/[[...path]]`):
 * the fuzz hits them by name too, since random segments would rarely reach them.
 */
const PLUGIN_ROUTES = [
  '/api/telephony/sip/account',
  '/api/telephony/sip/registration',
  '/api/telephony/sip/incoming',
  '/api/telephony/sip/calls/[id]/events',
  '/api/telephony/twilio/voice',
  '/api/telephony/twilio/status',
  '/api/telephony/webhook/inbound',
];

/** OAuth pages are top-level browser navigations: they answer HTML, on purpose. */
const HTML_PAGES = new Set(['GET /api/auth/callback']);

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS', 'PROPFIND', 'PURGE', 'LOCK', 'MKCOL'];
const CONTENT_TYPES = [
  undefined,
  'application/json',
  'application/json; charset=utf-8',
  'application/merge-patch+json',
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'application/xml',
  'application/json; charset=utf-16',
  'garbage/\u00ff;;==',
];
const FIELD_NAMES = [
  'number', 'personId', 'dealId', 'source', 'notes', 'action', 'type', 'name', 'available', 'defaultRegion',
  'createCallbackForMissedCalls', 'companyPhoneNumber', 'ringTimeoutSeconds', 'client_id', 'company_id', 'user_id',
  'timestamp', 'from', 'to', 'agent', 'callId', 'companyId', 'text', '__proto__', 'constructor', 'prototype',
];
const QUERY_KEYS = ['cursor', 'limit', 'term', 'code', 'state', 'error', 'id', '__proto__', 'constructor[prototype][x]'];

const weirdText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', ' ', '\u0000', '\u202e', '<script>alert(1)</script>', '%', '%zz', '%E0%A4%A', '../../etc/passwd', '+14155550134', 'dial_pad', 'hang_up', 'GB', 'NaN', '1e309', '-1', '9007199254740993'),
  fc.nat(300_000).map((n) => 'x'.repeat(n)),
);
const weirdValue: fc.Arbitrary<unknown> = fc.oneof(
  weirdText,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER + 2, -0, 1e308),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 5 }),
  fc.dictionary(fc.constantFrom(...FIELD_NAMES), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
);
const shapedObject = fc.dictionary(fc.constantFrom(...FIELD_NAMES), weirdValue, { maxKeys: 6 });

/** Raw request bodies: JSON-ish, shaped like the real ones, or not JSON at all. */
const body: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constant(''),
  shapedObject.map((value) => JSON.stringify(value)),
  fc.jsonValue({ maxDepth: 4 }).map((value) => JSON.stringify(value)),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.integer({ min: 1, max: 200_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`),
  fc.integer({ min: 1, max: 50_000 }).map((depth) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`),
  // Over every route's limit; the app reads up to 1 MiB past a limit (to answer 413), then stops reading.
  fc.integer({ min: 65 * 1024, max: 1024 * 1024 }).map((size) => JSON.stringify({ notes: 'n'.repeat(size) })),
  fc.constant('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"notes":"x","action":{"type":"hang_up"}}'),
  fc.constant('{"notes": "unterminated'),
);

const query = fc
  .array(fc.tuple(fc.constantFrom(...QUERY_KEYS), weirdText), { maxLength: 4 })
  .map((pairs) => (pairs.length === 0 ? '' : `?${pairs.map(([key, value]) => `${key}=${value.length > 3000 ? value.slice(0, 3000) : value.replace(/[#\s]/g, '+')}`).join('&')}`));

const pathSegment = fc.oneof(fc.constantFrom('call-1', 'abc', '..', '%2e%2e', '%00', 'x'.repeat(300)), fc.string({ maxLength: 30 }).map(safeEncode));

function safeEncode(text: string): string {
  try {
    return encodeURIComponent(text) || 'empty';
  } catch {
    return 'lone-surrogate';
  }
}

interface Exchange {
  route: string;
  /** False when dot segments (`/api/%2e%2e`) took the path out of /api: a page answers, not a route. */
  underApi: boolean;
  method: string;
  status: number;
  contentType: string;
  text: string;
}

let harness: Harness;
let sessionCookie: string;
let windowToken: string;

beforeAll(async () => {
  harness = await startHarness({
    env: { CONTROL_CENTER_TOKEN, TELEPHONY_WEBHOOK_SECRET: 'fuzz-webhook-secret-0123456789', TWILIO_AUTH_TOKEN: 'fuzz-twilio-auth-token' },
  });
  const agentId = harness.userIds[0] as number;
  const install = await installThroughSandbox(harness, agentId);
  if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}\n${harness.app.output()}`);
  windowToken = await signWindowToken({ userId: agentId, companyId: harness.companyId });
  sessionCookie = cookiePair((await openWindow(harness, { token: windowToken, userId: String(agentId), companyId: String(harness.companyId) })).sessionCookie);
});

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

async function expectHealthy(): Promise<void> {
  expect((await fetch(`${harness.appUrl}/api/health`)).status).toBe(200);
  expect((await fetch(`${harness.appUrl}/api/ready`)).status).toBe(200);
  const me = await fetch(`${harness.appUrl}/api/me`, { headers: { cookie: sessionCookie } });
  expect(me.status).toBe(200);
}

/** What must hold for every answer to hostile input. */
function checkAnswer(exchange: Exchange): string | null {
  const { route, method, status, contentType, text } = exchange;
  if (status >= 500) return `${method} ${route} answered ${status}: ${text.slice(0, 300)}`;
  if (status < 400 || method === 'HEAD' || HTML_PAGES.has(`${method} ${route}`) || !exchange.underApi) return null;
  if (!contentType.startsWith('application/json')) return `${method} ${route} answered ${status} as ${contentType}: ${text.slice(0, 200)}`;
  try {
    const parsed = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    const ok = typeof parsed.error?.code === 'string' && /^[A-Z][A-Z0-9_]*$/.test(parsed.error.code) && typeof parsed.error.message === 'string';
    return ok ? null : `${method} ${route} answered ${status} without the error envelope: ${text.slice(0, 200)}`;
  } catch {
    return `${method} ${route} answered ${status} with a body that is not JSON: ${text.slice(0, 200)}`;
  }
}

describe('every API route under hostile input', () => {
  const routes = listApiRoutes();

  it('finds the routes on disk (the fuzz covers whatever pages/api holds)', () => {
    expect(routes).toContain('/api/calls/[id]/wrap-up');
    expect(routes).toContain('/api/settings');
    expect(routes).toContain('/api/telephony/[provider]/[[...path]]');
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('lets Next parse no body: every route reads its own (else bad bodies get plain-text answers)', () => {
    const parsing = routes.filter((route) => {
      const file = [`${route}.ts`, `${route}/index.ts`].map((name) => join(ROOT, 'pages', name)).find((name) => {
        try {
          return readFileSync(name) !== undefined;
        } catch {
          return false;
        }
      });
      return !/export const config = \{ api: \{ bodyParser: false \} \}/.test(readFileSync(file as string, 'utf8'));
    });
    expect(parsing).toEqual([]);
  });

  it('never answers 5xx, always the JSON error envelope for 4xx, and stays healthy', async () => {
    const problems: string[] = [];
    const request = fc.record({
      route: fc.constantFrom(...routes, ...PLUGIN_ROUTES),
      segment: pathSegment,
      method: fc.constantFrom(...METHODS),
      query,
      body,
      contentType: fc.constantFrom(...CONTENT_TYPES),
      identity: fc.constantFrom('session', 'token', 'forged-cookie', 'forged-token', 'none'),
      origin: fc.constantFrom('app', 'none', 'https://evil.example', 'null', harness.sandbox.url),
      windowId: fc.option(fc.constantFrom('tab-1', 'bad window id', 'x'.repeat(200)), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(request, async (input) => {
        // A well-formed, same-origin, authenticated "Disconnect" would really disconnect the account
        // the rest of the fuzz runs as (token-lifecycle.test.ts covers that route's success).
        fc.pre(!(input.route === '/api/auth/disconnect' && input.method === 'POST' && input.origin === 'app' && ['session', 'token'].includes(input.identity)));
        const headers: Record<string, string> = {};
        if (input.contentType !== undefined) headers['content-type'] = input.contentType;
        if (input.identity === 'session') headers.cookie = sessionCookie;
        if (input.identity === 'forged-cookie') headers.cookie = 'caller_session=Fe26.2**forged**value';
        if (input.identity === 'token') headers['x-pipedrive-token'] = windowToken;
        if (input.identity === 'forged-token') headers['x-pipedrive-token'] = 'eyJhbGciOiJub25lIn0.e30.';
        if (input.origin === 'app') headers.origin = new URL(harness.appUrl).origin;
        else if (input.origin !== 'none') headers.origin = input.origin;
        if (input.windowId !== undefined) headers['x-window-id'] = input.windowId;
        const path = input.route.replace(/\[[^\]]+\]/g, input.segment);
        const sendsBody = input.body !== undefined && !['GET', 'HEAD'].includes(input.method);
        let response: Response;
        try {
          response = await fetch(`${harness.appUrl}${path}${input.query}`, {
            method: input.method,
            headers,
            redirect: 'manual',
            ...(sendsBody ? { body: input.body } : {}),
          });
        } catch (error) {
          problems.push(`${input.method} ${input.route} failed at the transport level: ${String(error)}`);
          return;
        }
        const problem = checkAnswer({
          route: input.route,
          underApi: new URL(path.replace(/%2e/gi, '.'), harness.appUrl).pathname.startsWith('/api/'),
          method: input.method,
          status: response.status,
          contentType: response.headers.get('content-type') ?? '',
          text: await response.text(),
        });
        if (problem !== null) problems.push(problem);
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    expect([...new Set(problems)]).toEqual([]);
    await expectHealthy();
    // FUZZ_RUNS requests take about a minute alone; a machine shared with other test runs needs longer.
  }, 240_000);
});

function connect(namespace: string, options: { cookie?: string; auth?: unknown }): Promise<Socket> {
  const socket = connectSocket(`${harness.appUrl}${namespace}`, {
    path: SOCKET_PATH,
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: options.auth as Record<string, unknown>,
    extraHeaders: options.cookie === undefined ? {} : { cookie: options.cookie },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

const socketArgs = fc.array(fc.oneof(weirdValue, fc.jsonValue({ maxDepth: 5 }), shapedObject), { maxLength: 3 });

function isErrorOrOkAck(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const answer = value as { ok?: unknown; error?: { code?: unknown; message?: unknown } };
  if (answer.ok === true) return true;
  return answer.ok === false && typeof answer.error?.code === 'string' && typeof answer.error.message === 'string';
}

/** Emits every listed event with random payloads: with an ack (must answer), without, and with non-function extra arguments. */
async function fuzzSocket(socket: Socket, events: readonly string[], ackAnswers: (event: string, answer: unknown) => boolean, runs: number): Promise<string[]> {
  const problems: string[] = [];
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...events, 'join', 'subscribe', 'room:join', '__proto__'), socketArgs, fc.constantFrom('ack', 'none', 'junk'), async (event, args, mode) => {
      if (mode === 'none') socket.emit(event, ...args);
      else if (mode === 'junk') socket.emit(event, ...args, 42, 'not-a-function');
      else if (events.includes(event)) {
        try {
          const answer: unknown = await socket.timeout(5_000).emitWithAck(event, ...args);
          if (!ackAnswers(event, answer)) problems.push(`${event} acked ${JSON.stringify(answer).slice(0, 200)}`);
        } catch (error) {
          problems.push(`${event} was not acknowledged: ${String(error)}`);
        }
      }
    }),
    { numRuns: runs, endOnFailure: true },
  );
  return problems;
}

describe('every socket event under hostile input', () => {
  it('lists every event the server listens to (a new handler is fuzzed or this fails)', () => {
    const listened = (file: string) =>
      [...readFileSync(join(ROOT, 'src/adapters/realtime', file), 'utf8').matchAll(/socket\.on\('([^']+)'/g)].map((match) => match[1]).filter((name) => name !== 'disconnect');
    expect(listened('socket-server.ts').sort()).toEqual([...CLIENT_TO_SERVER_EVENTS].sort());
    expect(listened('control-center.ts').sort()).toEqual([...CONTROL_CENTER_EVENTS].sort());
  });

  it('refuses garbage handshakes with a code, never an internal error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.dictionary(fc.constantFrom('token', 'windowId', '__proto__'), weirdValue, { maxKeys: 3 }), fc.constant({ token: 'x'.repeat(5000) })), async (auth) => {
        const error = await connect('/', { auth }).then(
          (socket) => {
            socket.close();
            return null;
          },
          (failure: Error) => failure,
        );
        expect(error?.message).not.toBe('INTERNAL_ERROR');
      }),
      { numRuns: 40 },
    );
  });

  it('the window socket answers every payload without crashing, with error acks', async () => {
    const socket = await connect('/', { cookie: sessionCookie });
    const problems = await fuzzSocket(socket, CLIENT_TO_SERVER_EVENTS, (_event, answer) => isErrorOrOkAck(answer), Math.ceil(RUNS / 3));
    expect(problems).toEqual([]);
    expect(socket.connected).toBe(true);
    socket.close();
    await expectHealthy();
  });

  it('the Control Center answers every payload without crashing, with error acks', async () => {
    const socket = await connect(CONTROL_CENTER_NAMESPACE, { auth: { token: CONTROL_CENTER_TOKEN } });
    const ackAnswers = (event: string, answer: unknown) =>
      event === 'OVERVIEW' ? typeof answer === 'object' && answer !== null && Array.isArray((answer as { companies?: unknown }).companies) : isErrorOrOkAck(answer);
    const problems = await fuzzSocket(socket, CONTROL_CENTER_EVENTS, ackAnswers, Math.ceil(RUNS / 3));
    expect(problems).toEqual([]);
    expect(socket.connected).toBe(true);
    socket.close();
    await expectHealthy();
  });
});
