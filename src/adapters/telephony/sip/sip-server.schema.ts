import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/**
 * The SIP server's WebSocket (the outbound proxy the browser talks to). `wss://` always; plain
 * `ws://` only on loopback, where nothing crosses a network (the phone lab, local tests).
 */
export const sipWebSocketUrlSchema = z
  .string()
  .trim()
  .max(300)
  .refine((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    if (url.username !== '' || url.password !== '') return false;
    if (url.protocol === 'wss:') return true;
    return url.protocol === 'ws:' && LOOPBACK_HOSTS.has(url.hostname);
  }, 'must be a wss:// URL (ws:// only on localhost or 127.0.0.1)');

/** The SIP domain (realm of the digest challenges): a host name or an IP address, optional port. */
export const sipDomainSchema = z
  .string()
  .trim()
  .min(1)
  .max(253)
  .regex(/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:\d{1,5})?$/, 'must be a host name or IP address (e.g. sip.example.com)');
