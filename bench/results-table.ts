import type { MachineInfo } from './machine';

/** One line of the results table: a measured figure beside its target. */
export interface ResultRow {
  benchmark: string;
  metric: string;
  figure: string;
  target: string;
  /** `null` for rows without a target (context figures). */
  met: boolean | null;
  note?: string;
}

export interface BenchReport {
  date: string;
  commit: string;
  machine: MachineInfo;
  durationSeconds: number;
  /** 1-minute load average at the start and the end of the run. */
  load: { start: number; end: number };
  rows: ResultRow[];
  /** Benchmarks that could not run, with the reason (the table says so instead of a figure). */
  failures: { benchmark: string; error: string }[];
  method: string;
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

function verdict(row: ResultRow): string {
  if (row.met === null) return '–';
  return row.met ? 'met' : '**MISSED**';
}

export function renderTable(rows: readonly ResultRow[]): string {
  const lines = ['| benchmark | metric | figure | target | verdict | note |', '| --- | --- | --- | --- | --- | --- |'];
  for (const row of rows) {
    const cells = [row.benchmark, row.metric, row.figure, row.target, verdict(row), row.note ?? ''];
    lines.push(`| ${cells.map(escapeCell).join(' | ')} |`);
  }
  return lines.join('\n');
}

/** The whole bench/RESULTS.md: header (date, commit, machine), table, failures, method. */
export function renderReport(report: BenchReport): string {
  const { machine } = report;
  const missed = report.rows.filter((row) => row.met === false);
  const parts = [
    '# Benchmark results',
    '',
    `Produced by \`npm run bench\` on ${report.date} at commit \`${report.commit}\`, in ${report.durationSeconds.toFixed(0)} s.`,
    `Machine: ${machine.cores} cores (${machine.cpuModel}), ${machine.ramGb.toFixed(1)} GB RAM, Node ${machine.node}, ${machine.platform}. ` +
      `Load average (1 min) ${report.load.start.toFixed(1)} at the start, ${report.load.end.toFixed(1)} at the end: other processes shared the cores, which inflates tail latencies.`,
    '',
    renderTable(report.rows),
    '',
    missed.length === 0 ? 'Every target was met.' : `Targets MISSED: ${missed.map((row) => `${row.benchmark} – ${row.metric}`).join('; ')}.`,
  ];
  if (report.failures.length > 0) {
    parts.push('', '## Benchmarks that did not run', '');
    for (const failure of report.failures) parts.push(`- ${failure.benchmark}: ${escapeCell(failure.error)}`);
  }
  parts.push('', '## Method', '', report.method.trim(), '');
  return parts.join('\n');
}
