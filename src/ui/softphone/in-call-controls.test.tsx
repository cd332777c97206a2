import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import InCallControls, { type InCallControlsProps } from './in-call-controls';
import { phoneStatusText } from './phone-status';
import type { PhoneCall } from './softphone-types';

const live: PhoneCall = { callId: 'c1', direction: 'outbound', phase: 'live', muted: false, held: false, transfer: { status: 'idle' }, remoteStream: null, quality: null };
const noop = () => undefined;

function render(call: PhoneCall, extra: Partial<InCallControlsProps> = {}) {
  return renderToStaticMarkup(<InCallControls call={call} onMute={noop} onHold={noop} onKey={noop} onTransfer={() => Promise.resolve()} onTransferred={noop} {...extra} />);
}

const buttons = (html: string) => [...html.matchAll(/<button[^>]*>([^<]*)<\/button>/g)].map((m) => m[1]);

describe('InCallControls', () => {
  it('offers Mute, Hold, Keypad (with every key) and Transfer', () => {
    const html = render(live);
    expect(buttons(html)).toEqual(['Mute', 'Hold', 'Keypad', 'Transfer', '1', '2', '3', '4', '5', '6', '7', '8', '9', '*', '0', '#']);
    expect(html).toMatch(/<div id="[^"]+" class="keypad" role="group" aria-label="Keypad" hidden="">/);
  });

  it('turns into Unmute and Resume, and says so', () => {
    const html = render({ ...live, muted: true, held: true });
    expect(buttons(html).slice(0, 2)).toEqual(['Unmute', 'Resume']);
    expect(html).toContain('Microphone muted · Call on hold');
  });

  it('asks where to transfer and confirms with "Complete transfer"; a refusal is said', () => {
    const html = render({ ...live, transfer: { status: 'failed', message: 'Transfer failed: Rejected.' } }, { initialPanel: 'transfer' });
    expect(html).toMatch(/<label for="[^"]+" class="field-label">Transfer to<\/label>/);
    expect(buttons(html)).toContain('Complete transfer');
    expect(html).toContain('role="alert">Transfer failed: Rejected.</p>');
    const sending = render({ ...live, transfer: { status: 'sending', number: '9001' } }, { initialPanel: 'transfer' });
    expect(sending).toContain('disabled="">Transferring…</button>');
  });
});

describe('phoneStatusText', () => {
  it('says ready, connecting, or the reason it is not', () => {
    expect(phoneStatusText({ status: 'registered' })).toBe('Phone ready');
    expect(phoneStatusText({ status: 'connecting' })).toBe('Connecting phone…');
    expect(phoneStatusText({ status: 'refused', message: 'SIP registration failed: x' })).toBe('SIP registration failed: x');
    expect(phoneStatusText({ status: 'idle' })).toBeNull();
  });
});
