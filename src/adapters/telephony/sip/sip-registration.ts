import { createHash } from 'node:crypto';
import type { SipAccount } from '@/adapters/db/sip-account-store';

/** What JsSIP needs to register (docs/REAL-CALLS.md `GET /api/telephony/sip/registration`). */
export interface SipRegistration {
  readonly webSocketUrl: string;
  readonly domain: string;
  readonly uri: string;
  readonly authorizationUser: string;
  readonly realm: string;
  /** MD5(username:realm:password): answers digest challenges without the clear password. */
  readonly ha1: string;
  readonly displayName: string;
  readonly callerId: string | null;
}

/** The digest HA1 of RFC 2617 (JsSIP's `ha1` option); MD5 because SIP digest requires it. */
export function digestHa1(username: string, realm: string, password: string): string {
  return createHash('md5').update(`${username}:${realm}:${password}`, 'utf8').digest('hex');
}

export function sipRegistration(server: { webSocketUrl: string; domain: string }, account: SipAccount, displayName: string): SipRegistration {
  // The realm is the SIP domain: the server's digest challenges name it.
  const realm = server.domain;
  return {
    webSocketUrl: server.webSocketUrl,
    domain: server.domain,
    uri: `sip:${account.username}@${server.domain}`,
    authorizationUser: account.username,
    realm,
    ha1: digestHa1(account.username, realm, account.password),
    displayName,
    callerId: account.callerId,
  };
}
