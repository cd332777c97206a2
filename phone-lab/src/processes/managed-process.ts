import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync } from 'node:fs';

export interface ManagedProcessOptions {
  /** Short name used in errors, e.g. "kamailio". */
  name: string;
  command: string;
  args: string[];
  /** stdout and stderr both go here, so a failed start can show what the program said. */
  logFile: string;
  cwd?: string;
}

const running = new Set<ManagedProcess>();

// If the test runner or `npm run phone-lab` dies without calling stop(), leave no Kamailio or
// baresip behind holding ports: kill our own process groups (and only those) on the way out.
process.once('exit', () => {
  for (const managed of running) managed.killNow();
});

/** A child program in its own process group, logging to a file, stopped by SIGTERM then SIGKILL. */
export class ManagedProcess {
  readonly name: string;
  readonly logFile: string;
  private readonly child: ChildProcess;
  private readonly exited: Promise<number | null>;
  private exitCode: number | null | undefined;

  constructor(options: ManagedProcessOptions) {
    this.name = options.name;
    this.logFile = options.logFile;
    const log = openSync(options.logFile, 'a');
    try {
      // detached: its own process group, so Kamailio's forked children go down with it.
      this.child = spawn(options.command, options.args, {
        cwd: options.cwd,
        stdio: ['ignore', log, log],
        detached: true,
      });
    } finally {
      closeSync(log);
    }
    this.exited = new Promise((resolve) => {
      this.child.once('exit', (code, signal) => {
        this.exitCode = code ?? (signal ? -1 : null);
        running.delete(this);
        resolve(this.exitCode);
      });
      this.child.once('error', () => {
        this.exitCode = -1;
        running.delete(this);
        resolve(-1);
      });
    });
    running.add(this);
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exitCode !== undefined;
  }

  /** The last lines the program wrote, for error messages. */
  logTail(lines = 25): string {
    if (!existsSync(this.logFile)) return '(no log)';
    return readFileSync(this.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  }

  /** Rejects with the log tail if the program exits before `ready` settles. */
  async whileRunning<T>(ready: Promise<T>): Promise<T> {
    const died = this.exited.then((code) => {
      throw new Error(`${this.name} exited (code ${code}) during start-up. Its log (${this.logFile}):\n${this.logTail()}`);
    });
    return Promise.race([ready, died]);
  }

  /** SIGTERM to the group, SIGKILL after `graceMs`; resolves once the main process has exited. */
  async stop(graceMs = 3000): Promise<void> {
    if (this.hasExited) return;
    this.signalGroup('SIGTERM');
    const timer = setTimeout(() => this.signalGroup('SIGKILL'), graceMs);
    await this.exited;
    clearTimeout(timer);
    // Children that ignored the group's SIGTERM (none expected) must not outlive the lab.
    this.signalGroup('SIGKILL');
  }

  killNow(): void {
    this.signalGroup('SIGKILL');
  }

  private signalGroup(signal: NodeJS.Signals): void {
    const pid = this.child.pid;
    if (pid === undefined) return;
    try {
      process.kill(-pid, signal);
    } catch {
      // the group is already gone
    }
  }
}

/** The error, with the process's log tail appended unless the message already carries it. */
export function withLog(error: unknown, managed: ManagedProcess): Error {
  const message = error instanceof Error ? error.message : String(error);
  if (message.includes(managed.logFile)) return error instanceof Error ? error : new Error(message);
  return new Error(`${message}\n${managed.name} log (${managed.logFile}):\n${managed.logTail()}`);
}
