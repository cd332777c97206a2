/** The calls routes of docs/CALLS-API.md, over the one fetch wrapper (`api-client.ts`). */
import type { ApiClient } from '@/ui/api-client';
import {
  parseActiveCall,
  parseCallEnvelope,
  parseCallPage,
  parseMissedCalls,
  readUnseenCount,
} from './call-parse';
import type { CallPage, CallSource, CallView, MissedCalls, WrapUpRequest } from './call-types';

export interface PlaceCallInput {
  number: string;
  personId?: number;
  source: CallSource;
}

export interface CallsApi {
  place(input: PlaceCallInput): Promise<CallView>;
  active(signal?: AbortSignal): Promise<CallView | null>;
  answer(callId: string): Promise<CallView>;
  /** `pick`: the person (and deal) chosen while it rang; the server logs the rejected call with them. */
  reject(callId: string, pick?: { personId: number; dealId?: number }): Promise<CallView>;
  hangUp(callId: string): Promise<CallView>;
  chooseContact(callId: string, choice: { personId: number; dealId?: number }): Promise<CallView>;
  wrapUp(callId: string, request: WrapUpRequest): Promise<CallView>;
  retryWrapUp(callId: string): Promise<CallView>;
  history(cursor: string | null, signal?: AbortSignal): Promise<CallPage>;
  missed(signal?: AbortSignal): Promise<MissedCalls>;
  markMissedSeen(): Promise<number>;
}

const callPath = (callId: string, action: string) => `/api/calls/${encodeURIComponent(callId)}/${action}`;

export function createCallsApi(api: ApiClient): CallsApi {
  return {
    place: (input) => api.post('/api/calls', input, parseCallEnvelope),
    active: (signal) => api.get('/api/calls/active', parseActiveCall, signal),
    answer: (callId) => api.post(callPath(callId, 'answer'), {}, parseCallEnvelope),
    reject: (callId, pick) => api.post(callPath(callId, 'reject'), pick ?? {}, parseCallEnvelope),
    hangUp: (callId) => api.post(callPath(callId, 'hang-up'), {}, parseCallEnvelope),
    chooseContact: (callId, choice) => api.post(callPath(callId, 'contact'), choice, parseCallEnvelope),
    wrapUp: (callId, request) => api.post(callPath(callId, 'wrap-up'), request, parseCallEnvelope),
    retryWrapUp: (callId) => api.post(callPath(callId, 'wrap-up/retry'), {}, parseCallEnvelope),
    history(cursor, signal) {
      const suffix = cursor ? `?${new URLSearchParams({ cursor }).toString()}` : '';
      return api.get(`/api/calls/history${suffix}`, parseCallPage, signal);
    },
    missed: (signal) => api.get('/api/calls/missed', parseMissedCalls, signal),
    markMissedSeen: () => api.post('/api/calls/missed/seen', {}, (body) => readUnseenCount(body) ?? 0),
  };
}
