import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { PhoneClickSetting } from './phone-click-setting';

describe('PhoneClickSetting', () => {
  it('offers "ask first" and "dial at once" as one group, the current choice checked', () => {
    const html = renderToStaticMarkup(<PhoneClickSetting mode="ask" onChange={() => {}} />);
    expect(html).toContain('<legend class="section-title">Clicking a phone number in Pipedrive</legend>');
    expect(html).toMatch(/checked="" value="ask"\/>Ask first: put the number in the dialer/);
    expect(html).toMatch(/value="dial"\/>Dial at once/);
  });
});
