import { describe, expect, it } from 'vitest';
import { parseMe } from './api-types';

const me = { user: { id: 1, name: 'Alice', email: 'a@example.com' }, company: { id: 2, name: 'Acme' } };

describe('parseMe', () => {
  it("reads the company's phone provider", () => {
    expect(parseMe({ ...me, telephony: { provider: 'sip' } }).telephony).toEqual({ provider: 'sip' });
    expect(parseMe({ ...me, telephony: { provider: 'twilio' } }).telephony).toEqual({ provider: 'twilio' });
  });

  it('treats a missing or unknown provider as the simulated phones', () => {
    expect(parseMe(me).telephony.provider).toBe('mock');
    expect(parseMe({ ...me, telephony: { provider: 'carrier-pigeon' } }).telephony.provider).toBe('mock');
    expect(parseMe({ ...me, telephony: 'sip' }).telephony.provider).toBe('mock');
  });
});
