import { describe, expect, it, vi } from 'vitest';
import { ServerRequestError, createApiClient } from '@/ui/api-client';
import { createCallsApi } from './calls-api';
import { callView } from './test-calls';

interface Request {
  method: string;
  path: string;
  body: unknown;
  contentType: string | null;
}

function fakeServer(answer: (request: Request) => { status: number; body: unknown }) {
  const requests: Request[] = [];
  const fetchFn = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const headers = new Headers(init?.headers);
    const request = {
      method: init?.method ?? 'GET',
      path: String(input),
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : null,
      contentType: headers.get('Content-Type'),
    };
    requests.push(request);
    const { status, body } = answer(request);
    return new Response(status === 204 ? null : JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  const api = createApiClient({ fetch: fetchFn as unknown as typeof fetch, getSignedToken: async () => 'token' });
  return { requests, calls: createCallsApi(api) };
}

const call = callView({ id: 'c/1', direction: 'outbound' });

describe('calls API', () => {
  it('posts JSON to the contract routes and reads { call }', async () => {
    const server = fakeServer(() => ({ status: 200, body: { call } }));
    await server.calls.place({ number: '+1555', personId: 4, source: 'contact' });
    await server.calls.answer('c/1');
    await server.calls.hangUp('c/1');
    await server.calls.chooseContact('c/1', { personId: 4, dealId: 9 });
    await expect(server.calls.wrapUp('c/1', { notes: 'n', action: { type: 'notes_to_deal', dealId: 9 } })).resolves.toMatchObject({ id: 'c/1' });
    await server.calls.retryWrapUp('c/1');
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'POST /api/calls',
      'POST /api/calls/c%2F1/answer',
      'POST /api/calls/c%2F1/hang-up',
      'POST /api/calls/c%2F1/contact',
      'POST /api/calls/c%2F1/wrap-up',
      'POST /api/calls/c%2F1/wrap-up/retry',
    ]);
    expect(server.requests[0]).toMatchObject({ body: { number: '+1555', personId: 4, source: 'contact' }, contentType: 'application/json' });
    expect(server.requests[4]?.body).toEqual({ notes: 'n', action: { type: 'notes_to_deal', dealId: 9 } });
  });

  it('reads the active call, history pages and missed calls', async () => {
    const server = fakeServer((request) => {
      if (request.path === '/api/calls/active') return { status: 200, body: { call: null } };
      if (request.path.startsWith('/api/calls/history')) return { status: 200, body: { items: [call], nextCursor: 'next' } };
      if (request.path === '/api/calls/missed/seen') return { status: 200, body: { unseenCount: 0 } };
      return { status: 200, body: { items: [call], unseenCount: 2 } };
    });
    await expect(server.calls.active()).resolves.toMatchObject({ call: null, notesDraft: null });
    await expect(server.calls.history(null)).resolves.toMatchObject({ nextCursor: 'next' });
    await server.calls.history('a b');
    await expect(server.calls.missed()).resolves.toMatchObject({ unseenCount: 2 });
    await expect(server.calls.markMissedSeen()).resolves.toBe(0);
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/calls/active',
      'GET /api/calls/history',
      'GET /api/calls/history?cursor=a+b',
      'GET /api/calls/missed',
      'POST /api/calls/missed/seen',
    ]);
  });

  it('turns an error answer into ServerRequestError with the server code (409 when another tab won)', async () => {
    const server = fakeServer(() => ({ status: 409, body: { error: { code: 'CALL_ALREADY_ANSWERED', message: 'Taken' } } }));
    const error = await server.calls.answer('c').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServerRequestError);
    expect(error).toMatchObject({ status: 409, code: 'CALL_ALREADY_ANSWERED' });
  });

  it('renews the session for a POST too, resending the same body', async () => {
    let renewed = false;
    const server = fakeServer((request) => {
      if (request.path === '/api/session') {
        renewed = true;
        return { status: 204, body: null };
      }
      return renewed ? { status: 200, body: { call } } : { status: 401, body: { error: { code: 'SESSION_EXPIRED', message: 'x' } } };
    });
    await server.calls.wrapUp('c', { notes: 'keep me', action: { type: 'hang_up' } });
    const wrapUps = server.requests.filter((r) => r.path.endsWith('/wrap-up'));
    expect(wrapUps.map((r) => r.body)).toEqual([
      { notes: 'keep me', action: { type: 'hang_up' } },
      { notes: 'keep me', action: { type: 'hang_up' } },
    ]);
  });
});
