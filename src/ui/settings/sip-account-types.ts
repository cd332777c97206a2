/** The agent's SIP account as `GET/PUT /api/telephony/sip/account` show it: never the password. */
import { ResponseShapeError } from '@/ui/api-types';

export interface SipAccountView {
  username: string | null;
  passwordSet: boolean;
  callerId: string | null;
}

/** `password` left out: keep the stored one. */
export interface SipAccountInput {
  username: string;
  password?: string;
  callerId?: string;
}

export function parseSipAccount(body: unknown): SipAccountView {
  if (typeof body !== 'object' || body === null) throw new ResponseShapeError('SIP account');
  const { username, passwordSet, callerId } = body as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { username: text(username), passwordSet: passwordSet === true, callerId: text(callerId) };
}
