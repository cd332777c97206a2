import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CallQualityNotice } from './call-quality-notice';

const text = (html: string) => html.replace(/<[^>]+>/g, '');

describe('CallQualityNotice', () => {
  it('says why the call sounds poor and what to do, in a status region', () => {
    const html = renderToStaticMarkup(<CallQualityNotice warning={{ reasons: ['high packet loss (8 %)', 'high jitter (45 ms)'] }} />);
    expect(html).toMatch(/^<div class="call-quality" role="status">/);
    expect(html).toContain('<span class="call-quality-hint">');
    expect(text(html)).toBe('Poor call quality: high packet loss (8 %), high jitter (45 ms)Check your network; close other apps using it.');
  });

  it('shows nothing while the call sounds fine (the live region stays, empty)', () => {
    expect(renderToStaticMarkup(<CallQualityNotice warning={null} />)).toBe('<div class="call-quality" role="status"></div>');
  });
});
