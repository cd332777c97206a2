import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../tests/support/database-engine';
import { openDatabase, type Database } from './database';
import { createNotesDraftStore } from './notes-draft-store';

/** The drafts table of migration 0006, on both engines. */
describe.each(['sqlite', 'postgres'] as const)('notes draft store (%s)', (engine) => {
  let testDatabase: TestDatabase;
  let database: Database;

  beforeEach(async () => {
    testDatabase = await createTestDatabase('notes_drafts', engine);
    database = openDatabase(testDatabase.url);
    await database.migrate();
  });
  afterEach(async () => {
    await database.close();
    await testDatabase.drop();
  });

  it('keeps the last text saved for a call, per company', async () => {
    const drafts = createNotesDraftStore(database);
    expect(await drafts.find(7, 'call-1')).toBeUndefined();
    await drafts.save(7, { callId: 'call-1', text: 'first', updatedAt: 100 });
    await drafts.save(7, { callId: 'call-1', text: 'Wants a <quote> & more\nline two', updatedAt: 200 });
    expect(await drafts.find(7, 'call-1')).toEqual({ callId: 'call-1', text: 'Wants a <quote> & more\nline two', updatedAt: 200 });
    expect(await drafts.find(8, 'call-1')).toBeUndefined();
  });

  it('never lets another company overwrite a call’s draft', async () => {
    const drafts = createNotesDraftStore(database);
    await drafts.save(7, { callId: 'call-1', text: 'ours', updatedAt: 100 });
    await drafts.save(8, { callId: 'call-1', text: 'theirs', updatedAt: 200 });
    expect(await drafts.find(7, 'call-1')).toMatchObject({ text: 'ours' });
  });
});
