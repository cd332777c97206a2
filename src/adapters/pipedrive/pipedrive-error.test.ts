import type { AxiosError } from 'axios';
import { describe, expect, it } from 'vitest';
import { answerProvesFailure, toPipedriveError } from './pipedrive-error';

const answered = (status: number, data: unknown) => ({ isAxiosError: true, response: { status, data, headers: {} } }) as unknown as AxiosError;

describe('which answers prove a write failed', () => {
  it('only a 4xx in Pipedrive’s JSON error envelope', () => {
    expect(answerProvesFailure(400, { success: false, error: 'bad field' })).toBe(true);
    expect(answerProvesFailure(429, { success: false, error: 'rate limited' })).toBe(true);
  });

  it('not a gateway’s HTML page, a 5xx of any kind, or a 4xx that is not Pipedrive’s JSON', () => {
    expect(answerProvesFailure(502, '<html><h1>502 Bad Gateway</h1></html>')).toBe(false);
    expect(answerProvesFailure(504, '<html>504 Gateway Time-out</html>')).toBe(false);
    expect(answerProvesFailure(500, { success: false, error: 'internal' })).toBe(false);
    expect(answerProvesFailure(403, '<html>Forbidden</html>')).toBe(false);
  });

  it('marks the PipedriveError of a gateway page, and of no answer, as an unknown outcome', () => {
    expect(toPipedriveError(answered(502, '<html>Bad Gateway</html>'), 'add call log')).toMatchObject({ status: 502, retryable: true, outcomeUnknown: true });
    expect(toPipedriveError({ code: 'ECONNRESET' }, 'add call log')).toMatchObject({ status: 0, outcomeUnknown: true });
    expect(toPipedriveError(answered(400, { success: false, error: 'bad' }), 'add call log')).toMatchObject({ outcomeUnknown: false });
  });
});
