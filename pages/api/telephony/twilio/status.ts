import { twilioRoute } from '@/server/http/twilio-route';

export const config = { api: { bodyParser: false } };

/** Twilio's status callback: the call's progress becomes a provider update. */
export default twilioRoute('callStatus');
