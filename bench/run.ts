import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureNextBuild } from '../scripts/lib/next-build';
import { bundleSizeRows } from './bundle-size';
import { callerLookupRows } from './caller-lookup';
import { contactSearchRows } from './contact-search';
import { currentCommit, describeMachine, loadAverage } from './machine';
import { BENCH_METHOD } from './method';
import { renderReport, renderTable, type BenchReport, type ResultRow } from './results-table';
import { ringLatencyOneInstanceRows, ringLatencyTwoInstancesRows } from './ring-latency';
import { startBrowserBench } from './support/browser-stack';
import { windowLoadRows } from './window-load';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RESULTS_PATH = fileURLToPath(new URL('./RESULTS.md', import.meta.url));
/** The contact-search benchmark's directory size; the window-load one shares its stack. */
const SEARCH_PERSONS = 10_000;

type Bench = { name: string; run: () => Promise<ResultRow[]> };

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
  { name: 'Window bundle', run: async () => bundleSizeRows(ROOT) },
  { name: 'Floating window load + contact search (Chromium)', run: browserRows },
  { name: 'Caller lookup', run: callerLookupRows },
  { name: 'Ring latency, one instance', run: ringLatencyOneInstanceRows },
  { name: 'Ring latency, two instances', run: ringLatencyTwoInstancesRows },
];

async function main(): Promise<void> {
  const startedAt = Date.now();
  const loadAtStart = loadAverage();
  ensureNextBuild(ROOT);
  const rows: ResultRow[] = [];
  const failures: BenchReport['failures'] = [];
  for (const bench of BENCHES) {
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
  writeFileSync(RESULTS_PATH, renderReport(report));
  console.log(`\n${renderTable(rows)}\n`);
  const missed = rows.filter((row) => row.met === false).length;
  console.log(`${missed === 0 ? 'Every target met' : `${missed} target(s) MISSED`}; written to bench/RESULTS.md.`);
  if (failures.length > 0) process.exitCode = 1;
}

await main();
// Sockets, pools and timers of the benches may linger; the results are written.
process.exit();
