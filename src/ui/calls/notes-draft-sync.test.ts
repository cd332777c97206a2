import { describe, expect, it, vi } from 'vitest';
import { createNotesDraftSync, type DraftTimers } from './notes-draft-sync';
import { clockOffsetMs, notesAfterServerDraft, readNotesDraftEvent, readResumedDraft } from './server-notes-draft';

function manualTimers() {
  const queue = new Map<number, () => void>();
  let next = 1;
  const timers: DraftTimers = {
    setTimeout: (run) => {
      queue.set(next, run);
      return next++;
    },
    clearTimeout: (handle) => queue.delete(handle as number),
  };
  const fire = async () => {
    const runs = [...queue.values()];
    queue.clear();
    runs.forEach((run) => run());
    await Promise.resolve();
    await Promise.resolve();
  };
  return { timers, fire, pending: () => queue.size };
}

describe('notes draft sync', () => {
  it('saves once per pause, the last text typed', async () => {
    const save = vi.fn(async () => undefined);
    const { timers, fire } = manualTimers();
    const sync = createNotesDraftSync({ save, timers });
    sync.typed('call-1', 'W');
    sync.typed('call-1', 'Wa');
    sync.typed('call-1', 'Wants a quote');
    await fire();
    expect(save.mock.calls).toEqual([['call-1', 'Wants a quote']]);
    sync.typed('call-1', 'Wants a quote');
    await fire();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the server’s draft after a reload or from another tab, and does not send it back', async () => {
    const save = vi.fn(async () => undefined);
    const { timers, pending } = manualTimers();
    const sync = createNotesDraftSync({ save, timers });
    const shown = sync.received('typed in the other tab', '');
    expect(shown).toBe('typed in the other tab');
    sync.typed('call-1', shown);
    expect(pending()).toBe(0);
  });

  it('never overwrites what the agent typed here since the last save', async () => {
    const save = vi.fn(async () => undefined);
    const { timers, fire } = manualTimers();
    const sync = createNotesDraftSync({ save, timers });
    sync.typed('call-1', 'first');
    await fire();
    expect(sync.received('older draft', 'first and more')).toBe('first and more');
    expect(sync.received('newer from the other tab', 'first')).toBe('first');
  });

  it('lets the server’s draft replace the text a reload got back from sessionStorage', () => {
    const sync = createNotesDraftSync({ save: vi.fn(async () => undefined), timers: manualTimers().timers });
    sync.reset('older text kept in this tab');
    expect(sync.received('newer text from the other tab', 'older text kept in this tab')).toBe('newer text from the other tab');
  });

  it('retries at the next pause when a save failed', async () => {
    const save = vi.fn(async () => {
      throw new Error('offline');
    });
    const { timers, fire } = manualTimers();
    const sync = createNotesDraftSync({ save, timers });
    sync.typed('call-1', 'abc');
    await fire();
    sync.typed('call-1', 'abc');
    await fire();
    expect(save).toHaveBeenCalledTimes(2);
  });
});

describe('server notes draft payloads and clock', () => {
  it('reads drafts, refusing malformed ones', () => {
    expect(readNotesDraftEvent({ callId: 'c', text: 'hi', updatedAt: 5 })).toEqual({ callId: 'c', text: 'hi', updatedAt: 5 });
    expect(readNotesDraftEvent({ callId: 'c', text: 3 })).toBeNull();
    expect(readNotesDraftEvent(null)).toBeNull();
    expect(readResumedDraft({ text: 'hi', updatedAt: 5 }, 'c')).toEqual({ callId: 'c', text: 'hi', updatedAt: 5 });
    expect(readResumedDraft(null, 'c')).toBeNull();
    expect(readResumedDraft({ text: 'hi' }, null)).toBeNull();
  });

  it('measures the server clock against the middle of the request', () => {
    expect(clockOffsetMs(12_000, 9_000, 11_000)).toBe(2_000);
    expect(clockOffsetMs(undefined, 9_000, 11_000)).toBe(0);
    expect(clockOffsetMs('soon', 9_000, 11_000)).toBe(0);
  });

  it('keeps unsaved local text', () => {
    expect(notesAfterServerDraft({ shown: 'a', lastSynced: 'a', draft: 'b' })).toBe('b');
    expect(notesAfterServerDraft({ shown: 'a!', lastSynced: 'a', draft: 'b' })).toBe('a!');
  });
});
