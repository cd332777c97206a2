import { SignJWT } from 'jose';
import { performance } from 'node:perf_hooks';
import { io, type Socket } from 'socket.io-client';
import type { BenchAgent } from './seed-accounts';

/** A connected agent window: its socket and when each call first rang it (performance clock). */
export interface AgentSocket {
  agent: BenchAgent;
  socket: Socket;
  ringingAt: Map<string, number>;
  /** Resolves at the next `call:ringing` this window receives (the call id is unknown before the webhook answers). */
  nextRing(): Promise<{ callId: string; at: number }>;
}

const CONNECT_BATCH = 50;

/** The iframe JWT Pipedrive puts in the window URL: HS256 `{ userId, companyId }`, 5 minutes, signed with the JWT secret. */
export function mintIframeToken(agent: BenchAgent, jwtSecret: string): Promise<string> {
  return new SignJWT({ userId: agent.userId, companyId: agent.companyId })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(jwtSecret));
}

function connectOne(appUrl: string, agent: BenchAgent, token: string): Promise<AgentSocket> {
  const socket = io(appUrl, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token, windowId: `bench-${agent.userId}` },
    reconnection: false,
    forceNew: true,
  });
  const ringingAt = new Map<string, number>();
  let waiting: ((ring: { callId: string; at: number }) => void) | null = null;
  socket.on('call:ringing', (payload: { call: { id: string } }) => {
    const at = performance.now();
    if (ringingAt.has(payload.call.id)) return;
    ringingAt.set(payload.call.id, at);
    waiting?.({ callId: payload.call.id, at });
    waiting = null;
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`agent ${agent.userId} did not get "ready" in time`)), 30_000);
    socket.once('ready', () => {
      clearTimeout(timer);
      resolve({
        agent,
        socket,
        ringingAt,
        nextRing: () => new Promise((resolveRing) => (waiting = resolveRing)),
      });
    });
    socket.once('connect_error', (error) => {
      clearTimeout(timer);
      reject(new Error(`agent ${agent.userId} could not connect: ${error.message}`));
    });
  });
}

/** Connects every agent's window socket (in batches, as windows open over time) to `appUrlOf(agent)`. */
export async function connectAgents(agents: readonly BenchAgent[], appUrlOf: (index: number) => string, jwtSecret: string): Promise<AgentSocket[]> {
  const connected: AgentSocket[] = [];
  try {
    for (let start = 0; start < agents.length; start += CONNECT_BATCH) {
      const batch = agents.slice(start, start + CONNECT_BATCH);
      connected.push(
        ...(await Promise.all(batch.map(async (agent, offset) => connectOne(appUrlOf(start + offset), agent, await mintIframeToken(agent, jwtSecret))))),
      );
    }
  } catch (error) {
    disconnectAgents(connected);
    throw error;
  }
  return connected;
}

export function disconnectAgents(sockets: readonly AgentSocket[]): void {
  for (const { socket } of sockets) socket.disconnect();
}
