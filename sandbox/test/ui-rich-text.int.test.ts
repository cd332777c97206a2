import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InMemoryStore } from '../src/store/in-memory-store';
import { startUiHost, type UiHost } from './ui-test-host';

// A person's page shows call-log and note HTML formatted (as Pipedrive does), not as literal tags.

let host: UiHost;

beforeAll(async () => {
  host = await startUiHost({ windowUrl: 'http://localhost:9/window', callbackUrl: 'http://localhost:9/api/auth/callback' });
});

afterAll(async () => {
  await host?.close();
});

describe('person page: notes and call logs as formatted text', () => {
  it('renders the stored HTML sanitised, with the typed text intact', async () => {
    // The API's write path is tested elsewhere; here the records are stored directly.
    const store = host.ctx.store as unknown as InMemoryStore;
    const person = store.listPersons({ limit: 1 }).items[0];
    const user = store.listUsers()[0];
    if (!person || !user) throw new Error('the seed has no person or user');
    const typed = '<p>Budget &lt; 5k &amp; decision in Q3<br>Call back Monday</p><script>alert(1)</script>';
    store.addCallLog({ outcome: 'connected', to_phone_number: '+14155550100', start_time: '2026-03-14 09:30:00', end_time: '2026-03-14 09:31:00', person_id: person.id, subject: 'Inbound call', note: typed }, user.id);
    store.addNote({ content: typed, person_id: person.id }, user.id);

    const page = await (await fetch(`${host.url}/persons/${person.id}`, { headers: { cookie: `sandbox_user=${user.id}` } })).text();
    const shown = '<p>Budget &lt; 5k &amp; decision in Q3<br>Call back Monday</p>';
    expect(page.split(shown).length - 1).toBeGreaterThanOrEqual(2);
    expect(page).not.toContain('&lt;p&gt;Budget');
    expect(page).not.toContain('&lt;br&gt;');
    expect(page).not.toContain('alert(1)');
  });
});
