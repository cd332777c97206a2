import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallPersistence } from '@/adapters/db/call-persistence';
import { createPipedriveWriter } from '@/adapters/pipedrive/pipedrive-writer';
import { createWriteReconciler } from '@/adapters/pipedrive/write-reconciler';
import type { OutboxWorker } from '@/application/outbox/outbox-worker';
import type { TestKit } from '../../sandbox/test/sandbox-test-kit';
import { startOutboxAgainstSandbox, type OutboxAgainstSandbox } from '../support/outbox-against-sandbox';

/**
 * A write Pipedrive stored but whose answer was a gateway's error page (502/504 HTML, not
 * Pipedrive's JSON) is an unknown outcome: the worker looks it up before sending it again, so the
 * call log lands exactly once. The sandbox's `error_page_after_write` fault plays the gateway.
 */

const SETTLE_MS = 1_600;
let outbox: OutboxAgainstSandbox;
let kit: TestKit;
let persistence: CallPersistence;
let worker: OutboxWorker;
let now = Date.now();

beforeAll(async () => {
  outbox = await startOutboxAgainstSandbox('gateway-page');
  ({ kit, persistence } = outbox);
  const { gateway, accounts } = outbox;
  worker = persistence.createOutboxWorker({
    writer: createPipedriveWriter({ gateway, accounts }),
    reconcile: createWriteReconciler({ gateway, accounts }),
    unknownOutcomeSettleMs: SETTLE_MS,
    clock: { now: () => now },
    random: () => 0,
  });
});

afterAll(async () => {
  await outbox?.close();
});

const CALLER = '+14155550177';

async function endedCallWithItsWrites(callId: string): Promise<void> {
  const start = Math.floor(now / 1000) * 1000;
  const call = outbox.endedCall(callId, CALLER, { createdAt: start - 5_000, ringingAt: start - 5_000, answeredAt: start, endedAt: start + 42_000 });
  await outbox.commitWrapUp(call, { callId, notes: '', action: { kind: 'hang_up' } }, now);
}

async function callLogsTo(number: string): Promise<unknown[]> {
  const response = await fetch(`${kit.url}/__sandbox/state?include=callLogs`);
  const { data } = (await response.json()) as { data: { callLogs: Array<{ from_phone_number?: string; to_phone_number?: string }> } };
  const digits = number.replace(/\D/g, '');
  return data.callLogs.filter((log) => [log.from_phone_number, log.to_phone_number].some((value) => (value ?? '').replace(/\D/g, '') === digits));
}

describe('a write answered with a gateway error page', () => {
  for (const status of [502, 504]) {
    it(`is looked up, not sent again, after a ${status} HTML page: exactly one call log`, async () => {
      const callId = `call-gateway-${status}`;
      const before = (await callLogsTo(CALLER)).length;
      const fault = await fetch(`${kit.url}/__sandbox/faults`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'error_page_after_write', method: 'POST', path: '/api/v1/callLogs', status, count: 1 }),
      });
      expect(fault.ok).toBe(true);
      await endedCallWithItsWrites(callId);

      await worker.drain();
      const afterPage = await persistence.outboxStore.findByKey(`call:${callId}:call_log`);
      expect(afterPage).toMatchObject({ status: 'pending', outcomeUnknown: true, attempts: 1 });
      // The lookup waits for the settle time: the gateway may have given up on a request Pipedrive still runs.
      expect(afterPage?.nextAttemptAt).toBeGreaterThanOrEqual(now + SETTLE_MS);
      expect(await callLogsTo(CALLER)).toHaveLength(before + 1);

      now = afterPage?.nextAttemptAt ?? now;
      await worker.drain();
      expect(await persistence.outboxStore.findByKey(`call:${callId}:call_log`)).toMatchObject({ status: 'delivered', outcomeUnknown: false });
      expect(await callLogsTo(CALLER)).toHaveLength(before + 1);
      now += 60_000;
    });
  }
});
