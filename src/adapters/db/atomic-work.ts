import type { Database, Drizzle } from './database';

/**
 * Multi-statement work that must be atomic, written once for both engines.
 *
 * better-sqlite3 transactions are synchronous (a callback that awaits would let unrelated queries
 * on the one shared connection slip into the transaction), while PostgreSQL transactions are
 * asynchronous. So the work is a generator that yields statements and receives their rows: on
 * SQLite it is driven synchronously inside `db.transaction`, on PostgreSQL with `await` inside
 * `database.transaction`. Statements are built from the handle they are given (the PostgreSQL
 * transaction client), never from an outer `db`.
 */

interface RunnableStatement<Row> {
  all(): Row[];
}

interface Step {
  readonly build: (db: Drizzle) => unknown;
  readonly mode: 'rows' | 'run';
}

export type AtomicWork<T> = Generator<Step, T, unknown>;

/** Runs a statement with `.returning(...)` and hands back its rows. */
export function* rows<Row>(build: (db: Drizzle) => RunnableStatement<Row>): Generator<Step, Row[], unknown> {
  return (yield { build, mode: 'rows' }) as Row[];
}

/** Runs a statement whose result is not needed. */
export function* run(build: (db: Drizzle) => { run(): unknown }): Generator<Step, void, unknown> {
  yield { build, mode: 'run' };
}

/** Thrown inside work to roll the transaction back and return `value` instead. */
export class RollbackWith<T> extends Error {
  constructor(readonly value: T) {
    super('rolled back on purpose');
  }
}

export async function runAtomically<T>(database: Database, work: () => AtomicWork<T>): Promise<T> {
  try {
    if (database.dialect === 'sqlite') {
      return database.db.transaction(() => driveSync(work(), database.db));
    }
    return await database.transaction((tx) => driveAsync(work(), tx));
  } catch (error) {
    if (error instanceof RollbackWith) return error.value as T;
    throw error;
  }
}

function driveSync<T>(work: AtomicWork<T>, db: Drizzle): T {
  let input: unknown;
  for (;;) {
    const step = work.next(input);
    if (step.done) return step.value;
    const statement = step.value.build(db) as RunnableStatement<unknown> & { run(): unknown };
    input = step.value.mode === 'rows' ? statement.all() : statement.run();
  }
}

async function driveAsync<T>(work: AtomicWork<T>, tx: Drizzle): Promise<T> {
  let input: unknown;
  for (;;) {
    const step = work.next(input);
    if (step.done) return step.value;
    // The PostgreSQL builders are thenables resolving to the returned rows.
    input = await (step.value.build(tx) as PromiseLike<unknown>);
  }
}
