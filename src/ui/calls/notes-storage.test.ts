import { describe, expect, it } from 'vitest';
import { clearNotes, loadNotes, notesKey, saveNotes, type NotesStorage } from './notes-storage';

function memoryStorage(): NotesStorage & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const broken: NotesStorage = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('notes storage', () => {
  it('keeps notes per call id and gives them back after a reload', () => {
    const storage = memoryStorage();
    saveNotes(storage, 'a', 'Call back Friday');
    saveNotes(storage, 'b', 'Other call');
    expect(loadNotes(storage, 'a')).toBe('Call back Friday');
    expect(storage.data.get(notesKey('b'))).toBe('Other call');
  });

  it('removes the key when notes are emptied or cleared', () => {
    const storage = memoryStorage();
    saveNotes(storage, 'a', 'x');
    saveNotes(storage, 'a', '');
    expect(storage.data.size).toBe(0);
    saveNotes(storage, 'a', 'y');
    clearNotes(storage, 'a');
    expect(loadNotes(storage, 'a')).toBe('');
  });

  it('does nothing without a call id or storage, and survives a storage that throws', () => {
    const storage = memoryStorage();
    saveNotes(storage, null, 'typed while placing');
    expect(storage.data.size).toBe(0);
    expect(loadNotes(null, 'a')).toBe('');
    expect(() => saveNotes(broken, 'a', 'x')).not.toThrow();
    expect(loadNotes(broken, 'a')).toBe('');
  });
});
