import { describe, expect, it } from 'vitest';
import { decodeEntities, richText } from '../src/ui/rich-text';

const shown = (stored: string) => richText(stored).value;

describe('note HTML as the pages show it (sanitised like Pipedrive)', () => {
  it('keeps escaped text as typed and the formatting tags, so nothing shows as literal markup', () => {
    const stored = '<p>Price &lt; 100 &amp; &quot;soon&quot;<br>Call back <b>Monday</b></p>';
    expect(shown(stored)).toBe('<p>Price &lt; 100 &amp; &quot;soon&quot;<br>Call back <b>Monday</b></p>');
  });

  it('drops scripts, styles and frames with their content, and every attribute but a safe link', () => {
    expect(shown('<p onclick="x()">a<script>alert(1)</script><style>p{}</style>b</p>')).toBe('<p>ab</p>');
    expect(shown('<img src=x onerror=alert(1)>hi')).toBe('hi');
    expect(shown('<a href="javascript:alert(1)">x</a>')).toBe('<a>x</a>');
    expect(shown('<a href="https://example.com/?a=1&amp;b=2" style="color:red">x</a>')).toBe(
      '<a href="https://example.com/?a=1&amp;b=2" rel="noopener noreferrer" target="_blank">x</a>',
    );
  });

  it('closes what the stored HTML left open and ignores stray closing tags', () => {
    expect(shown('<p><b>bold</p>tail</i>')).toBe('<p><b>bold</b></p>tail');
    expect(shown('a < b')).toBe('a &lt; b');
    expect(shown('<!-- hidden -->seen')).toBe('seen');
  });

  it('decodes named, decimal and hex entities', () => {
    expect(decodeEntities('&lt;&#60;&#x3c;&amp;&unknown;')).toBe('<<<&&unknown;');
  });
});
