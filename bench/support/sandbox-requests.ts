import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';

/** A request the in-process sandbox served: when it arrived and how long the sandbox took (ms, performance clock). */
export interface SandboxRequest {
  method: string;
  url: string;
  startedAt: number;
  durationMs: number;
}

interface ServerMessage {
  request: IncomingMessage;
}

const PIPEDRIVE_PATHS = /^\/(api|v1|oauth)\//;

/**
 * Records every Pipedrive request (API and OAuth) the sandbox serves, from Node's own HTTP
 * diagnostics channels: the bench process hosts the sandbox and no other HTTP server, so each
 * server-side request seen here is one the app sent to "Pipedrive". Duration: request received →
 * response finished, i.e. the sandbox's own latency.
 */
export function recordSandboxRequests() {
  const started = new WeakMap<IncomingMessage, number>();
  const requests: SandboxRequest[] = [];
  const onStart = (message: unknown) => {
    const { request } = message as ServerMessage;
    if (PIPEDRIVE_PATHS.test(request.url ?? '')) started.set(request, performance.now());
  };
  const onFinish = (message: unknown) => {
    const { request } = message as ServerMessage;
    const startedAt = started.get(request);
    if (startedAt === undefined) return;
    requests.push({ method: request.method ?? 'GET', url: request.url ?? '', startedAt, durationMs: performance.now() - startedAt });
  };
  subscribe('http.server.request.start', onStart);
  subscribe('http.server.response.finish', onFinish);
  return {
    /** Requests that arrived within [from, to] (performance clock). */
    between(from: number, to: number): SandboxRequest[] {
      return requests.filter((request) => request.startedAt >= from && request.startedAt <= to);
    },
    stop() {
      unsubscribe('http.server.request.start', onStart);
      unsubscribe('http.server.response.finish', onFinish);
    },
  };
}
