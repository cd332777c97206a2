/** The same tests as graceful-shutdown.test.ts, on PostgreSQL (a schema of their own; see tests/support/database-engine.ts). */
import { runDatabaseTestsOn } from '../support/database-engine';
import './graceful-shutdown.test';

runDatabaseTestsOn('postgres');
