import { describe, expect, it } from 'vitest';
import { AccountUnavailableError, PipedriveError } from '@/adapters/pipedrive/pipedrive-error';
import { ERROR_CATALOGUE, type ErrorCode } from '@/contract/error-catalogue';
import { callError } from './calls';
import { HttpError, toErrorResponse } from './http-error';

describe('the error catalogue', () => {
  it('gives every code a 4xx or 5xx status and a message', () => {
    for (const [code, { status, message }] of Object.entries(ERROR_CATALOGUE)) {
      expect(status, code).toBeGreaterThanOrEqual(400);
      expect(status, code).toBeLessThan(600);
      expect(message.length, code).toBeGreaterThan(0);
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
    }
  });

  it('HttpError takes its status and default message from the catalogue; a message may be more precise', () => {
    expect(toErrorResponse(new HttpError('CALL_NOT_FOUND'))).toEqual({ status: 404, code: 'CALL_NOT_FOUND', message: 'There is no such call.', headers: {} });
    expect(toErrorResponse(new HttpError('INVALID_REQUEST', 'name: required'))).toMatchObject({ status: 400, message: 'name: required' });
  });

  it('maps Pipedrive failures, unavailable accounts and anything else', () => {
    const limited = new PipedriveError({ kind: 'rate_limited', status: 429, message: 'slow down', retryAfterMs: 2_500 });
    expect(toErrorResponse(limited)).toEqual({ status: 429, code: 'PIPEDRIVE_RATE_LIMITED', message: ERROR_CATALOGUE.PIPEDRIVE_RATE_LIMITED.message, headers: { 'Retry-After': '3' } });
    expect(toErrorResponse(new AccountUnavailableError('disconnected'))).toMatchObject({ status: 403, code: 'ACCOUNT_DISCONNECTED' });
    expect(toErrorResponse(new Error('boom'))).toMatchObject({ status: 500, code: 'INTERNAL_ERROR' });
  });

  it('maps the call use cases’ codes, renaming a lost race to CALL_ALREADY_ANSWERED', () => {
    expect(callError({ code: 'ROUTING_CALL_ALREADY_CLAIMED' })).toMatchObject({ status: 409, code: 'CALL_ALREADY_ANSWERED' });
    expect(callError({ code: 'CALL_NOT_YOURS' })).toMatchObject({ status: 403, code: 'CALL_NOT_YOURS' });
    // @ts-expect-error an unknown code does not compile
    const unknown: ErrorCode = 'NOT_A_CODE';
    expect(unknown in ERROR_CATALOGUE).toBe(false);
  });
});
