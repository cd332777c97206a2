import { z } from 'zod';
import { apiErrors } from '../../http/sandbox-api-error';
import type { CallLog } from '../../store/types';
import { COST, type ApiReply, type ApiRequest, type ApiRoute } from '../api-route';
import { parseV1Time, V1_DATETIME } from '../time-format';
import { parseOrThrow } from '../validation';
import { readV1Page, uuid, v1Id, v1Pagination } from './v1-params';
import { resolveAuthor } from './notes';
import { sanitizeNoteHtml } from './sanitize-html';

const OUTCOMES = ['connected', 'no_answer', 'left_message', 'left_voicemail', 'wrong_number', 'busy'] as const;
const v1DateTime = z.string().regex(V1_DATETIME, 'must be in the format YYYY-MM-DD HH:MM:SS (UTC)');

const addCallLogSchema = z.object({
  outcome: z.enum(OUTCOMES, { message: `must be one of [${OUTCOMES.join(', ')}]` }),
  to_phone_number: z.string().min(1, 'is not allowed to be empty'),
  start_time: v1DateTime,
  end_time: v1DateTime,
  user_id: v1Id.optional(),
  activity_id: v1Id.optional(),
  subject: z.string().optional(),
  // Pipedrive types duration as a string of seconds; a JSON number is rejected.
  duration: z.string().regex(/^\d+$/, 'must be a string of whole seconds').optional(),
  from_phone_number: z.string().optional(),
  person_id: v1Id.optional(),
  org_id: v1Id.optional(),
  deal_id: v1Id.optional(),
  lead_id: uuid.optional(),
  note: z.string().optional(),
});

export function serializeCallLog(log: CallLog): Record<string, unknown> {
  return { ...log };
}

function addCallLog(req: ApiRequest): ApiReply {
  const input = parseOrThrow(addCallLogSchema, req.body ?? {}, 'v1');
  const start = parseV1Time(input.start_time);
  const end = parseV1Time(input.end_time);
  if (Number.isNaN(start)) throw apiErrors.badRequest('"start_time" must be a valid date');
  if (Number.isNaN(end)) throw apiErrors.badRequest('"end_time" must be a valid date');
  if (end < start) throw apiErrors.badRequest('"end_time" must be greater than or equal to "start_time"');
  if (input.deal_id !== undefined && input.lead_id !== undefined) {
    throw apiErrors.badRequest('"deal_id" and "lead_id" cannot be used together. Link the call log to a deal or a lead.');
  }
  const { store } = req;
  if (input.person_id !== undefined && !store.getPerson(input.person_id)) throw apiErrors.badRequest('Person not found');
  if (input.deal_id !== undefined && !store.getDeal(input.deal_id)) throw apiErrors.badRequest('Deal not found');
  if (input.org_id !== undefined && !store.getOrganization(input.org_id)) throw apiErrors.badRequest('Organization not found');
  if (input.lead_id !== undefined) throw apiErrors.badRequest('Lead not found');
  if (input.activity_id !== undefined) {
    const activity = store.getActivity(input.activity_id);
    if (!activity || activity.type !== 'call') throw apiErrors.badRequest('Activity not found or not a call activity');
  }
  const userId = resolveAuthor(req, input.user_id);
  // The note is HTML like a note's content, and Pipedrive sanitises it the same way.
  const note = input.note === undefined ? {} : { note: sanitizeNoteHtml(input.note) };
  return { data: serializeCallLog(store.addCallLog({ ...input, ...note }, userId)) };
}

function listCallLogs(req: ApiRequest): ApiReply {
  const page = readV1Page(req.query, 50, 50);
  const { items, additional_data } = v1Pagination(req.store.listCallLogs({ userId: req.grant.userId }), page);
  return { data: items.map(serializeCallLog), additional_data };
}

function getCallLog(req: ApiRequest): ApiReply {
  const log = req.store.getCallLog(req.params.id ?? '');
  if (!log || log.company_id !== req.grant.companyId) throw apiErrors.notFound('Call log');
  return { data: serializeCallLog(log) };
}

const SCOPES = ['phone-integration'] as const;

export const callLogRoutes: ApiRoute[] = [
  { method: 'POST', pattern: '/api/v1/callLogs', scopes: SCOPES, cost: 10, handler: addCallLog },
  { method: 'GET', pattern: '/api/v1/callLogs', scopes: SCOPES, cost: 20, handler: listCallLogs },
  { method: 'GET', pattern: '/api/v1/callLogs/:id', scopes: SCOPES, cost: COST.v1GetOne, handler: getCallLog },
];
