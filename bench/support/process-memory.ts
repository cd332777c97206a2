import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** The pid of the process listening on 127.0.0.1:`port` (the app process), from `ss`. */
export function pidListeningOn(port: number): number {
  const output = execFileSync('ss', ['-ltnpH', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(output)?.[1];
  if (pid === undefined) throw new Error(`no process found listening on port ${port}`);
  return Number(pid);
}

/** Resident set size of a process in bytes (VmRSS from /proc). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
  if (kb === undefined) throw new Error(`no VmRSS for pid ${pid}`);
  return Number(kb) * 1024;
}
