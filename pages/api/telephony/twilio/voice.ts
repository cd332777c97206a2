import { twilioRoute } from '@/server/http/twilio-route';

export const config = { api: { bodyParser: false } };

/** Twilio's "A call comes in" webhook: rings the routed agents (TwiML `<Dial>`). */
export default twilioRoute('incomingCall');
