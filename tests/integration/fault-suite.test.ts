/**
 * The fault suite (issue 5): the real app process against the in-process sandbox's fault
 * injection. Each scenario places a call over REST, breaks Pipedrive in one way, submits the
 * wrap-up and then checks the sandbox's own state: every planned write landed exactly once.
 * A table (planned / attempts / landed / duplicates) is printed at the end.
 * Retries are shortened with OUTBOX_RETRY_BASE_MS and PIPEDRIVE_TIMEOUT_MS, never by sleeping.
 * DEBUG_APP_OUTPUT=1 prints the app's log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCallPersistence } from '@/adapters/db/call-persistence';
import { openDatabase, type Database } from '@/adapters/db/database';
import type { OutboxDelivery } from '@/application/outbox/outbox-deliveries.port';
import { wrapUpDeliveryStatusOf } from '@/application/outbox/wrap-up-delivery-status';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { cookiePair, installThroughSandbox, openWindow, signWindowToken, type AppAndSandbox } from './helpers/app-harness';

const TIMEOUT_MS = 800;
/** A fault's latency above the gateway's timeout: the request times out. */
const SLOW_MS = TIMEOUT_MS + 600;

interface Row {
  scenario: string;
  planned: number;
  attempts: number;
  landed: number;
  duplicates: number;
}

interface WindowCall {
  id: string;
  state: string;
  wrapUp: { status: string; savedItems: string[]; error: string | null } | null;
}

type WrapUpAction = { type: 'notes_to_contact'; personId: number } | { type: 'create_contact'; name: string };
type Fault = { kind: 'error' | 'rate_limit' | 'latency' | 'drop_after_write' | 'slow_after_write' | 'error_page_after_write'; method?: string; path: string; count?: number; status?: number; latencyMs?: number };

let stack: Stack;
let harness: AppAndSandbox;
let database: Database;
let userId: number;
let companyId: number;
let cookie: string;
let personId: number;
let numberSequence = 0;
const report: Row[] = [];

beforeAll(async () => {
  stack = await startStack({
    appEnv: {
      PIPEDRIVE_TIMEOUT_MS: String(TIMEOUT_MS),
      OUTBOX_RETRY_BASE_MS: '50',
      MOCK_TELEPHONY_RING_MS: '20',
      MOCK_TELEPHONY_CONNECT_MS: '100',
    },
  });
  const { store } = stack.sandbox.context;
  companyId = store.company.id;
  userId = (store.listUsers()[0] as { id: number }).id;
  personId = (store.listPersons({ limit: 1 }).items[0] as { id: number }).id;
  harness = asHarness(stack);
  await install();
  database = openDatabase(`file:${stack.databasePath}`);
}, 180_000);

afterAll(async () => {
  if (report.length > 0) console.table(report);
  if (process.env.DEBUG_APP_OUTPUT) console.log(stack?.app.output());
  await database?.close();
  await stack?.stop();
});

/** The consent-flow helpers take a harness; only its URLs are used. */
function asHarness(running: Stack): AppAndSandbox {
  return { sandbox: running.sandbox, appUrl: running.appUrl };
}

async function install(): Promise<void> {
  const installed = await installThroughSandbox(harness, userId);
  if (installed.callback.status !== 200) throw new Error(`install answered ${installed.callback.status}\n${stack.app.output()}`);
  const opened = await openWindow(harness, { token: await signWindowToken({ userId, companyId }, { secret: stack.clientSecret }), userId: String(userId), companyId: String(companyId) });
  cookie = cookiePair(opened.sessionCookie);
}

