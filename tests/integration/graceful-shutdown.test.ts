/**
 * SIGTERM while Pipedrive is slow: the app stops, but first finishes the wrap-up delivery in
 * flight and the wrap-ups already due, records them as delivered, then exits with 0. One sandbox
 * (in-process) and one app process, as in calls-flow.test.ts; PostgreSQL in
 * graceful-shutdown.postgres.test.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/adapters/db/database';
import { waitFor } from '../support/wait';
import { installAndOpenWindow, sandboxControl, startHarness, type Harness } from './helpers/app-harness';

let harness: Harness;
let agent: number;
let cookie: string;

beforeAll(async () => {
  // The mock callee never answers during the test: every call ends while it rings.
  harness = await startHarness({ env: { MOCK_TELEPHONY_CONNECT_MS: '600000' } });
  agent = harness.userIds[0] as number;
  cookie = await installAndOpenWindow(harness, agent);
}, 300_000);

afterAll(async () => {
  if (process.env.DEBUG_APP_OUTPUT) console.log(harness?.app.output());
  await harness?.close();
});

async function post(path: string, body?: unknown): Promise<{ call: { id: string; state: string } }> {
  const response = await fetch(`${harness.appUrl}${path}`, {
    method: 'POST',
    headers: { cookie, origin: harness.appUrl, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status >= 300) throw new Error(`${path} answered ${response.status}: ${await response.text()}\n${harness.app.output()}`);
  return (await response.json()) as { call: { id: string; state: string } };
}

async function wrappedUpCall(number: string): Promise<string> {
  const { call } = await post('/api/calls', { number, source: 'dial_pad' });
  await post(`/api/calls/${call.id}/hang-up`);
  await post(`/api/calls/${call.id}/wrap-up`, { notes: 'Before the deploy.', action: { type: 'hang_up' } });
  return call.id;
}

async function outboxByCall(): Promise<Map<string, string[]>> {
  const database = openDatabase(harness.databaseUrl);
  try {
    const { outbox } = database.tables;
    const rows = await database.db.select({ callId: outbox.callId, status: outbox.status }).from(outbox);
    const byCall = new Map<string, string[]>();
    for (const row of rows) byCall.set(row.callId, [...(byCall.get(row.callId) ?? []), row.status]);
    return byCall;
  } finally {
    await database.close();
  }
}

const digits = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');

describe('graceful shutdown (SIGTERM)', () => {
  it('finishes the slowed delivery in flight and the wrap-ups already due, records them, then exits 0', async () => {
    await sandboxControl(harness, 'faults', { kind: 'latency', method: 'POST', path: '/api/v1/callLogs', count: 1, latencyMs: 3_000 });
    const inFlight = await wrappedUpCall('+14155550501');
    await waitFor(async () => (await outboxByCall()).get(inFlight), (statuses) => statuses?.includes('delivering') === true, 'the first delivery to be under way');
    const queued = await wrappedUpCall('+14155550502');

    await harness.app.stop();

    expect(harness.app.exitCode()).toBe(0);
    const outbox = await outboxByCall();
    expect([...(outbox.get(inFlight) ?? []), ...(outbox.get(queued) ?? [])].every((status) => status === 'delivered')).toBe(true);
    expect(outbox.get(queued)?.length).toBeGreaterThan(0);
    const logs = harness.sandbox.context.store.listCallLogs({ userId: agent });
    for (const number of ['+14155550501', '+14155550502']) {
      expect(logs.filter((log) => digits(log.to_phone_number) === digits(number))).toHaveLength(1);
    }
  });
});
