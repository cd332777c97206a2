import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startUiHost, type UiHost } from './ui-test-host';

// The host page's HTTP endpoints, without a browser: validation, user checks and origin checks.

const ALICE = 20001;
const BOB = 20002;
let host: UiHost;

beforeAll(async () => {
  host = await startUiHost({ windowUrl: 'http://localhost:9/window', callbackUrl: 'http://localhost:9/api/auth/callback' });
  await host.install(ALICE);
});

afterAll(async () => {
  await host?.close();
});

function postJson(path: string, body: unknown, userId = ALICE, headers: Record<string, string> = {}) {
  return fetch(host.url + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `sandbox_user=${userId}`, origin: host.url, ...headers },
    body: JSON.stringify(body),
  });
}

describe('UI host actions', () => {
  it('switch-user sets the cookie and only redirects to local paths', async () => {
    const answer = (returnTo: string) =>
      fetch(`${host.url}/ui/switch-user`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: host.url },
        body: new URLSearchParams({ userId: String(BOB), returnTo }),
      });
    const local = await answer('/persons/2?x=1');
    expect(local.status).toBe(303);
    expect(local.headers.get('location')).toBe('/persons/2?x=1');
    expect(local.headers.get('set-cookie')).toMatch(new RegExp(`^sandbox_user=${BOB};`));
    expect((await answer('//evil.example/')).headers.get('location')).toBe('/persons');
    expect((await answer('https://evil.example/')).headers.get('location')).toBe('/persons');
  });

  it('refuses posts from another origin and non-JSON bodies', async () => {
    expect((await postJson('/ui/actions/theme', { userId: ALICE, theme: 'dark' }, ALICE, { origin: 'http://evil.example' })).status).toBe(403);
    const form = await fetch(`${host.url}/ui/actions/theme`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', cookie: `sandbox_user=${ALICE}` },
      body: JSON.stringify({ userId: ALICE, theme: 'dark' }),
    });
    expect(form.status).toBe(415);
  });

  it('signs tokens only for the page user, and only with the app installed', async () => {
    const ok = await postJson('/ui/actions/signed-token', { userId: ALICE });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/) });
    const switched = await postJson('/ui/actions/signed-token', { userId: ALICE }, BOB);
    expect(switched.status).toBe(409);
    expect(await switched.json()).toEqual({ error: { code: 'USER_SWITCHED', message: expect.any(String) } });
    expect((await postJson('/ui/actions/signed-token', { userId: BOB }, BOB)).status).toBe(403);
  });

  it('validates activities before writing them', async () => {
    const before = host.ctx.store.listActivities().length;
    expect((await postJson('/ui/actions/activities', { userId: ALICE, subject: '  ' })).status).toBe(400);
    expect((await postJson('/ui/actions/activities', { userId: ALICE, subject: 'x', dueTime: '25:00' })).status).toBe(400);
    expect((await postJson('/ui/actions/activities', { userId: ALICE, subject: 'x', deal: 999_999 })).status).toBe(422);
    expect(host.ctx.store.listActivities().length).toBe(before);
    const created = await postJson('/ui/actions/activities', { userId: ALICE, subject: 'Call back', dueDate: '', type: 'call' });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: number };
    expect(host.ctx.store.getActivity(id)).toMatchObject({ subject: 'Call back', owner_id: ALICE, due_date: null });
  });

  it('renders 404 pages for unknown records and leaves unknown routes to the core', async () => {
    const missing = await fetch(`${host.url}/persons/999999`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('Person 999999 does not exist');
    expect((await fetch(`${host.url}/no-such-page`)).status).toBe(404);
    expect((await fetch(`${host.url}/ui/assets/host-script/rules.d.ts`)).status).toBe(404);
    expect((await fetch(`${host.url}/ui/assets/host-script/../index.ts`)).status).toBe(404);
  });
});
