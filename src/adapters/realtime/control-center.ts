import { createHash, timingSafeEqual } from 'node:crypto';
import type { Server } from 'socket.io';
import { z } from 'zod';
import type { ReceiveInboundCallInput, ReceiveInboundCallResult } from '@/application/calls/receive-inbound-call';
import type { CallRecord } from '@/application/ports/call-store.port';
import type { Logger } from '@/application/ports/logger.port';
import { checkInboundCallerNumber } from '@/domain/phone/inbound-caller-number';
import type { AppSocketServer } from './socket-server';
import { CONTROL_CENTER_NAMESPACE, payloadAndAck } from './socket-events';
import type {
  CallStatusAck,
  ControlCenterCallStatus,
  ControlCenterClientToServerEvents,
  ControlCenterOverview,
  ControlCenterServerToClientEvents,
  InboundCallAck,
  OverviewAck,
} from '@/contract/control-center';
import { errorBody, type ErrorCode } from '@/contract/error-catalogue';

/** `INBOUND_CALL` as the tutorial's Control Center emits it, plus an optional company (several installed). */
export const inboundCallPayloadSchema = z.object({
  number: z
    .string()
    .trim()
    .max(40)
    .superRefine((number, context) => {
      const checked = checkInboundCallerNumber(number);
      if (!checked.ok) context.addIssue({ code: 'custom', message: checked.message });
    }),
  agent: z.string().trim().max(200).optional().default(''),
  companyId: z.union([z.number().int().positive(), z.string().regex(/^\d{1,12}$/).transform(Number)]).optional(),
});
export type InboundCallPayload = z.infer<typeof inboundCallPayloadSchema>;

export type CompanyResolution = { ok: true; companyId: number } | { ok: false; code: ErrorCode; message: string };

export type { CallStatusAck, ControlCenterCallStatus, ControlCenterOverview, InboundCallAck } from '@/contract/control-center';

/** `CALL_STATUS {callId, companyId}`: how a simulated call is doing now (the page polls it while it rings). */
export const callStatusPayloadSchema = z.object({
  callId: z.string().trim().min(1).max(100),
  companyId: z.number().int().positive(),
});

/** What the Control Center may know of a stored call. A rejected call holds no agent: the decliner is in its ringing record. */
export function toControlCenterCallStatus(record: CallRecord): ControlCenterCallStatus {
  const { call } = record;
  const decliner = call.outcome === 'rejected' ? record.ringing?.declinedUserIds.at(-1) : undefined;
  return { state: call.state, outcome: call.outcome ?? null, agentUserId: call.agentUserId ?? decliner ?? null };
}

export interface ControlCenterOptions {
  io: AppSocketServer;
  sandboxMode: boolean;
  /** CONTROL_CENTER_TOKEN; outside sandbox mode a missing token keeps the Control Center closed. */
  token: string | null;
  resolveCompany(payload: InboundCallPayload): Promise<CompanyResolution>;
  receiveInboundCall(input: ReceiveInboundCallInput): Promise<ReceiveInboundCallResult>;
  /** A provider id for a simulated call (mock provider), so it can be hung up later. */
  registerInboundCall?: () => string;
  overview(): Promise<ControlCenterOverview>;
  /** The account of an agent named by id, email or name, for a missed call's explanation. */
  findAgentAccount(companyId: number, agent: string): Promise<{ kind: 'installed' | 'do_not_disturb' | 'uninstalled'; name: string } | { kind: 'not_installed' }>;
  /** The call as stored now, or undefined when the company has no such call. */
  findCall(companyId: number, callId: string): Promise<ControlCenterCallStatus | undefined>;
  logger: Logger;
}

/** Every event the Control Center may send, at runtime (the fuzz test sends each one garbage). */
export const CONTROL_CENTER_EVENTS = ['INBOUND_CALL', 'OVERVIEW', 'CALL_STATUS'] as const satisfies readonly (keyof ControlCenterClientToServerEvents)[];

/** Constant-time comparison of a presented token with the configured one (hashes have equal length). */
export function isControlCenterTokenValid(presented: unknown, configured: string | null): boolean {
  if (configured === null || typeof presented !== 'string' || presented === '') return false;
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(configured));
}

/** Whether the Control Center may be used with this token: always in sandbox mode, otherwise with the right token. */
export function isControlCenterAllowed(options: Pick<ControlCenterOptions, 'sandboxMode' | 'token'>, presented: unknown): boolean {
  return options.sandboxMode || isControlCenterTokenValid(presented, options.token);
}

