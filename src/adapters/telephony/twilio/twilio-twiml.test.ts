import { describe, expect, it } from 'vitest';
import { dialAgentsTwiml, emptyTwiml, nobodyAvailableTwiml, twilioClientIdentity } from './twilio-twiml';

describe('TwiML', () => {
  it('dials the agents’ browsers together', () => {
    const identities = [twilioClientIdentity(1, 11), twilioClientIdentity(1, 12)];
    expect(dialAgentsTwiml({ identities, timeoutSeconds: 30 })).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Dial timeout="30"><Client>pd-1-11</Client><Client>pd-1-12</Client></Dial></Response>',
    );
  });

  it('says nobody is available, escaping the message, then hangs up', () => {
    expect(nobodyAvailableTwiml('Closed <now> & later')).toBe(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say>Closed &lt;now&gt; &amp; later</Say><Hangup/></Response>',
    );
  });

  it('answers status callbacks with an empty response', () => {
    expect(emptyTwiml()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
  });
});
