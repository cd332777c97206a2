import { describe, expect, it } from 'vitest';
import { phoneClickStorageKey, readPhoneClickMode, writePhoneClickMode } from './phone-click-mode';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value) };
}

describe('phone click mode', () => {
  const key = phoneClickStorageKey(7, 42);

  it('asks first unless this user chose to dial at once', () => {
    expect(readPhoneClickMode(memoryStorage(), key)).toBe('ask');
    expect(readPhoneClickMode(memoryStorage({ [key]: 'dial' }), key)).toBe('dial');
    expect(readPhoneClickMode(memoryStorage({ [phoneClickStorageKey(7, 43)]: 'dial' }), key)).toBe('ask');
    expect(readPhoneClickMode(memoryStorage({ [key]: 'sometimes' }), key)).toBe('ask');
    expect(readPhoneClickMode(null, key)).toBe('ask');
  });

  it('keeps the choice for the next window', () => {
    const storage = memoryStorage();
    writePhoneClickMode(storage, key, 'dial');
    expect(readPhoneClickMode(storage, key)).toBe('dial');
    writePhoneClickMode(storage, key, 'ask');
    expect(readPhoneClickMode(storage, key)).toBe('ask');
  });

  it('falls back to asking first when storage is blocked', () => {
    const blocked = {
      getItem: (): string | null => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    expect(() => writePhoneClickMode(blocked, key, 'dial')).not.toThrow();
    expect(readPhoneClickMode(blocked, key)).toBe('ask');
  });
});
