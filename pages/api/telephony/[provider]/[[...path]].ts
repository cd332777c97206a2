import { telephonyRoute } from '@/server/http/telephony-route';

// Provider webhooks sign the exact bytes; the app reads every body itself.
export const config = { api: { bodyParser: false } };

/** `/api/telephony/<provider>/...`: each provider plug-in's routes (src/adapters/telephony/<provider>/). */
export default telephonyRoute();
