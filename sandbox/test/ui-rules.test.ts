import { describe, expect, it } from 'vitest';
import {
  badgeText,
  DEFAULT_SIZE,
  parseNotificationCount,
  redirectPath,
  resolveInitialSize,
  resolveSize,
  SIZE_LIMITS,
} from '../src/ui/host-script/rules';

const current = { height: 500, width: 360 };

describe('floating window size', () => {
  it('has the documented limits', () => {
    expect(SIZE_LIMITS).toEqual({ minHeight: 70, maxHeight: 700, minWidth: 200, maxWidth: 800 });
    expect(resolveSize(current, {})).toEqual({ ok: false, error: expect.any(String) });
  });

  it('applies sizes inside the limits unchanged and keeps the missing dimension', () => {
    expect(resolveSize(current, { height: 70 })).toEqual({ ok: true, size: { height: 70, width: 360 } });
    expect(resolveSize(current, { width: 800 })).toEqual({ ok: true, size: { height: 500, width: 800 } });
    expect(resolveSize(current, { height: 700, width: 200 })).toEqual({ ok: true, size: { height: 700, width: 200 } });
  });

  it('clamps sizes outside the limits', () => {
    expect(resolveSize(current, { height: 69, width: 199 })).toEqual({ ok: true, size: { height: 70, width: 200 } });
    expect(resolveSize(current, { height: 701, width: 5000 })).toEqual({ ok: true, size: { height: 700, width: 800 } });
    expect(resolveSize(current, { height: -10 })).toEqual({ ok: true, size: { height: 70, width: 360 } });
  });

  it('rejects what is not a finite number', () => {
    for (const bad of [{ height: '300' }, { width: Number.NaN }, { height: Number.POSITIVE_INFINITY }, null, 5]) {
      expect(resolveSize(current, bad).ok).toBe(false);
    }
  });

  it('initialize without a size keeps the default size', () => {
    expect(resolveInitialSize(DEFAULT_SIZE, undefined)).toEqual({ ok: true, size: DEFAULT_SIZE });
    expect(resolveInitialSize(DEFAULT_SIZE, {})).toEqual({ ok: true, size: DEFAULT_SIZE });
    expect(resolveInitialSize(DEFAULT_SIZE, { size: { height: 1000 } })).toEqual({
      ok: true,
      size: { height: 700, width: DEFAULT_SIZE.width },
    });
  });
});

describe('notification badge', () => {
  it('shows nothing for 0, the number up to 9, then 9+', () => {
    expect(badgeText(0)).toBe('');
    expect(badgeText(1)).toBe('1');
    expect(badgeText(9)).toBe('9');
    expect(badgeText(10)).toBe('9+');
    expect(badgeText(250)).toBe('9+');
  });

  it('clears on a missing number and rejects negatives and fractions', () => {
    expect(parseNotificationCount(undefined)).toEqual({ ok: true, count: 0 });
    expect(parseNotificationCount({})).toEqual({ ok: true, count: 0 });
    expect(parseNotificationCount({ number: 12 })).toEqual({ ok: true, count: 12 });
    expect(parseNotificationCount({ number: -1 }).ok).toBe(false);
    expect(parseNotificationCount({ number: 1.5 }).ok).toBe(false);
  });
});

describe('redirect_to', () => {
  it('maps contacts and deals to the sandbox pages', () => {
    expect(redirectPath({ view: 'contacts', id: 12 })).toEqual({ ok: true, path: '/persons/12' });
    expect(redirectPath({ view: 'deals', id: '3' })).toEqual({ ok: true, path: '/deals/3' });
    expect(redirectPath({ view: 'deals' })).toEqual({ ok: true, path: '/deals' });
  });

  it('refuses other views and ids that are not positive integers', () => {
    expect(redirectPath({ view: 'campaigns', id: 1 }).ok).toBe(false);
    expect(redirectPath({ view: 'toString' }).ok).toBe(false);
    expect(redirectPath({ view: 'contacts', id: '../oauth' }).ok).toBe(false);
    expect(redirectPath({ view: 'contacts', id: 0 }).ok).toBe(false);
  });
});
