/**
 * Keeps this window registered with the SIP server: fetches the registration (ha1, never the
 * password), starts a user agent, registers on every (re)connection of its WebSocket, and says
 * what is wrong when it cannot. A refused username or password stops everything (retrying would
 * only lock the account); an unreachable server is retried with backoff.
 */
import { ServerRequestError } from '@/ui/api-client';
import type { RegistrationState, SoftphoneServer } from './softphone-types';
import type { CreateSipUserAgent, SipRegistration, SipUserAgent, SipUserAgentEvent } from './sip-user-agent';

export const REFUSED_MESSAGE = 'SIP registration failed: the SIP server refused the username or password. Check them in Settings.';
const AUTH_STATUSES = new Set([401, 403, 407]);
const RETRY_DELAYS_MS = [2_000, 4_000, 8_000, 16_000, 30_000];

export function retryDelayMs(attempt: number): number {
  return RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)] ?? 30_000;
}

/** Why `GET /api/telephony/sip/registration` failed, and whether trying again can help. */
export function registrationFetchProblem(error: unknown): { message: string; retry: boolean } {
  if (error instanceof ServerRequestError) {
    if (error.code === 'SIP_ACCOUNT_MISSING') return { message: 'Phone not set up: save your SIP account in Settings.', retry: false };
    if (error.code === 'SIP_NOT_CONFIGURED') return { message: 'Phone not set up: your company has no SIP server yet (ask an admin).', retry: false };
    if (error.code === 'SIP_PROVIDER_NOT_SELECTED') return { message: 'Your company does not use SIP phones.', retry: false };
    if (error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429) return { message: `Phone not set up: ${error.message}`, retry: false };
  }
  return { message: 'Phone offline: cannot reach the app server to set up the phone; retrying.', retry: true };
}

export interface SipRegistrationDeps {
  server: Pick<SoftphoneServer, 'registration'>;
  createUserAgent: CreateSipUserAgent;
  onState(state: RegistrationState): void;
  /** Every event of the current user agent (the engine takes the incoming calls). */
  onUserAgentEvent(event: SipUserAgentEvent): void;
}

export interface SipRegistrationControl {
  start(): void;
  stop(): void;
  current(): { userAgent: SipUserAgent; registration: SipRegistration } | null;
}

export function createSipRegistration(deps: SipRegistrationDeps): SipRegistrationControl {
  let generation = 0;
  let active: { userAgent: SipUserAgent; registration: SipRegistration } | null = null;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let attempt = 0;

  function retryLater(action: () => void, message: string) {
    const delay = retryDelayMs(attempt++);
    deps.onState({ status: 'unreachable', message: `${message} (next try in ${Math.round(delay / 1000)} s)` });
    retryTimer = setTimeout(() => {
      retryTimer = null;
      action();
    }, delay);
  }

  function onEvent(mine: number, userAgent: SipUserAgent, event: SipUserAgentEvent) {
    if (mine !== generation) return;
    deps.onUserAgentEvent(event);
    switch (event.type) {
      case 'connected':
        return userAgent.register();
      case 'registered':
        attempt = 0;
        return deps.onState({ status: 'registered' });
      case 'disconnected':
        // The user agent reopens the socket with backoff; "connected" registers again.
        return deps.onState({ status: 'unreachable', message: 'Phone offline: cannot reach the SIP server; reconnecting.' });
      case 'registration-failed':
        return onRegistrationFailed(userAgent, event.sipStatus);
    }
  }

  function onRegistrationFailed(userAgent: SipUserAgent, sipStatus: number | null) {
    if (sipStatus !== null && AUTH_STATUSES.has(sipStatus)) {
      generation++;
      userAgent.stop();
      active = null;
      return deps.onState({ status: 'refused', message: REFUSED_MESSAGE });
    }
    // No answer: the socket is down or going down, and reconnecting registers again.
    if (sipStatus === null) return deps.onState({ status: 'unreachable', message: 'Phone offline: the SIP server did not answer; reconnecting.' });
    retryLater(() => userAgent.register(), `SIP registration failed: the SIP server answered ${sipStatus}`);
  }

  function connect(mine: number, registration: SipRegistration) {
    if (mine !== generation) return;
    const userAgent = deps.createUserAgent(registration);
    active = { userAgent, registration };
    userAgent.onEvent((event) => onEvent(mine, userAgent, event));
    userAgent.start();
  }

  function fetchAndConnect(mine: number) {
    deps.server.registration().then(
      (registration) => connect(mine, registration),
      (error: unknown) => {
        if (mine !== generation) return;
        const problem = registrationFetchProblem(error);
        if (problem.retry) retryLater(() => fetchAndConnect(mine), problem.message);
        else deps.onState({ status: 'unavailable', message: problem.message });
      },
    );
  }

  function stop() {
    generation++;
    if (retryTimer !== null) clearTimeout(retryTimer);
    retryTimer = null;
    active?.userAgent.stop();
    active = null;
  }

  return {
    start() {
      stop();
      attempt = 0;
      deps.onState({ status: 'connecting' });
      fetchAndConnect(generation);
    },
    stop() {
      stop();
      deps.onState({ status: 'idle' });
    },
    current: () => active,
  };
}
