/** The same tests as calls-flow.test.ts, on PostgreSQL (a schema of their own; see tests/support/database-engine.ts). */
import { runDatabaseTestsOn } from '../support/database-engine';
import './calls-flow.test';

runDatabaseTestsOn('postgres');
