import { describe, expect, it } from 'vitest';
import { parseThemeMessage, parseVisibilityContext, parseVisibilityMessage } from './sdk-messages';

describe('parseVisibilityMessage', () => {
  it('reads the documented shape from the port message', () => {
    expect(parseVisibilityMessage({ data: { is_visible: true, context: { invoker: 'user' } } })).toEqual({
      isVisible: true,
      context: { invoker: 'user', number: null, personId: null, dealId: null, organizationId: null, raw: { invoker: 'user' } },
    });
    expect(parseVisibilityMessage({ data: { is_visible: false } })).toEqual({ isVisible: false, context: null });
  });

  it('reads the phone-click keys we expect but cannot confirm', () => {
    const change = parseVisibilityMessage({
      data: { is_visible: true, context: { invoker: 'user', number: ' +14155550134 ', person_id: '42', deal_id: 7 } },
    });
    expect(change?.context).toMatchObject({ number: '+14155550134', personId: 42, dealId: 7, organizationId: null });
  });

  it('accepts alternative spellings and nested entities', () => {
    expect(parseVisibilityContext({ phone: 3725551234, personId: 9, organization: { id: 5 } })).toMatchObject({
      number: '3725551234',
      personId: 9,
      organizationId: 5,
      invoker: null,
    });
  });

  it('ignores unusable values instead of throwing', () => {
    expect(parseVisibilityContext({ number: '', person_id: -3, deal_id: 'abc', invoker: 'robot' })).toMatchObject({
      number: null,
      personId: null,
      dealId: null,
      invoker: null,
    });
    expect(parseVisibilityContext('nope')).toBeNull();
    expect(parseVisibilityMessage({ error: 'boom' })).toBeNull();
    expect(parseVisibilityMessage({ data: { is_visible: 'yes' } })).toBeNull();
    expect(parseVisibilityMessage(null)).toBeNull();
  });

  it('tolerates a host that posts the payload unwrapped', () => {
    expect(parseVisibilityMessage({ is_visible: true })).toEqual({ isVisible: true, context: null });
  });
});

describe('parseThemeMessage', () => {
  it('reads data.theme from the whole message the SDK hands over', () => {
    expect(parseThemeMessage({ data: { theme: 'dark' } })).toBe('dark');
    expect(parseThemeMessage({ data: { theme: 'light' } })).toBe('light');
    expect(parseThemeMessage({ theme: 'dark' })).toBe('dark');
  });

  it('ignores unknown themes and errors', () => {
    expect(parseThemeMessage({ data: { theme: 'sepia' } })).toBeNull();
    expect(parseThemeMessage({ error: 'x', data: { theme: 'dark' } })).toBeNull();
    expect(parseThemeMessage(undefined)).toBeNull();
  });
});
