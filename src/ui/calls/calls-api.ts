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
import { clockOffsetMs, readResumedDraft, type ServerNotesDraft } from './server-notes-draft';

/** GET /api/calls/active: the call to show, its notes draft, and how far the server's clock is ahead. */
export interface ResumedCall {
  call: CallView | null;
  notesDraft: ServerNotesDraft | null;
  clockOffsetMs: number;
}

export interface PlaceCallInput {
  number: string;
  personId?: number;
  source: CallSource;
}

export interface CallsApi {
  place(input: PlaceCallInput): Promise<CallView>;
  active(signal?: AbortSignal): Promise<ResumedCall>;
  saveNotesDraft(callId: string, text: string): Promise<void>;
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
    async active(signal) {
      const sentAt = Date.now();
      let serverNow: unknown;
      let draft: unknown;
      const call = await api.get(
        '/api/calls/active',
        (body) => {
          const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
          serverNow = record.serverNow;
          draft = record.notesDraft;
          return parseActiveCall(body);
        },
        signal,
      );
      return { call, notesDraft: readResumedDraft(draft, call?.id ?? null), clockOffsetMs: clockOffsetMs(serverNow, sentAt, Date.now()) };
    },
    saveNotesDraft: async (callId, text) => {
      await api.put(callPath(callId, 'notes-draft'), { text }, () => undefined);
    },
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
