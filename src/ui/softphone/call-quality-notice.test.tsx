import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallQualityNotice } from './call-quality-notice';
import InCallControls from './in-call-controls';
import type { PhoneCall } from './softphone-types';

const live: PhoneCall = { callId: 'c1', direction: 'outbound', phase: 'live', muted: false, held: false, transfer: { status: 'idle' }, remoteStream: null, quality: null };
const noop = () => undefined;
const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('CallQualityNotice', () => {
  it('says why the call sounds poor and what to do, in a status region', () => {
    const html = renderToStaticMarkup(<CallQualityNotice warning={{ reasons: ['high packet loss (8 %)', 'high jitter (45 ms)'] }} />);
    expect(html).toMatch(/^<div class="call-quality" role="status">/);
    expect(text(html)).toBe('Poor call quality: high packet loss (8 %), high jitter (45 ms) Check your network; close other apps using it.');
  });

  it('shows nothing while the call sounds fine (the live region stays, empty)', () => {
    expect(renderToStaticMarkup(<CallQualityNotice warning={null} />)).toBe('<div class="call-quality" role="status"></div>');
  });

  it('is part of the in-call controls', () => {
    const render = (call: PhoneCall) => renderToStaticMarkup(<InCallControls call={call} onMute={noop} onHold={noop} onKey={noop} onTransfer={() => Promise.resolve()} onTransferred={noop} />);
    expect(render(live)).not.toContain('Poor call quality');
    expect(text(render({ ...live, quality: { reasons: ['high latency (520 ms)'] } }))).toContain('Poor call quality: high latency (520 ms)');
  });
});