function callApi(path: string, options: { method?: string; body?: unknown } = {}): Promise<Response> {
  const headers: Record<string, string> = { cookie, origin: stack.appUrl };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  return fetch(`${stack.appUrl}${path}`, { method: options.method ?? 'GET', headers, redirect: 'manual', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
}

async function control(method: string, path: string, body?: unknown): Promise<void> {
  const response = await fetch(`${stack.sandbox.url}/__sandbox/${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`sandbox ${method} ${path} answered ${response.status}: ${await response.text()}`);
}

const addFault = (fault: Fault) => control('POST', 'faults', { method: 'POST', count: 1, ...fault });

/** Places an outbound call to a number no other scenario uses and waits until it is connected. */
async function connectedCall(): Promise<{ id: string; number: string }> {
  numberSequence += 1;
  const number = `+1415555${String(7000 + numberSequence)}`;
  const placed = await callApi('/api/calls', { method: 'POST', body: { number, source: 'dial_pad' } });
  if (placed.status !== 201) throw new Error(`placing the call answered ${placed.status}: ${await placed.text()}`);
  const { call } = (await placed.json()) as { call: WindowCall };
  await waitFor(
    async () => ((await (await callApi('/api/calls/active')).json()) as { call: WindowCall | null }).call?.state,
    (state) => state === 'connected',
    'the call to connect',
  );
  return { id: call.id, number };
}

async function hangUpAndWrapUp(callId: string, notes: string, action: WrapUpAction): Promise<void> {
  const hungUp = await callApi(`/api/calls/${callId}/hang-up`, { method: 'POST' });
  expect(hungUp.status).toBe(200);
  const wrapUp = await callApi(`/api/calls/${callId}/wrap-up`, { method: 'POST', body: { notes, action } });
  expect(wrapUp.status).toBe(202);
}

const deliveriesOf = (callId: string): Promise<OutboxDelivery[]> => createCallPersistence(database).outboxStore.listDeliveries(callId);

async function waitUntilDelivered(callId: string, timeoutMs = 20_000): Promise<OutboxDelivery[]> {
  return waitFor(() => deliveriesOf(callId), (rows) => rows.length > 0 && rows.every((row) => row.status === 'delivered'), `every write of ${callId} to be delivered`, timeoutMs);
}

interface SandboxState {
  callLogs: Array<{ to_phone_number: string; note: string | null }>;
  notes: Array<{ content: string }>;
  persons: Array<{ name: string }>;
}

async function sandboxState(): Promise<SandboxState> {
  const response = await fetch(`${stack.sandbox.url}/__sandbox/state?include=callLogs,notes,persons`);
  return ((await response.json()) as { data: SandboxState }).data;
}

const digits = (text: string) => text.replace(/\D/g, '');

/** How many records each planned write left in Pipedrive. */
async function landedPerWrite(rows: OutboxDelivery[], call: { number: string; notes: string; contactName?: string }): Promise<Record<string, number>> {
  const state = await sandboxState();
  const counts: Record<string, number> = {};
  for (const row of rows) {
    const kind = row.write.kind;
    counts[row.write.purpose] =
      kind === 'create_call_log'
        ? state.callLogs.filter((log) => digits(log.to_phone_number) === digits(call.number)).length
        : kind === 'create_note'
          ? state.notes.filter((note) => note.content.includes(call.notes)).length
          : kind === 'create_person'
            ? state.persons.filter((person) => person.name === call.contactName).length
            : Number.NaN;
  }
  return counts;
}

/** Every planned write landed exactly once; the window says "saved"; one report row. */
async function expectExactlyOnce(scenario: string, call: { id: string; number: string; notes: string; contactName?: string }): Promise<void> {
  const rows = await waitUntilDelivered(call.id);
  const landed = await landedPerWrite(rows, call);
  const total = Object.values(landed).reduce((sum, count) => sum + count, 0);
  report.push({ scenario, planned: rows.length, attempts: rows.reduce((sum, row) => sum + row.attempts, 0), landed: total, duplicates: total - rows.length });
  expect(landed).toEqual(Object.fromEntries(rows.map((row) => [row.write.purpose, 1])));
  // The notes travel in the call log: no separate note repeats them (issue 12).
  const state = await sandboxState();
  expect(state.notes.filter((note) => note.content.includes(call.notes))).toHaveLength(0);
  expect(state.callLogs.filter((log) => (log.note ?? '').includes(call.notes))).toHaveLength(1);
  const history = (await (await callApi('/api/calls/history')).json()) as { items: WindowCall[] };
  expect(history.items.find((item) => item.id === call.id)?.wrapUp).toMatchObject({ status: 'saved', error: null });
}

/**
 * One call with its wrap-up under the given faults. `hit`: the write the fault was aimed at, which
 * must have needed more than one attempt (else the fault never bit, e.g. no timeout happened).
 */
async function runScenario(scenario: string, faults: Fault[], hit: string, options: { createContact?: boolean } = {}): Promise<void> {
  const call = await connectedCall();
  const notes = `Fault suite: ${scenario} (${call.number})`;
  const contactName = options.createContact ? `Fault Suite Contact ${numberSequence}` : undefined;
  for (const fault of faults) await addFault(fault);
  await hangUpAndWrapUp(call.id, notes, contactName ? { type: 'create_contact', name: contactName } : { type: 'notes_to_contact', personId });
  await expectExactlyOnce(scenario, { ...call, notes, contactName });
  const target = (await deliveriesOf(call.id)).find((row) => row.write.purpose === hit);
  expect(target?.attempts, `attempts of the ${hit} write`).toBeGreaterThanOrEqual(2);
  await control('DELETE', 'faults');
}

describe('fault suite: every wrap-up lands in Pipedrive exactly once', () => {
  it('survives a burst of 5xx answers', async () => {
    await runScenario('5xx burst (call log, 3 × 500)', [{ kind: 'error', path: '/api/v1/callLogs', status: 500, count: 3 }], 'call_log');
  });

  it('waits out a 429 as Pipedrive asks', async () => {
    await runScenario('429 rate limit (call log)', [{ kind: 'rate_limit', path: '/api/v1/callLogs' }], 'call_log');
  });

  it('counts a timed-out write as outcome unknown and delivers it once', async () => {
    await runScenario('timeout before the write (call log)', [{ kind: 'latency', path: '/api/v1/callLogs', latencyMs: SLOW_MS }], 'call_log');
  });

  it('does not write twice when the request times out after Pipedrive wrote it', async () => {
    await runScenario('timeout after the write (call log)', [{ kind: 'slow_after_write', path: '/api/v1/callLogs', latencyMs: SLOW_MS }], 'call_log');
  });

  it('does not write twice when the answer to a call log is lost', async () => {
    await runScenario('dropped answer (call log)', [{ kind: 'drop_after_write', path: '/api/v1/callLogs' }], 'call_log');
  });

  it('does not write twice when a gateway answers a stored call log with its 502 HTML page', async () => {
    await runScenario('gateway 502 page after the write (call log)', [{ kind: 'error_page_after_write', path: '/api/v1/callLogs', status: 502 }], 'call_log');
  });

  it('does not create the contact twice when a gateway answers its creation with a 504 HTML page', async () => {
    await runScenario('gateway 504 page after the write (new contact)', [{ kind: 'error_page_after_write', path: '/api/v2/persons', status: 504 }], 'person', { createContact: true });
  });

  it('does not create the contact twice when the answer to its creation is lost', async () => {
    await runScenario('dropped answer (new contact)', [{ kind: 'drop_after_write', path: '/api/v2/persons' }], 'person', { createContact: true });
  });

  it('keeps the wrap-up of a call whose token was revoked mid-call, and delivers it after the re-install', async () => {
    const call = await connectedCall();
    const notes = `Fault suite: revoked (${call.number})`;
    await control('POST', 'revoke', { userId });
    await hangUpAndWrapUp(call.id, notes, { type: 'notes_to_contact', personId });

    // Pipedrive refuses the token, the refresh is refused too: the account is disconnected and the
    // writes wait, saying why, instead of failing or being dropped.
    const waiting = await waitFor(() => deliveriesOf(call.id), (rows) => wrapUpDeliveryStatusOf(rows).error !== null, 'the writes to wait for a reconnect');
    expect(wrapUpDeliveryStatusOf(waiting)).toMatchObject({ status: 'pending', savedItems: [] });
    expect(wrapUpDeliveryStatusOf(waiting).error).toContain('reconnect the app');
    const window = await callApi('/api/calls/history');
    expect(window.status).toBe(403);
    expect(((await window.json()) as { error: { code: string } }).error.code).toBe('ACCOUNT_DISCONNECTED');
    expect((await sandboxState()).callLogs.filter((log) => (log.note ?? '').includes(notes))).toHaveLength(0);

    await install();
    await expectExactlyOnce('token revoked mid-call', { ...call, notes });
  });

  it('delivers after an app restart between the end of the call and the delivery', async () => {
    const call = await connectedCall();
    const notes = `Fault suite: restart (${call.number})`;
    await addFault({ kind: 'error', path: '/api/v1/callLogs', status: 503, count: 1_000 });
    await hangUpAndWrapUp(call.id, notes, { type: 'notes_to_contact', personId });
    await waitFor(() => deliveriesOf(call.id), (rows) => (rows[0]?.attempts ?? 0) >= 1, 'a first failed attempt');
    await stack.app.stop();
    await control('DELETE', 'faults');
    await stack.restartApp();
    await expectExactlyOnce('app restart before delivery', { ...call, notes });
  });

  it('does not write twice when the app restarts right after a lost answer', async () => {
    const call = await connectedCall();
    const notes = `Fault suite: restart after lost answer (${call.number})`;
    await addFault({ kind: 'drop_after_write', path: '/api/v1/callLogs' });
    await hangUpAndWrapUp(call.id, notes, { type: 'notes_to_contact', personId });
    await waitFor(() => deliveriesOf(call.id), (rows) => rows[0]?.outcomeUnknown === true, 'the lost answer to be recorded');
    await stack.restartApp();
    await expectExactlyOnce('app restart after a lost answer', { ...call, notes });
  });
});
