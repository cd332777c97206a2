/**
 * `npm test`: every test — unit, integration (real sandbox, app, PostgreSQL, Redis on loopback)
 * and end-to-end (Debian's Chromium). Fails fast, saying how to get what is missing.
 * Extra arguments go to vitest (e.g. `npm test -- --project unit`). The dependency rules
 * (`npm run depcheck`) run first.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureNextBuild } from './lib/next-build';
import { missingPrerequisites } from './lib/prerequisites';

const root = process.cwd();
const args = process.argv.slice(2);
const onlyUnit = args.join(' ').includes('--project unit') || args.includes('--project=unit');

/** The layer rules (.dependency-cruiser.cjs), before any test: a broken rule fails fast with the tool's report. */
function checkDependencies(): boolean {
  const result = spawnSync('npx', ['depcruise', 'src', 'pages', 'sandbox', 'phone-lab', 'server.ts', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status === 0) return true;
  console.error('\nThe dependency rules are broken (see above; the rules and their reasons are in .dependency-cruiser.cjs).');
  console.log('\ntests: 0 passed, 1 failed (dependency rules)');
  return false;
}

async function main(): Promise<number> {
  if (!checkDependencies()) return 1;
  if (!onlyUnit) {
    const missing = await missingPrerequisites();
    if (missing.length > 0) {
      console.error(`Cannot run the test suite:\n${missing.join('\n')}`);
      return 1;
    }
    ensureNextBuild(root, { force: process.env.CI === 'true' });
  }
  mkdirSync(join(root, 'tests', '.artifacts'), { recursive: true });
  const reportPath = join(root, 'tests', '.artifacts', 'vitest-report.json');
  const result = spawnSync(
    'npx',
    ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${reportPath}`, ...args],
    { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', NEXT_TELEMETRY_DISABLED: '1' } },
  );
  printClosingLine(reportPath);
  return result.status ?? 1;
}

/** One plain `N passed, N failed` line, the summary CI reads whatever the runner. */
function printClosingLine(reportPath: string): void {
  try {
    const report = JSON.parse(readFileSync(reportPath, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    console.log(`\ntests: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${report.numPendingTests} skipped`);
  } catch {
    console.log('\ntests: 0 passed, 1 failed (no test report was written)');
  }
}

main().then((code) => process.exit(code), (error: unknown) => {
  console.error(error);
  process.exit(1);
});