/**
 * The Control Center's socket namespace (`/control-center`): simulated inbound calls
 * (`INBOUND_CALL {number, agent}` → `receiveInboundCall`), acknowledged with the routing result,
 * and `OVERVIEW` (companies and agents online). Authenticated by the handshake's `auth.token`.
 */
export function attachControlCenter(options: ControlCenterOptions): { close(): void } {
  // Its own namespace with its own events (typed by the contract, and zod-checked: a client sends
  // what it likes); the windows' events are not heard here.
  const namespace = (options.io as unknown as Server<ControlCenterClientToServerEvents, ControlCenterServerToClientEvents>).of(CONTROL_CENTER_NAMESPACE);
  namespace.use((socket, next) => {
    const token: unknown = (socket.handshake.auth as Record<string, unknown> | undefined)?.token;
    if (isControlCenterAllowed(options, token)) next();
    else next(Object.assign(new Error('CONTROL_CENTER_TOKEN_INVALID'), { data: { code: 'CONTROL_CENTER_TOKEN_INVALID' } }));
  });

  namespace.on('connection', (socket) => {
    socket.on('INBOUND_CALL', (...args: unknown[]) => {
      const { payload, reply } = payloadAndAck<InboundCallAck>(args);
      void simulateInboundCall(options, payload).then(reply, (error: unknown) => {
        options.logger.error({ err: error }, 'Control Center inbound call failed');
        reply({ ok: false, error: errorBody('INTERNAL_ERROR', 'The call could not be simulated.') });
      });
    });
    socket.on('CALL_STATUS', (...args: unknown[]) => {
      const { payload, reply } = payloadAndAck<CallStatusAck>(args);
      void readCallStatus(options, payload).then(reply, (error: unknown) => {
        options.logger.error({ err: error }, 'Control Center call status failed');
        reply({ ok: false, error: errorBody('INTERNAL_ERROR', 'The call could not be read.') });
      });
    });
    socket.on('OVERVIEW', (...args: unknown[]) => {
      const { reply } = payloadAndAck<OverviewAck>(args);
      options.overview().then(reply, (error: unknown) => {
        options.logger.error({ err: error }, 'Control Center overview failed');
        reply({ ok: false, error: { code: 'INTERNAL_ERROR', message: 'The overview could not be read.' } });
      });
    });
  });

  return {
    close() {
      namespace.disconnectSockets(true);
    },
  };
}

async function simulateInboundCall(options: ControlCenterOptions, payload: unknown): Promise<InboundCallAck> {
  const parsed = inboundCallPayloadSchema.safeParse(payload);
  if (!parsed.success) {
    // The number's messages are written for the person at the page; other fields keep their path.
    const message = parsed.error.issues
      .map((issue) => (issue.path[0] === 'number' && issue.code === 'custom' ? issue.message : `${issue.path.join('.') || 'payload'}: ${issue.message}`))
      .join('; ');
    return { ok: false, error: errorBody('INVALID_PAYLOAD', message) };
  }
  const company = await options.resolveCompany(parsed.data);
  if (!company.ok) return { ok: false, error: errorBody(company.code, company.message) };
  const result = await options.receiveInboundCall({
    companyId: company.companyId,
    from: parsed.data.number,
    agent: parsed.data.agent === '' ? undefined : parsed.data.agent,
    providerCallId: options.registerInboundCall?.(),
    source: 'control_center',
  });
  const ringingIds = result.kind === 'missed' ? [] : result.ringingUserIds;
  const agentAccount =
    result.kind === 'missed' && result.reason === 'agent_not_found' && parsed.data.agent !== ''
      ? await options.findAgentAccount(company.companyId, parsed.data.agent)
      : null;
  const online = ringingIds.length === 0 ? [] : (await options.overview()).companies.find((c) => c.id === company.companyId)?.agents ?? [];
  return {
    ok: true,
    callId: result.call.id,
    companyId: company.companyId,
    result: result.kind,
    ringing: ringingIds.map((userId) => ({ userId, name: online.find((agent) => agent.userId === userId)?.name ?? `User ${userId}` })),
    reason: result.kind === 'missed' ? result.reason : null,
    agentAccount,
  };
}

async function readCallStatus(options: ControlCenterOptions, payload: unknown): Promise<CallStatusAck> {
  const parsed = callStatusPayloadSchema.safeParse(payload);
  if (!parsed.success) return { ok: false, error: { code: 'INVALID_PAYLOAD', message: 'CALL_STATUS needs {callId, companyId}.' } };
  const call = await options.findCall(parsed.data.companyId, parsed.data.callId);
  return call === undefined ? { ok: false, error: { code: 'CALL_NOT_FOUND', message: 'No such call.' } } : { ok: true, call };
}
