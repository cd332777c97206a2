import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v1, v2 } from 'pipedrive';
import { APP, TestKit } from './sandbox-test-kit';

/** The same endpoints driven through Pipedrive's official Node client, as the app will. */
describe('sandbox with the official pipedrive client', () => {
  let kit: TestKit;
  let oauth: v2.OAuth2Configuration;
  /** API classes take a Configuration; the OAuth one supplies (and refreshes) the token. */
  const apiConfig = () => new v2.Configuration({ accessToken: () => oauth.getAccessToken(), basePath: oauth.basePath });
  beforeAll(async () => {
    kit = await TestKit.start();
    oauth = new v2.OAuth2Configuration({ clientId: APP.clientId, clientSecret: APP.clientSecret, redirectUri: APP.redirectUri, host: kit.url });
    await oauth.authorize(await kit.code(20002));
  });
  afterAll(() => kit.close());

  it('authorizes through OAuth2Configuration and points basePath at api_domain', () => {
    expect(oauth.basePath).toBe(`${kit.url}/api/v2`);
  });

  it('refreshes through OAuth2Configuration', async () => {
    const token = await oauth.tokenRefresh();
    expect(token.token_type).toBe('bearer');
    expect(token.api_domain).toBe(kit.url);
  });

  it('v2 PersonsApi: search by phone, get, list, add', async () => {
    const persons = new v2.PersonsApi(apiConfig());
    const found = await persons.searchPersons({ term: '020 7946 0958', fields: 'phone', exact_match: true });
    expect(found.success).toBe(true);
    expect(found.data?.items?.[0]?.item?.name).toBe('Harriet Wells');
    const one = await persons.getPerson({ id: 1 });
    expect(one.data?.phones?.[0]?.value).toBe('+44 20 7946 0958');
    const page = await persons.getPersons({ limit: 5 });
    expect(page.data).toHaveLength(5);
    expect(page.additional_data?.next_cursor).toEqual(expect.any(String));
    const added = await persons.addPerson({ AddPersonRequest: { name: 'Client Made', phones: [{ value: '+3725550199', primary: true, label: 'work' }] } });
    expect(added.data?.id).toBeGreaterThan(300);
  });

  it('v2 DealsApi, OrganizationsApi and ActivitiesApi', async () => {
    const deals = await new v2.DealsApi(apiConfig()).getDeals({ person_id: 1, status: 'open' });
    expect(deals.data?.map((d) => d.status)).toEqual(['open', 'open']);
    const org = await new v2.OrganizationsApi(apiConfig()).getOrganization({ id: 1 });
    expect(org.data?.id).toBe(1);
    const activities = new v2.ActivitiesApi(apiConfig());
    const created = await activities.addActivity({ AddActivityRequest: { subject: 'Callback', type: 'call', person_id: 1, due_date: '2025-06-03' } });
    expect(created.data?.person_id).toBe(1);
    const listed = await activities.getActivities({ person_id: 1, done: false });
    expect(listed.data?.map((a) => a.id)).toContain(created.data?.id);
  });

  it('v1 UsersApi, CallLogsApi and NotesApi with a plain access token', async () => {
    const { access_token } = await kit.install(20001);
    const config = new v1.Configuration({ accessToken: access_token, basePath: `${kit.url}/api/v1` });
    const me = await new v1.UsersApi(config).getCurrentUser();
    expect(me.data).toMatchObject({ id: 20001, company_id: 7351 });
    const callLogs = new v1.CallLogsApi(config);
    const log = await callLogs.addCallLog({
      AddCallLogRequest: { outcome: 'no_answer', to_phone_number: '+14155550134', start_time: '2025-06-02 10:00:00', end_time: '2025-06-02 10:00:20', person_id: 2, duration: '20' },
    });
    expect(log.data?.id).toEqual(expect.any(String));
    const fetched = await callLogs.getCallLog({ id: log.data!.id });
    expect(fetched.data?.outcome).toBe('no_answer');
    const listed = await callLogs.getUserCallLogs({ start: 0, limit: 50 });
    expect(listed.data?.map((l) => l.id)).toContain(log.data!.id);
    const note = await new v1.NotesApi(config).addNote({ AddNoteRequest: { content: 'From the client', person_id: 2 } });
    expect(note.data?.person_id).toBe(2);
  });

  it('rejects with Pipedrive’s error body on validation errors', async () => {
    const { access_token } = await kit.install(20002);
    const config = new v1.Configuration({ accessToken: access_token, basePath: `${kit.url}/api/v1` });
    const failure = await new v1.CallLogsApi(config)
      .addCallLog({ AddCallLogRequest: { outcome: 'busy', to_phone_number: '1', start_time: 'yesterday', end_time: 'today' } })
      .catch((error: unknown) => error);
    expect(failure).toMatchObject({ success: false, error: expect.stringContaining('start_time'), data: null });
  });

  it('rejects with the 401 body once the token is revoked', async () => {
    const { access_token } = await kit.install(20004);
    await kit.control('/revoke', { userId: 20004 });
    const config = new v2.Configuration({ accessToken: access_token, basePath: `${kit.url}/api/v2` });
    const failure = await new v2.PersonsApi(config).getPerson({ id: 1 }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ success: false, error: 'unauthorized access', errorCode: 401 });
  });
});
