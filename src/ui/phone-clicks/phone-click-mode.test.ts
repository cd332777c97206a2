import { describe, expect, it } from 'vitest';
import { createPhoneClickStore, phoneClickStorageKey } from './phone-click-mode';

function memoryStorage(initial: Record<string, string> = {}) {
  const values = new Map(Object.entries(initial));
  return { getItem: (key: string) => values.get(key) ?? null, setItem: (key: string, value: string) => void values.set(key, value), values };
}

describe('phone click mode', () => {
  const key = phoneClickStorageKey(7, 42);

  it('asks first unless this user chose to dial at once', () => {
    expect(createPhoneClickStore(memoryStorage(), key).get()).toBe('ask');
    expect(createPhoneClickStore(memoryStorage({ [key]: 'dial' }), key).get()).toBe('dial');
    expect(createPhoneClickStore(memoryStorage({ [phoneClickStorageKey(7, 43)]: 'dial' }), key).get()).toBe('ask');
    expect(createPhoneClickStore(memoryStorage({ [key]: 'sometimes' }), key).get()).toBe('ask');
  });

  it('keeps the choice for the next window and tells its subscribers', () => {
    const storage = memoryStorage();
    const store = createPhoneClickStore(storage, key);
    let told = 0;
    store.subscribe(() => told++);
    store.set('dial');
    expect(store.get()).toBe('dial');
    expect(told).toBe(1);
    expect(createPhoneClickStore(storage, key).get()).toBe('dial');
  });

  it('still works in memory when storage is blocked', () => {
    const blocked = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('SecurityError');
      },
    };
    const store = createPhoneClickStore(blocked, key);
    expect(store.get()).toBe('ask');
    store.set('dial');
    expect(store.get()).toBe('dial');
  });
});
