import type { SandboxContext } from '../src/context';
import { startSandbox } from '../src/index';

/** The sandbox for UI tests, with a helper that installs the app for a user through OAuth. */
export interface UiHost {
  url: string;
  ctx: SandboxContext;
  /** Runs the install as a user would: consent page, "Allow", then the app's code exchange. */
  install(userId: number): Promise<void>;
  close(): Promise<void>;
}

const CLIENT_ID = 'ui-test-client';
const CLIENT_SECRET = 'ui-test-client-secret';

export async function startUiHost(app: { windowUrl: string; callbackUrl: string }): Promise<UiHost> {
  const sandbox = await startSandbox({
    port: 0,
    personCount: 40,
    app: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      redirectUri: app.callbackUrl,
      floatingWindowUrl: app.windowUrl,
      jwtSecret: 'ui-test-jwt-secret',
      name: 'Caller app',
    },
  });
  const ctx = sandbox.context;

  async function install(userId: number): Promise<void> {
    const consent = await (await fetch(ctx.authorizeUrl({ state: 'ui-test' }))).text();
    const consentId = /name="consent_id" value="([^"]+)"/.exec(consent)?.[1];
    if (!consentId) throw new Error('consent page has no consent_id');
    const answer = await fetch(`${sandbox.url}/oauth/authorize`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ consent_id: consentId, user_id: String(userId), decision: 'allow' }),
    });
    const code = new URL(answer.headers.get('location') ?? '', sandbox.url).searchParams.get('code');
    if (!code) throw new Error(`consent answer did not redirect with a code (${answer.status})`);
    const token = await fetch(`${sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${CLIENT_ID}:${CLIENT_SECRET}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: app.callbackUrl }),
    });
    if (!token.ok) throw new Error(`code exchange failed: ${token.status} ${await token.text()}`);
  }

  return { url: sandbox.url, ctx, install, close: () => sandbox.close() };
}
