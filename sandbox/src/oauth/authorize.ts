import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { parseCookies, parseForm, readBody } from '../http/body';
import { htmlResult, redirectResult, type HttpResult } from '../http/result';
import type { SandboxRuntime } from '../runtime';
import { renderConsentPage, renderOAuthErrorPage } from './consent-page';
import { OAUTH_MESSAGES } from './oauth-errors';

const CONSENT_TTL_MS = 30 * 60_000;

interface PendingConsent {
  redirectUri: string;
  state: string | undefined;
  expiresAt: number;
}

/** Consent requests shown to a user and not yet answered (so the POST cannot pick its own redirect). */
const pendingConsents = new WeakMap<SandboxRuntime, Map<string, PendingConsent>>();

function consentsOf(runtime: SandboxRuntime): Map<string, PendingConsent> {
  let map = pendingConsents.get(runtime);
  if (!map) pendingConsents.set(runtime, (map = new Map()));
  return map;
}

function errorPage(message: string, status = 400): HttpResult {
  return htmlResult(status, renderOAuthErrorPage(message));
}

function isValidUri(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `GET /oauth/authorize`: validates the client and redirect URI, then shows the consent page. */
export function showConsent(runtime: SandboxRuntime, req: IncomingMessage, url: URL): HttpResult {
  const { app } = runtime.options;
  const clientId = url.searchParams.get('client_id');
  const redirectUri = url.searchParams.get('redirect_uri');
  const state = url.searchParams.get('state') ?? undefined;
  if (!clientId) return errorPage('Missing parameter: client_id');
  if (clientId !== app.clientId) return errorPage(OAUTH_MESSAGES.clientInvalid);
  if (!redirectUri) return errorPage('Missing parameter: redirect_uri');
  if (!isValidUri(redirectUri)) return errorPage(OAUTH_MESSAGES.redirectNotUri);
  if (redirectUri !== app.redirectUri) return errorPage(OAUTH_MESSAGES.redirectInvalid);

  const consentId = randomBytes(16).toString('hex');
  const consents = consentsOf(runtime);
  const now = runtime.clock.now();
  for (const [id, c] of consents) if (c.expiresAt < now) consents.delete(id);
  consents.set(consentId, { redirectUri, state, expiresAt: now + CONSENT_TTL_MS });

  const cookieUser = Number(parseCookies(req).sandbox_user);
  const users = runtime.store.listUsers();
  const selectedUserId = users.some((u) => u.id === cookieUser) ? cookieUser : users[0]?.id;
  return htmlResult(
    200,
    renderConsentPage({
      appName: app.name, companyName: runtime.store.company.name, scopes: runtime.options.scope.split(','),
      users, selectedUserId, consentId,
    }),
  );
}

function withParams(base: string, params: Record<string, string | undefined>): string {
  const url = new URL(base);
  for (const [key, value] of Object.entries(params)) if (value !== undefined) url.searchParams.set(key, value);
  return url.toString();
}

/** `POST /oauth/authorize`: the user's answer on the consent page. */
export async function answerConsent(runtime: SandboxRuntime, req: IncomingMessage): Promise<HttpResult> {
  const form = parseForm(await readBody(req));
  const consents = consentsOf(runtime);
  const consent = form.consent_id ? consents.get(form.consent_id) : undefined;
  if (!consent || consent.expiresAt < runtime.clock.now()) return errorPage('This installation request has expired. Start the installation again.');
  consents.delete(form.consent_id!);

  if (form.decision !== 'allow') return redirectResult(withParams(consent.redirectUri, { error: 'user_denied', state: consent.state }));

  const userId = Number(form.user_id);
  const user = runtime.store.getUser(userId);
  if (!user) return errorPage('Unknown user');
  const code = runtime.grants.issueCode({
    grantUserId: user.id, companyId: runtime.store.company.id, clientId: runtime.options.app.clientId,
    redirectUri: consent.redirectUri, scope: runtime.options.scope,
  });
  return redirectResult(withParams(consent.redirectUri, { code, state: consent.state }));
}
