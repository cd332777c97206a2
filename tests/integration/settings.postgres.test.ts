/** The same tests as settings.test.ts, on PostgreSQL (a schema of their own; see tests/support/database-engine.ts). */
import { runDatabaseTestsOn } from '../support/database-engine';
import './settings.test';

runDatabaseTestsOn('postgres');
