import type { Page } from 'playwright-core';
import type { BrowserBench } from './support/browser-stack';
import type { ResultRow } from './results-table';
import { formatMs, percentile } from './stats';

const LOADS = 30;
const TARGET_P95_MS = 500;
const PIPEDRIVE_LIMIT_MS = 10_000;

interface HostTimings {
  frameSrcSetAt: number | null;
  initializeAt: number | null;
}

/** One full load of a sandbox page: from the host setting the iframe's src to the app's initialize reaching the host. */
async function measureOneLoad(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const handle = await page.waitForFunction(
    () => {
      const timings = (window as unknown as { __sandboxHost?: { timings: HostTimings } }).__sandboxHost?.timings;
      return timings?.initializeAt != null ? timings : null;
    },
    undefined,
    { timeout: PIPEDRIVE_LIMIT_MS + 5_000 },
  );
  const timings = (await handle.jsonValue()) as HostTimings;
  if (timings.frameSrcSetAt === null || timings.initializeAt === null) throw new Error('the host did not record the load');
  return timings.initializeAt - timings.frameSrcSetAt;
}

export async function windowLoadRows(bench: BrowserBench): Promise<ResultRow[]> {
  const url = `${bench.stack.sandbox.url}/persons`;
  // The first load fills Chromium's HTTP cache with the app's immutable chunks, as any user's first visit does.
  const coldMs = await measureOneLoad(bench.page, url);
  const samples: number[] = [];
  for (let i = 0; i < LOADS; i += 1) samples.push(await measureOneLoad(bench.page, url));
  const p50 = percentile(samples, 50);
  const p95 = percentile(samples, 95);
  return [
    {
      benchmark: 'Floating window load',
      metric: `iframe src set → SDK initialize at the host, p50 (${LOADS} loads)`,
      figure: formatMs(p50),
      target: `Pipedrive's limit ${formatMs(PIPEDRIVE_LIMIT_MS)}`,
      met: p50 < PIPEDRIVE_LIMIT_MS,
    },
    {
      benchmark: 'Floating window load',
      metric: `same, p95 (${LOADS} loads)`,
      figure: formatMs(p95),
      target: `p95 < ${formatMs(TARGET_P95_MS)}`,
      met: p95 < TARGET_P95_MS,
      note: `first (cold-cache) load ${formatMs(coldMs)}, not counted; max ${formatMs(Math.max(...samples))}`,
    },
  ];
}
