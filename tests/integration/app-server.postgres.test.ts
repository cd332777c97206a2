/** The same tests as app-server.test.ts, on PostgreSQL (a schema of their own; see tests/support/database-engine.ts). */
import { runDatabaseTestsOn } from '../support/database-engine';
import './app-server.test';

runDatabaseTestsOn('postgres');
