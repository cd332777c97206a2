import { performance } from 'node:perf_hooks';
import { z } from 'zod';
import type { RunningSandbox } from '../../sandbox/src/index';
import type { AgentSocket } from './agent-sockets';
import type { InboundStack } from './inbound-stack';

const RING_WAIT_MS = 10_000;

const acceptedSchema = z.object({ callId: z.string(), result: z.string() });

/** One inbound call as the bench saw it (performance clock of the bench process). */
export interface InboundCallTiming {
  sentAt: number;
  /** The app answered the webhook (202). */
  acceptedAt: number;
  /** The agent's socket received `call:ringing`. */
  ringingAt: number;
}

/**
 * Posts one signed inbound webhook naming `agent` to app instance `instance` and waits for the
 * agent's socket to ring. Throws when the app does not ring (missed, 4xx) or takes over 10 s.
 */
export async function ringAgent(stack: InboundStack, instance: number, agent: AgentSocket, from: string, callId: string): Promise<InboundCallTiming> {
  let timer: NodeJS.Timeout | undefined;
  const ring = Promise.race([
    agent.nextRing(),
    new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no ring for ${callId} within ${RING_WAIT_MS} ms`)), RING_WAIT_MS))),
  ]);
  ring.catch(() => undefined);
  const sentAt = performance.now();
  const response = await stack.postInbound(instance, { from, agent: String(agent.agent.userId), callId });
  const acceptedAt = performance.now();
  const body: unknown = await response.json();
  const accepted = acceptedSchema.safeParse(body);
  if (response.status !== 202 || !accepted.success || accepted.data.result !== 'ringing') {
    clearTimeout(timer);
    throw new Error(`webhook ${callId} was not rung: HTTP ${response.status} ${JSON.stringify(body)}`);
  }
  try {
    const { at } = await ring;
    return { sentAt, acceptedAt, ringingAt: at };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Caller numbers of sandbox persons, in a fixed order: the international ones only, as providers
 * send E.164 (bench companies have no default region, so a national number would not be looked up).
 */
export function callerNumbers(sandbox: RunningSandbox): string[] {
  return sandbox.context.store
    .listPersons({ limit: Number.MAX_SAFE_INTEGER })
    .items.flatMap((person) => person.phones.slice(0, 1).map((phone) => phone.value))
    .filter((number) => number.startsWith('+'));
}
