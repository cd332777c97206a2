import { execFileSync } from 'node:child_process';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';

export interface MachineInfo {
  cores: number;
  cpuModel: string;
  ramGb: number;
  node: string;
  platform: string;
}

/** 1-minute load average: other work on the machine during the run inflates the latencies. */
export function loadAverage(): number {
  return loadavg()[0] ?? 0;
}

export function describeMachine(): MachineInfo {
  const list = cpus();
  return {
    cores: list.length,
    cpuModel: list[0]?.model.trim() ?? 'unknown CPU',
    ramGb: totalmem() / 1024 ** 3,
    node: process.version,
    platform: `${platform()} ${release()}`,
  };
}

/** The commit the bench ran on, with "+ uncommitted changes" when the worktree is dirty. */
export function currentCommit(root: string): string {
  const commit = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench/RESULTS.md'], { cwd: root, encoding: 'utf8' }).trim();
  return dirty === '' ? commit : `${commit} + uncommitted changes`;
}
