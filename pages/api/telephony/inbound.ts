import { telephonyRoute } from '@/server/http/telephony-route';

// The signature covers the exact bytes: Next must not parse the body.
export const config = { api: { bodyParser: false } };

/**
 * The generic provider webhook (README.md, "Calls"; docs/ARCHITECTURE.md, "How a call flows"):
 * HMAC-signed JSON `{ from, to?, agent?, callId? }`, served by the `webhook` plug-in (also at
 * `/api/telephony/webhook/inbound`). 202 accepted, 401 bad signature, 400 bad body, 503 when
 * TELEPHONY_WEBHOOK_SECRET is not set.
 */
export default telephonyRoute({ provider: 'webhook', path: ['inbound'] });
