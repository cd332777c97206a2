import { Pool } from 'pg';
import { POSTGRES_URL } from '../tests/support/postgres';
import { connectAgents, disconnectAgents } from './support/agent-sockets';
import { callerNumbers, ringAgent } from './support/inbound-calls';
import { startInboundStack } from './support/inbound-stack';
import { pidListeningOn, residentBytes } from './support/process-memory';
import { startPrivateRedis } from './support/private-redis';
import { planAgents } from './support/seed-accounts';
import type { ResultRow } from './results-table';
import { formatMs, percentile } from './stats';

const COMPANIES = 50;
const AGENTS = 1_000;
const WEBHOOKS = 500;
const WARM_UP_WEBHOOKS = 20;
/** Enough persons for every webhook to bring a different caller (lookups uncached). */
const PERSONS = 3_000;
const RSS_TARGET_BYTES = 300 * 1024 * 1024;

interface RingRun {
  samples: number[];
  acceptedSamples: number[];
  rssBytes: number[];
}

/**
 * 1,000 agent windows (websocket) over 50 companies, then 500 webhooks one after another, each
 * naming a different agent. With two instances, agents alternate between them and every webhook
 * goes to the instance the agent is NOT connected to, so each ring crosses Redis.
 */
async function runRing(instances: 1 | 2, databaseUrl?: string, redisUrl?: string): Promise<RingRun> {
  const agents = planAgents({ companies: COMPANIES, count: AGENTS, firstCompanyId: 900_001, firstUserId: 910_000 });
  const stack = await startInboundStack({ instances, agents, personCount: PERSONS, ...(databaseUrl ? { databaseUrl } : {}), redisUrl: redisUrl ?? null });
  const sockets = await connectAgents(agents, (index) => (stack.apps[index % instances] as { url: string }).url, stack.jwtSecret).catch(async (error: unknown) => {
    await stack.stop();
    throw error;
  });
  try {
    const pids = stack.apps.map((app) => pidListeningOn(app.port));
    const rssBytes = pids.map(residentBytes);
    const numbers = callerNumbers(stack.sandbox);
    const target = (index: number) => (index + 1) % instances;
    const run = `${instances}i-${Date.now()}`;
    // Odd agents take the warm-up calls (first requests compile routes, fill pools), even ones the measured calls.
    for (let i = 0; i < WARM_UP_WEBHOOKS; i += 1) {
      const index = 2 * i + 1;
      await ringAgent(stack, target(index), sockets[index]!, numbers[(i * 7) % numbers.length]!, `warm-${run}-${i}`);
    }
    const samples: number[] = [];
    const acceptedSamples: number[] = [];
    for (let i = 0; i < WEBHOOKS; i += 1) {
      const index = (2 * i) % AGENTS;
      const timing = await ringAgent(stack, target(index), sockets[index]!, numbers[i % numbers.length]!, `call-${run}-${i}`);
      samples.push(timing.ringingAt - timing.sentAt);
      acceptedSamples.push(timing.acceptedAt - timing.sentAt);
    }
    pids.forEach((pid, i) => (rssBytes[i] = Math.max(rssBytes[i] ?? 0, residentBytes(pid))));
    return { samples, acceptedSamples, rssBytes };
  } finally {
    disconnectAgents(sockets);
    await stack.stop();
  }
}

function latencyRows(label: string, run: RingRun, targetP99Ms: number): ResultRow[] {
  const p99 = percentile(run.samples, 99);
  return [
    {
      benchmark: `Ring latency, ${label}`,
      metric: `webhook sent → agent socket rings, p50 / p99 (${run.samples.length} calls, ${AGENTS} agents, ${COMPANIES} companies)`,
      figure: `${formatMs(percentile(run.samples, 50))} / ${formatMs(p99)}`,
      target: `p99 < ${formatMs(targetP99Ms)}`,
      met: p99 < targetP99Ms,
      note: `p95 ${formatMs(percentile(run.samples, 95))}, max ${formatMs(Math.max(...run.samples))}; includes the caller lookup in the sandbox; webhook answered (202) p50 ${formatMs(percentile(run.acceptedSamples, 50))}`,
    },
  ];
}

function rssRow(label: string, run: RingRun): ResultRow {
  const worst = Math.max(...run.rssBytes);
  return {
    benchmark: `Server memory, ${label}`,
    metric: `RSS per app process with ${AGENTS} agents connected${run.rssBytes.length > 1 ? ' (largest instance)' : ''}`,
    figure: `${(worst / 1024 ** 2).toFixed(0)} MB`,
    target: '< 300 MB',
    met: worst < RSS_TARGET_BYTES,
    note: run.rssBytes.length > 1 ? `instances: ${run.rssBytes.map((b) => `${(b / 1024 ** 2).toFixed(0)} MB`).join(', ')}` : undefined,
  };
}

export async function ringLatencyOneInstanceRows(): Promise<ResultRow[]> {
  const run = await runRing(1);
  return [...latencyRows('one instance (SQLite)', run, 50), rssRow('one instance', run)];
}

/** Two app processes on one PostgreSQL schema of their own and a private Redis. */
export async function ringLatencyTwoInstancesRows(): Promise<ResultRow[]> {
  const schema = `bench_${process.pid}_${Date.now()}`;
  const redis = await startPrivateRedis();
  try {
    const run = await runRing(2, `${POSTGRES_URL}?schema=${schema}`, redis.url);
    return latencyRows('two instances (PostgreSQL + Redis)', run, 100);
  } finally {
    await redis.stop();
    const pool = new Pool({ connectionString: POSTGRES_URL });
    await pool.query(`drop schema if exists "${schema}" cascade`).finally(() => pool.end());
  }
}
