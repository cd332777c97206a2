import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureNextBuild } from '../scripts/lib/next-build';
import { bundleSizeRows } from './bundle-size';
import { callerLookupRows } from './caller-lookup';
import { contactSearchRows } from './contact-search';
import { currentCommit, describeMachine, loadAverage } from './machine';
import { BENCH_METHOD } from './method';
import { renderReport, renderTable, type BenchReport, type ResultRow } from './results-table';
import { realCallRows } from './real-calls';
import { ringLatencyOneInstanceRows, ringLatencyTwoInstancesRows } from './ring-latency';
import { startBrowserBench } from './support/browser-stack';
import { windowLoadRows } from './window-load';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
/** The contact-search benchmark's directory size; the window-load one shares its stack. */
const SEARCH_PERSONS = 10_000;

type Bench = { name: string; key: string; run: () => Promise<ResultRow[]> };

/** Window load and contact search share one sandbox, app and Chromium. */
async function browserRows(): Promise<ResultRow[]> {
  const bench = await startBrowserBench(SEARCH_PERSONS);
  try {
    return [...(await windowLoadRows(bench)), ...(await contactSearchRows(bench))];
  } finally {
    await bench.close();
  }
}

const BENCHES: Bench[] = [
  { name: 'Window bundle', key: 'bundle', run: async () => bundleSizeRows(ROOT) },
  { name: 'Floating window load + contact search (Chromium)', key: 'browser', run: browserRows },
  { name: 'Caller lookup', key: 'caller-lookup', run: callerLookupRows },
  { name: 'Ring latency, one instance', key: 'ring-one', run: ringLatencyOneInstanceRows },
  { name: 'Ring latency, two instances', key: 'ring-two', run: ringLatencyTwoInstancesRows },
  { name: 'Real calls over SIP (phone lab, Chromium)', key: 'real-calls', run: realCallRows },
];

/**
 * `npm run bench -- caller-lookup ring-one` runs only those benchmarks (keys above) and prints
 * their table without touching RESULTS.md, which always holds a full run.
 */
function selectedBenches(args: readonly string[]): Bench[] {
  if (args.length === 0) return BENCHES;
  const unknown = args.filter((arg) => !BENCHES.some((bench) => bench.key === arg));
  if (unknown.length > 0) {
    throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${BENCHES.map((bench) => bench.key).join(', ')}`);
  }
  return BENCHES.filter((bench) => args.includes(bench.key));
}

async function main(): Promise<void> {
  const benches = selectedBenches(process.argv.slice(2));
  const isFullRun = benches.length === BENCHES.length;
  const startedAt = Date.now();
  const loadAtStart = loadAverage();
  ensureNextBuild(ROOT);
  const rows: ResultRow[] = [];
  const failures: BenchReport['failures'] = [];
  for (const bench of benches) {
    const benchStart = Date.now();
    console.log(`▶ ${bench.name}…`);
    try {
      rows.push(...(await bench.run()));
      console.log(`  done in ${((Date.now() - benchStart) / 1000).toFixed(0)} s`);
    } catch (error) {
      const message = error instanceof Error ? error.message.split('\n')[0] ?? error.message : String(error);
      failures.push({ benchmark: bench.name, error: message });
      console.error(`  FAILED: ${message}`);
    }
  }
  const report: BenchReport = {
    date: new Date().toISOString(),
    commit: currentCommit(ROOT),
    machine: describeMachine(),
    durationSeconds: (Date.now() - startedAt) / 1000,
    load: { start: loadAtStart, end: loadAverage() },
    rows,
    failures,
    method: BENCH_METHOD,
  };
  if (isFullRun) writeFileSync(RESULTS_PATH, renderReport(report));
  console.log(`\n${renderTable(rows)}\n`);
  const missed = rows.filter((row) => row.met === false).length;
  const where = isFullRun ? 'written to bench/RESULTS.md' : 'partial run, bench/RESULTS.md left as it was';
  console.log(`${missed === 0 ? 'Every target met' : `${missed} target(s) MISSED`}; ${where}.`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
// Sockets, pools and timers of the benches may linger; the results are written.
process.exit();
