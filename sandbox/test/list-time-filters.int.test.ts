import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestKit } from './sandbox-test-kit';

/** The documented list filters the app's write reconciler relies on (docs/WRAP-UP-DELIVERY.md). */
describe('sandbox: time filters and sorting of notes and activities', () => {
  let kit: TestKit;
  let token: string;
  let personId: number;
  beforeAll(async () => {
    kit = await TestKit.start();
  });
  beforeEach(async () => {
    kit.sandbox.reset();
    // The tests move the clock by hours: a fresh token each time.
    token = (await kit.install(20002)).access_token;
    personId = (kit.sandbox.context.store.listPersons({ limit: 1 }).items[0] as { id: number }).id;
  });
  afterAll(() => kit.close());

  async function addNote(content: string): Promise<number> {
    const response = await kit.post('/api/v1/notes', token, { content, person_id: personId });
    expect(response.status).toBe(200);
    return (response.body.data as { id: number }).id;
  }

  it('GET /v1/notes: sort, start_date/end_date (add day) and updated_since', async () => {
    const first = await addNote('first');
    kit.clock.advance(26 * 3600_000);
    token = (await kit.install(20002)).access_token;
    const second = await addNote('second');
    const secondDay = new Date(kit.clock.now()).toISOString().slice(0, 10);
    const ids = async (query: string) => ((await kit.get(`/api/v1/notes?person_id=${personId}${query}`, token)).body.data as { id: number }[]).map((n) => n.id);

    expect(await ids('&sort=add_time%20DESC')).toEqual([second, first]);
    expect(await ids('&sort=id%20ASC')).toEqual([first, second]);
    expect(await ids(`&start_date=${secondDay}`)).toEqual([second]);
    expect(await ids(`&end_date=${secondDay}&start_date=2000-01-01`)).toEqual([first, second]);
    expect(await ids(`&updated_since=${new Date(kit.clock.now() - 1000).toISOString()}`)).toEqual([second]);
  });

  it('GET /v1/notes: a bad sort or date is a 400 in the error envelope', async () => {
    for (const query of ['sort=colour%20DESC', 'sort=add_time%20SIDEWAYS', 'start_date=14-03-2026', 'updated_since=yesterday']) {
      const response = await kit.get(`/api/v1/notes?${query}`, token);
      expect(response.status, query).toBe(400);
      expect(response.body.success).toBe(false);
    }
  });

  it('GET /v2/activities: updated_since / updated_until, RFC 3339 only', async () => {
    const add = async (subject: string) =>
      ((await kit.post('/api/v2/activities', token, { subject, type: 'call', person_id: personId, due_date: '2026-03-14' })).body.data as { id: number }).id;
    const early = await add('early');
    kit.clock.advance(60_000);
    const late = await add('late');
    const since = new Date(kit.clock.now() - 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
    const ids = async (query: string) => ((await kit.get(`/api/v2/activities?person_id=${personId}&${query}`, token)).body.data as { id: number }[]).map((a) => a.id);
    expect(await ids(`updated_since=${since}`)).toEqual([late]);
    expect(await ids(`updated_until=${since}`)).toContain(early);
    expect(await ids(`updated_until=${since}`)).not.toContain(late);
    expect((await kit.get(`/api/v2/activities?updated_since=2026-03-14`, token)).status).toBe(400);
  });
});
