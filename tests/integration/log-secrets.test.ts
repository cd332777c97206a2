/**
 * No token, secret or cookie in any log line: real flows (install, window session, renewal, an
 * outbound call with its wrap-up delivered to Pipedrive, a token refresh, signed webhooks, the
 * Control Center) run with LOG_LEVEL=trace, then the app's whole output is searched for every
 * credential the flows used.
 */
import { io as connectSocket } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccountRepository } from '@/adapters/db/account-repository';
import { openDatabase } from '@/adapters/db/database';
import { CONTROL_CENTER_NAMESPACE, SOCKET_PATH } from '@/adapters/realtime/socket-events';
import { createTokenCipher } from '@/adapters/session/token-cipher';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import { waitFor } from '../support/wait';
import {
  CLIENT_SECRET,
  SESSION_SECRET,
  cookiePair,
  findSetCookie,
  installThroughSandbox,
  openWindow,
  sandboxControl,
  signWindowToken,
  startHarness,
  type Harness,
} from './helpers/app-harness';

const WEBHOOK_SECRET = 'log-secrets-webhook-secret-0123456789';
const CONTROL_CENTER_TOKEN = 'log-secrets-control-center-token-0123456789';
const TWILIO_AUTH_TOKEN = 'log-secrets-twilio-auth-token-0123456789';

let harness: Harness;
/** Every credential the flows below handled; none may appear in the log. */
const secrets = new Map<string, string>([
  ['client secret (also the JWT secret)', CLIENT_SECRET],
  ['session secret', SESSION_SECRET],
  ['webhook secret', WEBHOOK_SECRET],
  ['Control Center token', CONTROL_CENTER_TOKEN],
  ['Twilio auth token', TWILIO_AUTH_TOKEN],
]);

async function rememberStoredTokens(userId: number, label: string): Promise<void> {
  const database = openDatabase(harness.databaseUrl);
  try {
    const account = await createAccountRepository(database.db, database.tables, createTokenCipher(SESSION_SECRET)).findWithTokens({ companyId: harness.companyId, userId });
    if (account?.tokens == null) throw new Error(`no tokens for user ${userId}`);
    secrets.set(`access token (${label})`, account.tokens.accessToken);
    secrets.set(`refresh token (${label})`, account.tokens.refreshToken);
  } finally {
    await database.close();
  }
}

const api = (path: string, init: RequestInit = {}) => fetch(`${harness.appUrl}${path}`, { redirect: 'manual', ...init });

