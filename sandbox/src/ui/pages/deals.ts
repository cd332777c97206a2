import { z } from 'zod';
import { html } from '../html';
import { activityList, dealTable, money, noteList, phoneList } from './components';
import { renderNotFound, renderPage, userName, type PageRequest } from './render';

const PAGE_SIZE = 50;

const listQuery = z.object({
  status: z.enum(['open', 'won', 'lost']).optional(),
  page: z.coerce.number().int().min(1).max(10_000).optional(),
});

export async function dealsPage(page: PageRequest): Promise<void> {
  const parsed = listQuery.safeParse(Object.fromEntries(page.url.searchParams));
  const query = parsed.success ? parsed.data : {};
  const pageNumber = query.page ?? 1;
  const all = page.ctx.store.listDeals(query.status ? { status: query.status } : {});
  const shown = all.slice((pageNumber - 1) * PAGE_SIZE, pageNumber * PAGE_SIZE);
  const statusParam = query.status ? `status=${query.status}&` : '';
  const body = html`<h1>Deals</h1>
<nav class="filters" aria-label="Deal status">
  <a href="/deals">All</a> <a href="/deals?status=open">Open</a> <a href="/deals?status=won">Won</a> <a href="/deals?status=lost">Lost</a>
</nav>
${dealTable(shown)}
<nav class="pager" aria-label="Pagination">
  ${pageNumber > 1 ? html`<a href="/deals?${statusParam}page=${pageNumber - 1}">Previous page</a>` : html``}
  ${all.length > pageNumber * PAGE_SIZE ? html`<a href="/deals?${statusParam}page=${pageNumber + 1}" rel="next">Next page</a>` : html``}
</nav>`;
  await renderPage(page, 'Deals', body);
}

export async function dealDetailPage(page: PageRequest, dealId: number): Promise<void> {
  const { store } = page.ctx;
  const deal = store.getDeal(dealId);
  if (!deal || deal.is_deleted) return renderNotFound(page, `Deal ${dealId}`);
  const person = deal.person_id === null ? undefined : store.getPerson(deal.person_id);
  const org = deal.org_id === null ? undefined : store.getOrganization(deal.org_id);
  const body = html`<article class="detail" data-deal-id="${deal.id}">
<h1>${deal.title}</h1>
<dl>
  <dt>Value</dt><dd>${money(deal.value, deal.currency)}</dd>
  <dt>Status</dt><dd>${deal.status}</dd>
  <dt>Owner</dt><dd>${userName(page, deal.owner_id)}</dd>
  <dt>Person</dt><dd>${person ? html`<a href="/persons/${person.id}">${person.name}</a>` : '—'}</dd>
  <dt>Organization</dt><dd>${org ? org.name : '—'}</dd>
</dl>
${person ? html`<section aria-label="Phone numbers"><h2>Call ${person.name}</h2>${phoneList(person.phones, person.id, deal.id)}</section>` : html``}
<section aria-label="Activities"><h2>Activities</h2>${activityList(store.listActivities({ dealId }))}</section>
<section aria-label="Notes"><h2>Notes</h2>${noteList(store.listNotes({ dealId }))}</section>
</article>`;
  await renderPage(page, deal.title, body);
}
