import { describe, expect, it } from 'vitest';
import { buildReloadUrl } from './reload';

describe('buildReloadUrl', () => {
  it('replaces the expired iframe token and keeps the other parameters', () => {
    const url = new URL(buildReloadUrl('https://app.example/?id=abc&token=old&theme=dark', 'fresh'));
    expect(url.searchParams.get('token')).toBe('fresh');
    expect(url.searchParams.get('id')).toBe('abc');
    expect(url.searchParams.get('theme')).toBe('dark');
  });

  it('keeps the URL when no token could be had', () => {
    expect(buildReloadUrl('https://app.example/?id=abc&token=old', null)).toBe('https://app.example/?id=abc&token=old');
  });
});