beforeAll(async () => {
  harness = await startHarness({
    env: {
      LOG_LEVEL: 'trace',
      TELEPHONY_WEBHOOK_SECRET: WEBHOOK_SECRET,
      CONTROL_CENTER_TOKEN,
      TWILIO_AUTH_TOKEN,
      MOCK_TELEPHONY_RING_MS: '50',
      MOCK_TELEPHONY_CONNECT_MS: '200',
    },
  });
  const agentId = harness.userIds[0] as number;
  const companyId = harness.companyId;

  // Install (OAuth code exchange): the state cookie, then the tokens.
  const login = await api('/api/auth/login');
  secrets.set('OAuth state cookie', cookiePair(findSetCookie(login, 'caller_oauth_state')).split('=')[1] as string);
  const install = await installThroughSandbox(harness, agentId);
  if (install.callback.status !== 200) throw new Error(`install failed: ${install.callback.status}`);
  await rememberStoredTokens(agentId, 'at install');

  // The window: iframe JWT → sealed session cookie; renewal with X-Pipedrive-Token.
  const iframeToken = await signWindowToken({ userId: agentId, companyId });
  secrets.set('iframe JWT', iframeToken);
  const cookie = cookiePair((await openWindow(harness, { token: iframeToken, userId: String(agentId), companyId: String(companyId) })).sessionCookie);
  secrets.set('session cookie', decodeURIComponent(cookie.split('=')[1] as string));
  const renewalToken = await signWindowToken({ userId: agentId, companyId }, { expiresInSeconds: 200 });
  secrets.set('renewal JWT', renewalToken);
  const renewed = await api('/api/session', { method: 'POST', headers: { origin: harness.appUrl, 'x-pipedrive-token': renewalToken } });
  secrets.set('renewed session cookie', decodeURIComponent(cookiePair(findSetCookie(renewed, 'caller_session')).split('=')[1] as string));
  // A forged token and cookie are logged as refusals at most, never verbatim.
  const forged = `${iframeToken.slice(0, -4)}AAAA`;
  secrets.set('forged JWT', forged);
  await api('/api/me', { headers: { 'x-pipedrive-token': forged } });

  // A call with its wrap-up, delivered to Pipedrive by the outbox.
  const headers = { cookie, origin: harness.appUrl, 'content-type': 'application/json' };
  const placed = await api('/api/calls', { method: 'POST', headers, body: JSON.stringify({ number: '+14155550134', source: 'dial_pad' }) });
  if (placed.status !== 201) throw new Error(`placing the call answered ${placed.status}: ${await placed.text()}`);
  const { call } = (await placed.json()) as { call: { id: string } };
  const state = async () => ((await (await api('/api/calls/active', { headers })).json()) as { call: { state: string } | null }).call?.state;
  await waitFor(state, (value) => value === 'connected', 'the call to connect');
  await api(`/api/calls/${call.id}/hang-up`, { method: 'POST', headers });
  const wrapUp = await api(`/api/calls/${call.id}/wrap-up`, { method: 'POST', headers, body: JSON.stringify({ notes: 'Renewal next week.', action: { type: 'hang_up' } }) });
  if (wrapUp.status !== 202) throw new Error(`wrap-up answered ${wrapUp.status}: ${await wrapUp.text()}`);
  await waitFor(() => harness.sandbox.context.store.listCallLogs({ userId: agentId }).length, (count) => count > 0, 'the call log in Pipedrive');

  // A refresh: Pipedrive expires the access token, the next API call refreshes it.
  await sandboxControl(harness, 'expire-tokens', {});
  const contacts = await api('/api/contacts', { headers: { cookie } });
  if (contacts.status !== 200) throw new Error(`contacts after expiry answered ${contacts.status}: ${await contacts.text()}`);
  await rememberStoredTokens(agentId, 'after refresh');

  // Signed webhooks (right and wrong signatures) and the Control Center's token.
  const inbound = JSON.stringify({ from: '+14155550199', agent: String(agentId), callId: `log-${Date.now()}` });
  const signature = signWebhookBody(inbound, WEBHOOK_SECRET);
  secrets.set('webhook signature', signature);
  await api('/api/telephony/inbound', { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signature }, body: inbound });
  await api('/api/telephony/inbound', { method: 'POST', headers: { 'content-type': 'application/json', 'x-signature': signWebhookBody(inbound, 'wrong') }, body: inbound });
  const admin = connectSocket(`${harness.appUrl}${CONTROL_CENTER_NAMESPACE}`, { path: SOCKET_PATH, transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: CONTROL_CENTER_TOKEN } });
  await new Promise<void>((resolve, reject) => {
    admin.once('connect', resolve);
    admin.once('connect_error', reject);
  });
  admin.close();
  // Uninstall notice with the client credentials in HTTP Basic.
  const basic = Buffer.from(`caller-integration-client:${CLIENT_SECRET}`).toString('base64');
  secrets.set('uninstall Basic credentials', basic);
  await api('/api/auth/callback', {
    method: 'DELETE',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/json' },
    body: JSON.stringify({ client_id: 'caller-integration-client', company_id: companyId, user_id: agentId, timestamp: new Date().toISOString() }),
  });
}, 180_000);

afterAll(async () => {
  await harness?.close();
});

describe('the log at trace level', () => {
  it('logged the flows (so the search below has something to search)', () => {
    const lines = harness.app.output().split('\n').filter((line) => line.startsWith('{'));
    expect(lines.length).toBeGreaterThan(20);
    expect(lines.some((line) => line.includes('"app installed"'))).toBe(true);
    // Request logging carries the headers the credentials travel in (redacted).
    expect(lines.some((line) => line.includes('"request received"') && line.includes('"cookie":"[redacted]"'))).toBe(true);
    expect(lines.some((line) => line.includes('"x-pipedrive-token":"[redacted]"'))).toBe(true);
  });

  it('holds no token, secret, JWT, cookie value or signature', () => {
    const output = harness.app.output();
    const leaked = [...secrets].filter(([, value]) => value.length >= 8 && output.includes(value)).map(([name]) => name);
    expect(secrets.size).toBeGreaterThanOrEqual(15);
    expect(leaked).toEqual([]);
  });
});
