import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ERROR_ENVELOPE_KEYS, TestKit } from './sandbox-test-kit';

describe('sandbox REST API v1', () => {
  let kit: TestKit;
  let token: string;
  let adminToken: string;
  beforeAll(async () => {
    kit = await TestKit.start();
    token = (await kit.install(20002)).access_token;
    adminToken = (await kit.install(20001)).access_token;
  });
  beforeEach(() => kit.sandbox.reset());
  afterAll(() => kit.close());

  describe('authentication and routing', () => {
    it('answers 401 in Pipedrive’s shape without a token', async () => {
      const response = await kit.call('GET', '/api/v1/users/me');
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ success: false, error: 'unauthorized access', data: null, additional_data: null });
    });

    it('answers 401 for an unknown token and 400 for a malformed header', async () => {
      expect((await kit.get('/api/v1/users/me', 'v1u:made-up')).status).toBe(401);
      const malformed = await kit.call('GET', '/api/v1/users/me', { headers: { authorization: 'Token abc' } });
      expect(malformed.status).toBe(400);
      expect(malformed.body.error).toBe('Invalid request: malformed authorization header');
    });

    it('answers 404 in the error envelope for unknown endpoints', async () => {
      const response = await kit.get('/api/v1/nothing-here', token);
      expect(response.status).toBe(404);
      expect(Object.keys(response.body).sort()).toEqual([...ERROR_ENVELOPE_KEYS].sort());
      expect(response.body.success).toBe(false);
    });

    it('answers 405 for a known path with another method', async () => {
      expect((await kit.call('DELETE', '/api/v1/users/me', { token })).status).toBe(405);
    });

    it.each([
      ['/api/v1/persons', 'GET /api/v2/persons'.slice(4)],
      ['/api/v1/persons/1', '/api/v2/persons/1'],
      ['/api/v1/persons/search?term=ab', 'GET /api/v2/persons/search'],
      ['/api/v1/persons/1/deals', 'GET /api/v2/deals?person_id=1'],
      ['/api/v1/deals', '/api/v2/deals'],
      ['/api/v1/deals/3', '/api/v2/deals/3'],
      ['/api/v1/itemSearch?term=ab', 'GET /api/v2/itemSearch'],
      ['/v1/persons', '/api/v2/persons'],
      ['/v1/deals/1', '/api/v2/deals/1'],
    ])('answers 410 Gone for retired %s, naming the v2 replacement', async (path, replacement) => {
      const response = await kit.get(path, token);
      expect(response.status).toBe(410);
      expect(response.body.success).toBe(false);
      expect(response.body.error).toContain(replacement);
      expect(response.body.data).toBeNull();
    });

    it('still serves live v1 endpoints under the /v1 alias', async () => {
      expect((await kit.get('/v1/users/me', token)).status).toBe(200);
    });
  });

  describe('users', () => {
    it('GET /users/me returns the user with company fields', async () => {
      const response = await kit.get('/api/v1/users/me', token);
      expect(response.status).toBe(200);
      expect(response.body.success).toBe(true);
      expect(response.body.data).toMatchObject({
        id: 20002, name: 'Bob Caller', email: 'bob@sandbox-trading.example', is_you: true, company_id: 7351,
        company_name: 'Sandbox Trading Co', company_domain: 'sandbox-trading', timezone_name: 'Europe/London', icon_url: null,
        language: { language_code: 'en', country_code: 'US' },
      });
    });

    it('GET /users needs users:read, which the default grant lacks', async () => {
      const response = await kit.get('/api/v1/users', token);
      expect(response.status).toBe(403);
      expect(response.body.error).toBe('Scope and URL mismatch');
    });

    it('GET /users lists the company users when the app has users:read', async () => {
      const other = await TestKit.start({ app: { scopes: ['base', 'users:read'] } as never });
      try {
        const t = (await other.install(20003)).access_token;
        const response = await other.get('/api/v1/users', t);
        expect(response.status).toBe(200);
        expect(response.body.data.map((u: { id: number }) => u.id)).toEqual([20001, 20002, 20003, 20004]);
        expect(response.body.data.find((u: { id: number }) => u.id === 20003).is_you).toBe(true);
      } finally {
        await other.close();
      }
    });
  });

  describe('notes', () => {
    it('creates a note on a person and lists it by person_id', async () => {
      const created = await kit.post('/api/v1/notes', token, { content: '<p>Called, <b>interested</b></p>', person_id: 1 });
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({
        content: '<p>Called, <b>interested</b></p>', person_id: 1, user_id: 20002, person: { name: 'Harriet Wells' }, deal: null,
        add_time: '2025-06-02 12:00:00',
      });
      const listed = await kit.get('/api/v1/notes?person_id=1', token);
      expect(listed.body.data.map((n: { id: number }) => n.id)).toEqual([created.body.data.id]);
      expect((await kit.get('/api/v1/notes?person_id=2', token)).body.data).toEqual([]);
    });

    it('accepts form bodies, as v1 did', async () => {
      const response = await kit.call('POST', '/api/v1/notes', {
        token, body: 'content=hello&deal_id=1', headers: { 'content-type': 'application/x-www-form-urlencoded' },
      });
      expect(response.status).toBe(200);
      expect(response.body.data.deal_id).toBe(1);
    });

    it('removes active HTML from note content', async () => {
      const response = await kit.post('/api/v1/notes', token, { content: '<p onclick="x()">hi</p><script>alert(1)</script>', person_id: 1 });
      expect(response.body.data.content).toBe('<p>hi</p>');
    });

    it.each([
      [{ person_id: 1 }, '"content" is required.'],
      [{ content: '', person_id: 1 }, '"content" is not allowed to be empty'],
      [{ content: 'x' }, 'One of "deal_id", "person_id", "org_id", "lead_id", "project_id" or "task_id" is required.'],
      [{ content: 'x', person_id: 999999 }, 'Person not found'],
      [{ content: 'x', deal_id: 999999 }, 'Deal not found'],
      [{ content: 'x', org_id: 999999 }, 'Organization not found'],
      [{ content: 'x', person_id: 'abc' }, '"person_id"'],
    ])('rejects %j with 400', async (body, message) => {
      const response = await kit.post('/api/v1/notes', token, body);
      expect(response.status).toBe(400);
      expect(response.body.success).toBe(false);
      expect(response.body.error).toContain(message);
    });

    it('paginates with start/limit', async () => {
      for (let i = 0; i < 5; i++) await kit.post('/api/v1/notes', token, { content: `n${i}`, deal_id: 1 });
      const first = await kit.get('/api/v1/notes?deal_id=1&start=0&limit=2', token);
      expect(first.body.data).toHaveLength(2);
      expect(first.body.additional_data.pagination).toEqual({ start: 0, limit: 2, more_items_in_collection: true, next_start: 2 });
      const last = await kit.get('/api/v1/notes?deal_id=1&start=4&limit=2', token);
      expect(last.body.data).toHaveLength(1);
      expect(last.body.additional_data.pagination.more_items_in_collection).toBe(false);
    });

    it('lets only admins write notes as another user', async () => {
      expect((await kit.post('/api/v1/notes', token, { content: 'x', person_id: 1, user_id: 20003 })).status).toBe(403);
      const asAdmin = await kit.post('/api/v1/notes', adminToken, { content: 'x', person_id: 1, user_id: 20003 });
      expect(asAdmin.status).toBe(200);
      expect(asAdmin.body.data.user_id).toBe(20003);
    });
  });

  describe('call logs', () => {
    const valid = {
      outcome: 'connected', to_phone_number: '+442079460958', from_phone_number: '+3725550000',
      start_time: '2025-06-02 11:50:00', end_time: '2025-06-02 11:55:30', duration: '330', person_id: 1, deal_id: 1, subject: 'Call',
    };

    it('creates a call log with its call activity and reads it back', async () => {
      const created = await kit.post('/api/v1/callLogs', token, valid);
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({
        id: expect.any(String), has_recording: false, company_id: 7351, user_id: 20002, outcome: 'connected',
        start_time: '2025-06-02T11:50:00.000Z', end_time: '2025-06-02T11:55:30.000Z', duration: '330', person_id: 1, deal_id: 1,
      });
      const fetched = await kit.get(`/api/v1/callLogs/${created.body.data.id}`, token);
      expect(fetched.body.data).toEqual(created.body.data);
      const activities = await kit.control('/state', undefined, 'GET');
      const activity = activities.body.data.activities.find((a: { id: number }) => a.id === created.body.data.activity_id);
      expect(activity).toMatchObject({ type: 'call', done: true, person_id: 1, deal_id: 1 });
    });

    it.each([
      [{ ...valid, outcome: undefined }, '"outcome" is required.'],
      [{ ...valid, to_phone_number: undefined }, '"to_phone_number" is required.'],
      [{ ...valid, start_time: undefined }, '"start_time" is required.'],
      [{ ...valid, end_time: undefined }, '"end_time" is required.'],
      [{ ...valid, outcome: 'answered' }, '"outcome" must be one of'],
      [{ ...valid, start_time: '2025-06-02T11:50:00Z' }, '"start_time" must be in the format YYYY-MM-DD HH:MM:SS'],
      [{ ...valid, end_time: '2025-06-02 11:49:59' }, '"end_time" must be greater than or equal to "start_time"'],
      [{ ...valid, start_time: '2025-02-30 10:00:00', end_time: '2025-03-01 10:00:00' }, '"start_time" must be a valid date'],
      [{ ...valid, duration: 330 }, '"duration"'],
      [{ ...valid, duration: '5m' }, '"duration"'],
      [{ ...valid, person_id: 999999 }, 'Person not found'],
      [{ ...valid, deal_id: 999999 }, 'Deal not found'],
      [{ ...valid, lead_id: 'adf21080-0e10-11eb-879b-05d71fb426ec' }, 'cannot be used together'],
    ])('rejects invalid input %#', async (body, message) => {
      const response = await kit.post('/api/v1/callLogs', token, body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ success: false, data: null, additional_data: null });
      expect(response.body.error).toContain(message);
    });

    it('lists only the authorized user’s logs, limit at most 50', async () => {
      await kit.post('/api/v1/callLogs', token, valid);
      await kit.post('/api/v1/callLogs', token, valid);
      await kit.post('/api/v1/callLogs', adminToken, valid);
      const mine = await kit.get('/api/v1/callLogs?start=0&limit=50', token);
      expect(mine.body.data).toHaveLength(2);
      expect(mine.body.data.every((l: { user_id: number }) => l.user_id === 20002)).toBe(true);
      expect(mine.body.additional_data.pagination).toMatchObject({ start: 0, limit: 50, more_items_in_collection: false });
      expect((await kit.get('/api/v1/callLogs?limit=51', token)).status).toBe(400);
    });

    it('answers 404 for an unknown call log', async () => {
      const response = await kit.get('/api/v1/callLogs/0000', token);
      expect(response.status).toBe(404);
      expect(response.body.success).toBe(false);
    });

    it('needs the phone-integration scope', async () => {
      const other = await TestKit.start({ app: { scopes: ['base', 'contacts:full'] } as never });
      try {
        const t = (await other.install()).access_token;
        const response = await other.post('/api/v1/callLogs', t, valid);
        expect(response.status).toBe(403);
        expect(response.body).toMatchObject({ success: false, error: 'Scope and URL mismatch', data: null });
      } finally {
        await other.close();
      }
    });
  });
});
