import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DialPad } from './dial-pad';

const noop = () => {};

describe('DialPad with a number clicked in Pipedrive ("ask first")', () => {
  it('holds the number, ready for "Call", and says where it came from', () => {
    const html = renderToStaticMarkup(<DialPad onDial={noop} ready={{ number: '+91 98450 12367', clickId: 1 }} />);
    expect(html).toContain('value="+91 98450 12367"');
    expect(html).toContain('Number from Pipedrive: press Call to dial it.');
  });

  it('is empty without one', () => {
    const html = renderToStaticMarkup(<DialPad onDial={noop} />);
    expect(html).toContain('value=""');
    expect(html).not.toContain('Number from Pipedrive');
  });
});
