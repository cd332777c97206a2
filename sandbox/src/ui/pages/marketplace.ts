import { installUrl } from '../floating-window';
import { html } from '../html';
import { renderPage, type PageRequest } from './render';

export async function marketplacePage(page: PageRequest): Promise<void> {
  const { ctx, user } = page;
  const app = ctx.options.app;
  const installed = ctx.isAppInstalled(user.id);
  const notice = page.url.searchParams.get('uninstalled') === '1' ? html`<p class="notice" role="status">${app.name} was uninstalled.</p>` : html``;
  const body = html`<h1>Marketplace</h1>
${notice}
<article class="app-card" aria-label="${app.name}" data-installed="${installed ? 'true' : 'false'}">
  <h2>${app.name}</h2>
  <p>Caller integration shown as a floating window. Served from <code>${new URL(app.floatingWindowUrl).origin}</code>.</p>
  <p class="install-state">${installed ? `Installed for ${user.name}` : `Not installed for ${user.name}`}</p>
  ${
    installed
      ? html`<form method="post" action="/ui/marketplace/uninstall"><button type="submit">Uninstall</button></form>`
      : html`<a class="button" href="${installUrl(app.floatingWindowUrl)}" target="_top" data-full-reload>Install</a>`
  }
</article>`;
  await renderPage(page, 'Marketplace', body);
}
