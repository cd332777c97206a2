import { z } from 'zod';
import { html } from '../html';
import { activityList, callLogList, dealTable, noteList, phoneLink, phoneList } from './components';
import { renderNotFound, renderPage, userName, type PageRequest } from './render';

const PAGE_SIZE = 20;

const listQuery = z.object({ cursor: z.string().min(1).max(200).optional() });

export async function personsPage(page: PageRequest): Promise<void> {
  const parsed = listQuery.safeParse(Object.fromEntries(page.url.searchParams));
  const cursor = parsed.success ? parsed.data.cursor : undefined;
  const { store } = page.ctx;
  let result;
  try {
    result = store.listPersons({ cursor, limit: PAGE_SIZE });
  } catch {
    // A stale or forged cursor: start over rather than failing the page.
    result = store.listPersons({ limit: PAGE_SIZE });
  }
  const rows = result.items.map((person) => {
    const primary = person.phones.find((phone) => phone.primary) ?? person.phones[0];
    const org = person.org_id === null ? undefined : store.getOrganization(person.org_id);
    return html`<tr data-person-id="${person.id}">
      <td><a href="/persons/${person.id}">${person.name}</a></td>
      <td>${org ? html`${org.name}` : html`<span class="muted">—</span>`}</td>
      <td>${primary ? phoneLink(primary, person.id) : html`<span class="muted">—</span>`}</td>
      <td>${userName(page, person.owner_id)}</td>
    </tr>`;
  });
  const next = result.nextCursor;
  const body = html`<h1>Contacts</h1>
<table class="list" aria-label="Persons">
  <thead><tr><th>Name</th><th>Organization</th><th>Phone</th><th>Owner</th></tr></thead>
  <tbody>${rows}</tbody>
</table>
<nav class="pager" aria-label="Pagination">
  ${cursor ? html`<a href="/persons">First page</a>` : html``}
  ${next ? html`<a href="/persons?cursor=${encodeURIComponent(next)}" rel="next">Next page</a>` : html``}
</nav>`;
  await renderPage(page, 'Contacts', body);
}

export async function personDetailPage(page: PageRequest, personId: number): Promise<void> {
  const { store } = page.ctx;
  const person = store.getPerson(personId);
  if (!person || person.is_deleted) return renderNotFound(page, `Person ${personId}`);
  const org = person.org_id === null ? undefined : store.getOrganization(person.org_id);
  const deals = store.listDeals({ personId });
  const calls = store.listCallLogs().filter((log) => log.person_id === personId);
  const body = html`<article class="detail" data-person-id="${person.id}">
<h1>${person.name}</h1>
<dl>
  <dt>Organization</dt><dd>${org ? org.name : '—'}</dd>
  <dt>Owner</dt><dd>${userName(page, person.owner_id)}</dd>
  <dt>Email</dt><dd>${person.emails.map((email) => email.value).join(', ') || '—'}</dd>
</dl>
<section aria-label="Phone numbers"><h2>Phone</h2>${phoneList(person.phones, person.id)}</section>
<section aria-label="Deals"><h2>Deals</h2>${dealTable(deals)}</section>
<section aria-label="Activities"><h2>Activities</h2>${activityList(store.listActivities({ personId }))}</section>
<section aria-label="Call logs"><h2>Calls</h2>${callLogList(calls, (id) => store.getRecording(id) !== undefined)}</section>
<section aria-label="Notes"><h2>Notes</h2>${noteList(store.listNotes({ personId }))}</section>
</article>`;
  await renderPage(page, person.name, body);
}
