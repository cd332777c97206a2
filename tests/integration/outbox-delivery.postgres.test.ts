/** The same tests as outbox-delivery.test.ts, on PostgreSQL (a schema of their own; see tests/support/database-engine.ts). */
import { runDatabaseTestsOn } from '../support/database-engine';
import './outbox-delivery.test';

runDatabaseTestsOn('postgres');
