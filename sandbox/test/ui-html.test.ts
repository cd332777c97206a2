import { describe, expect, it } from 'vitest';
import { escapeHtml, html, jsonForScript, trusted } from '../src/ui/html';
import { phoneLink } from '../src/ui/pages/components';
import { layout } from '../src/ui/layout';
import type { SandboxUser } from '../src/context';

const evil = `<img src=x onerror=alert(1)>"'&\``;

describe('HTML escaping', () => {
  it('escapes the characters that matter in text and attributes', () => {
    expect(escapeHtml(evil)).toBe('&lt;img src=x onerror=alert(1)&gt;&quot;&#39;&amp;&#96;');
  });

  it('escapes every interpolated value, including arrays, but not trusted markup', () => {
    const out = html`<p title="${evil}">${evil}</p>${[evil, trusted('<b>ok</b>')]}${null}${undefined}${false}${3}`.value;
    expect(out).not.toContain('<img');
    expect(out).not.toContain('"\'');
    expect(out).toContain('<b>ok</b>');
    expect(out.endsWith('3')).toBe(true);
  });

  it('embeds JSON that cannot close the script element', () => {
    const out = jsonForScript({ name: '</script><script>alert(1)</script>', sep: '\u2028' }).value;
    expect(out).not.toContain('</script');
    expect(out).not.toContain('\u2028');
    expect(JSON.parse(out)).toEqual({ name: '</script><script>alert(1)</script>', sep: '\u2028' });
  });

  it('renders phone links with escaped number and ids', () => {
    const out = phoneLink({ value: '+1 "555" <b>', label: 'work', primary: true }, 5, 9).value;
    expect(out).toContain('data-phone="+1 &quot;555&quot; &lt;b&gt;"');
    expect(out).toContain('data-person-id="5"');
    expect(out).toContain('data-deal-id="9"');
    expect(out).toContain('href="tel:+1555"');
  });
});

describe('the floating window host markup', () => {
  const config = { frameId: 'f1', frameSrc: 'http://localhost:3000/?id=f1', frameOrigin: 'http://localhost:3000', appName: 'Caller', userId: 1, companyId: 2, theme: 'light' as const, initTimeoutMs: 10_000 };
  const user = { id: 1, name: 'Alice Admin' } as unknown as SandboxUser;

  it('grants the app frame the microphone and autoplay, as a host of a softphone must', () => {
    const page = layout({ title: 'Persons', path: '/persons', companyName: 'Acme', user, users: [user], config, body: html`` }).value;
    const frame = /<iframe id="floating-window-frame"[^>]*>/.exec(page)?.[0] ?? '';
    const allowed = (/allow="([^"]*)"/.exec(frame)?.[1] ?? '').split(';').map((item) => item.trim());
    expect(allowed).toEqual(expect.arrayContaining(['microphone', 'autoplay']));
    expect(allowed).not.toContain('camera');
  });
});
