import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TestKit } from './sandbox-test-kit';

describe('sandbox REST API v2', () => {
  let kit: TestKit;
  let token: string;
  beforeAll(async () => {
    kit = await TestKit.start();
    token = (await kit.install(20002)).access_token;
  });
  beforeEach(() => kit.sandbox.reset());
  afterAll(() => kit.close());

  const search = async (term: string, extra = '') =>
    kit.get(`/api/v2/persons/search?term=${encodeURIComponent(term)}${extra}`, token);
  const ids = (response: { body: { data: { items: { item: { id: number } }[] } } }) => response.body.data.items.map((i) => i.item.id);

  describe('persons', () => {
    it('walks every person exactly once with cursor pagination', async () => {
      const seen: number[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const response = await kit.get(`/api/v2/persons?limit=120${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token);
        expect(response.status).toBe(200);
        seen.push(...response.body.data.map((p: { id: number }) => p.id));
        cursor = response.body.additional_data.next_cursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toHaveLength(300);
      expect(new Set(seen).size).toBe(300);
    });

    it('defaults to 100 per page and allows at most 500', async () => {
      const first = await kit.get('/api/v2/persons', token);
      expect(first.body.data).toHaveLength(100);
      expect(typeof first.body.additional_data.next_cursor).toBe('string');
      expect((await kit.get('/api/v2/persons?limit=500', token)).body.additional_data.next_cursor).toBeNull();
      expect((await kit.get('/api/v2/persons?limit=501', token)).status).toBe(400);
    });

    it('sorts descending by add_time across pages without repeats', async () => {
      const a = await kit.get('/api/v2/persons?sort_by=add_time&sort_direction=desc&limit=200', token);
      const b = await kit.get(`/api/v2/persons?sort_by=add_time&sort_direction=desc&limit=200&cursor=${a.body.additional_data.next_cursor}`, token);
      const all = [...a.body.data, ...b.body.data];
      expect(new Set(all.map((p: { id: number }) => p.id)).size).toBe(300);
      const times = all.map((p: { add_time: string }) => p.add_time);
      expect([...times].sort().reverse()).toEqual(times);
    });

    it('filters by ids, org_id and owner_id', async () => {
      expect((await kit.get('/api/v2/persons?ids=3,1,2', token)).body.data.map((p: { id: number }) => p.id)).toEqual([1, 2, 3]);
      const org = (await kit.get('/api/v2/persons/8', token)).body.data.org_id;
      const byOrg = await kit.get(`/api/v2/persons?org_id=${org}&limit=500`, token);
      expect(byOrg.body.data.length).toBeGreaterThanOrEqual(2);
      expect(byOrg.body.data.every((p: { org_id: number }) => p.org_id === org)).toBe(true);
      const byOwner = await kit.get('/api/v2/persons?owner_id=20003&limit=500', token);
      expect(byOwner.body.data.length).toBeGreaterThan(0);
      expect(byOwner.body.data.every((p: { owner_id: number }) => p.owner_id === 20003)).toBe(true);
    });

    it.each([
      '/api/v2/persons?limit=abc',
      '/api/v2/persons?org_id=1.5',
      '/api/v2/persons?include_labels=1',
      '/api/v2/persons?unknown_param=1',
      '/api/v2/persons?cursor=not-a-cursor',
      '/api/v2/persons?sort_by=name',
    ])('rejects %s with 400 (v2 is strict)', async (path) => {
      const response = await kit.get(path, token);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ success: false, data: null });
    });

    it('gets one person in the v2 shape and 404s for unknown ids', async () => {
      const response = await kit.get('/api/v2/persons/2', token);
      expect(response.body.data).toMatchObject({
        id: 2, name: 'Samuel Reed', first_name: 'Samuel', last_name: 'Reed', picture_id: expect.any(Number),
        phones: [{ value: '(415) 555-0134', primary: true, label: 'work' }, { value: '+1 415 555 0199', primary: false, label: expect.any(String) }],
      });
      const missing = await kit.get('/api/v2/persons/99999', token);
      expect(missing.status).toBe(404);
      expect(missing.body).toMatchObject({ success: false, error: 'Person not found', data: null });
    });

    it('computes open_deals_count when asked through include_fields', async () => {
      const response = await kit.get('/api/v2/persons/1?include_fields=open_deals_count,won_deals_count', token);
      expect(response.body.data).toMatchObject({ open_deals_count: 2, won_deals_count: 1 });
    });

    it('serves the picture of a person as URLs to a generated image', async () => {
      const picture = await kit.get('/api/v2/persons/1/picture', token);
      expect(picture.body.data).toMatchObject({ item_type: 'person', item_id: 1, pictures: { '128': expect.any(String), '512': expect.any(String) } });
      const image = await fetch(picture.body.data.pictures['128']);
      expect(image.status).toBe(200);
      expect(image.headers.get('content-type')).toBe('image/svg+xml');
      expect(await image.text()).toContain('>HW<');
      expect((await kit.get('/api/v2/persons/3/picture', token)).status).toBe(404);
    });

    it('creates a person with phones and finds it by phone afterwards', async () => {
      const created = await kit.post('/api/v2/persons', token, {
        name: 'New Caller', phones: [{ value: '+49 89 1234567', primary: true, label: 'mobile' }], emails: [{ value: 'new@example.com' }],
      });
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({
        id: 301, name: 'New Caller', owner_id: 20002, phones: [{ value: '+49 89 1234567', primary: true, label: 'mobile' }],
        emails: [{ value: 'new@example.com', primary: true, label: 'work' }],
      });
      expect(ids(await search('089 1234567', '&fields=phone&exact_match=true'))).toEqual([301]);
    });

    it.each([
      [{}, 'name'],
      [{ name: '' }, 'name'],
      [{ name: 'X', phones: '+123' }, 'phones'],
      [{ name: 'X', phones: [{ value: 123 }] }, 'phones.0.value'],
      [{ name: 'X', phones: [{ value: '1', primary: 'true' }] }, 'phones.0.primary'],
      [{ name: 'X', phone: '+123' }, 'phone'],
      [{ name: 'X', org_id: '1' }, 'org_id'],
      [{ name: 'X', owner_id: 1.5 }, 'owner_id'],
    ])('rejects %j with 400', async (body, field) => {
      const response = await kit.post('/api/v2/persons', token, body);
      expect(response.status).toBe(400);
      expect(response.body.success).toBe(false);
      expect(response.body.error).toContain(field);
    });

    it('rejects non-JSON bodies', async () => {
      const response = await kit.call('POST', '/api/v2/persons', { token, body: 'name=X', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
      expect(response.status).toBe(415);
    });
  });

  describe('person search', () => {
    it.each([
      ['+44 20 7946 0958', 1], ['020 7946 0958', 1], ['(020) 7946-0958', 1], ['442079460958', 1], ['0044 20 7946 0958', 1],
      ['+1 415 555 0134', 2], ['415-555-0134', 2], ['4155550199', 2],
      ['+49 30 90182736', 3], ['030 90182736', 3], ['030/901 827 36', 3],
      ['+372 5123 4567', 4], ['5123 4567', 4],
      ['+33 6 14 25 36 47', 5], ['06.14.25.36.47', 5],
      ['+55 21 99876-1234', 6], ['(21) 99876-1234', 6],
      ['+91 98450 12367', 7], ['098450 12367', 7],
      ['+372 5555 0101', 12], ['+49 151 23456789', 12],
    ])('finds %s as person %i with exact_match', async (term, id) => {
      const response = await search(term, '&fields=phone&exact_match=true');
      expect(response.status).toBe(200);
      expect(ids(response)).toEqual([id]);
      expect(response.body.data.items[0].result_score).toBe(1);
    });

    it('returns both persons sharing a number written differently', async () => {
      expect(ids(await search('+12125550147', '&fields=phone&exact_match=true'))).toEqual([8, 9]);
    });

    it('matches partial digit runs only without exact_match', async () => {
      expect(ids(await search('7946 0958', '&fields=phone'))).toContain(1);
      expect(ids(await search('7946 0958', '&fields=phone&exact_match=true'))).toEqual([]);
    });

    it('does not match numbers by their last digits across countries', async () => {
      // 7 trailing digits of Harriet's number with a different country code.
      expect(ids(await search('+1 207 946 0958', '&fields=phone&exact_match=true'))).toEqual([]);
    });

    it('finds persons by name, case-insensitively, and by email', async () => {
      expect(ids(await search('samuel reed', '&fields=name'))).toEqual([2]);
      expect(ids(await search('REED', '&fields=name'))).toContain(2);
      expect(ids(await search('harriet.wells1@example.com', '&fields=email&exact_match=true'))).toEqual([1]);
    });

    it('returns the documented item shape and next_cursor', async () => {
      const response = await search('+44 20 7946 0958', '&fields=phone&include_fields=person.picture');
      expect(response.body.data.items[0]).toEqual({
        result_score: 1,
        item: {
          id: 1, type: 'person', name: 'Harriet Wells', phones: ['+44 20 7946 0958'], emails: ['harriet.wells1@example.com'],
          visible_to: 3, owner: { id: expect.any(Number) }, organization: { id: 1, name: expect.any(String), address: null },
          custom_fields: [], notes: [], picture: { id: expect.any(Number), pictures: { '128': expect.any(String), '512': expect.any(String) } },
        },
      });
      expect(response.body.additional_data).toEqual({ next_cursor: null });
    });

    it('paginates search results with a cursor', async () => {
      const first = await search('555', '&fields=phone&limit=2');
      expect(first.body.data.items).toHaveLength(2);
      const second = await search('555', `&fields=phone&limit=2&cursor=${first.body.additional_data.next_cursor}`);
      expect(ids(second)).not.toEqual(ids(first));
    });

    it('requires a term of 2 characters, or 1 with exact_match', async () => {
      expect((await kit.get('/api/v2/persons/search', token)).status).toBe(400);
      expect((await search('a')).status).toBe(400);
      expect((await search('a', '&exact_match=true')).status).toBe(200);
      expect((await search('ab')).status).toBe(200);
      expect((await search('ab', '&fields=phonenumber')).status).toBe(400);
      expect((await search('ab', '&exact_match=1')).status).toBe(400);
    });

    it('filters by organization_id', async () => {
      const response = await search('Morgan', '&fields=name&organization_id=7');
      expect(ids(response)).toEqual([8, 9]);
      expect(ids(await search('Morgan', '&fields=name&organization_id=1'))).toEqual([]);
    });
  });

  describe('deals', () => {
    it('filters by person and status (comma list), excluding deleted by default', async () => {
      const open = await kit.get('/api/v2/deals?person_id=1&status=open', token);
      expect(open.body.data).toHaveLength(2);
      expect(open.body.data.every((d: { status: string; person_id: number }) => d.status === 'open' && d.person_id === 1)).toBe(true);
      const closed = await kit.get('/api/v2/deals?person_id=1&status=won,lost', token);
      expect(closed.body.data.map((d: { status: string }) => d.status)).toEqual(['won']);
      expect((await kit.get('/api/v2/deals?person_id=1', token)).body.data).toHaveLength(3);
      expect((await kit.get('/api/v2/deals?person_id=3', token)).body.data).toEqual([]);
      expect((await kit.get('/api/v2/deals?status=closed', token)).status).toBe(400);
    });

    it('pages through deals with a cursor', async () => {
      const all = (await kit.get('/api/v2/deals?limit=500', token)).body.data;
      const first = await kit.get('/api/v2/deals?limit=10', token);
      const second = await kit.get(`/api/v2/deals?limit=10&cursor=${first.body.additional_data.next_cursor}`, token);
      expect([...first.body.data, ...second.body.data].map((d: { id: number }) => d.id)).toEqual(all.slice(0, 20).map((d: { id: number }) => d.id));
    });

    it('gets one deal and 404s for unknown ids', async () => {
      expect((await kit.get('/api/v2/deals/1', token)).body.data).toMatchObject({ id: 1, person_id: 1, status: 'open', currency: 'EUR' });
      expect((await kit.get('/api/v2/deals/999999', token)).status).toBe(404);
    });
  });

  describe('organizations', () => {
    it('gets one organization and 404s for unknown ids', async () => {
      expect((await kit.get('/api/v2/organizations/1', token)).body.data).toMatchObject({ id: 1, name: expect.any(String) });
      expect((await kit.get('/api/v2/organizations/999999', token)).status).toBe(404);
    });

    it('lists organizations filtered by ids, with cursor pagination', async () => {
      const picked = await kit.get('/api/v2/organizations?ids=2,1,999999', token);
      expect(picked.status).toBe(200);
      expect(picked.body.data.map((o: { id: number }) => o.id)).toEqual([1, 2]);
      const first = await kit.get('/api/v2/organizations?limit=1', token);
      expect(first.body.data).toHaveLength(1);
      const second = await kit.get(`/api/v2/organizations?limit=1&cursor=${encodeURIComponent(first.body.additional_data.next_cursor)}`, token);
      expect(second.body.data[0].id).toBeGreaterThan(first.body.data[0].id);
      expect((await kit.get('/api/v2/organizations?ids=1,abc', token)).status).toBe(400);
    });
  });

  describe('activities', () => {
    it('creates an activity and lists it with filters', async () => {
      const created = await kit.post('/api/v2/activities', token, {
        subject: 'Follow up', type: 'call', person_id: 2, deal_id: 2, due_date: '2025-06-03', due_time: '10:30', duration: '00:15', done: false,
      });
      expect(created.status).toBe(200);
      expect(created.body.data).toMatchObject({
        subject: 'Follow up', type: 'call', owner_id: 20002, person_id: 2, deal_id: 2, done: false,
        participants: [{ person_id: 2, primary: true }],
      });
      const byPerson = await kit.get('/api/v2/activities?person_id=2&done=false', token);
      expect(byPerson.body.data.map((a: { id: number }) => a.id)).toEqual([created.body.data.id]);
      expect((await kit.get('/api/v2/activities?person_id=2&done=true', token)).body.data.map((a: { id: number }) => a.id)).not.toContain(created.body.data.id);
      expect((await kit.get(`/api/v2/activities?owner_id=20002&deal_id=2`, token)).body.data).toHaveLength(1);
      expect((await kit.get('/api/v2/activities?done=1', token)).status).toBe(400);
    });

    it.each([
      [{ subject: 'x', due_date: '03.06.2025' }, 'due_date'],
      [{ subject: 'x', done: 'yes' }, 'done'],
      [{ subject: 'x', person_id: 999999 }, 'Person not found'],
      [{ subject: 'x', type: 'party' }, 'type'],
    ])('rejects %j with 400', async (body, message) => {
      const response = await kit.post('/api/v2/activities', token, body);
      expect(response.status).toBe(400);
      expect(response.body.error).toContain(message);
    });
  });

  it('seeds a person whose name is an XSS payload, returned verbatim', async () => {
    const response = await kit.get('/api/v2/persons/10', token);
    expect(response.body.data.name).toBe('<img src=x onerror=alert(1)>');
  });
});
