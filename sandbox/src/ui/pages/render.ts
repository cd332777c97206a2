import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext, SandboxUser } from '../../context';
import { buildHostConfig } from '../floating-window';
import { html, type SafeHtml } from '../html';
import { sendHtml } from '../http';
import { layout } from '../layout';
import { currentUser, themeOf } from '../session';

/** Per-request state every page needs. */
export interface PageRequest {
  ctx: SandboxContext;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  user: SandboxUser;
}

export function pageRequest(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, url: URL): PageRequest {
  return { ctx, req, res, url, user: currentUser(ctx, req) };
}

export async function renderPage(page: PageRequest, title: string, body: SafeHtml, status = 200): Promise<void> {
  const { ctx, user } = page;
  const config = await buildHostConfig(ctx, user, themeOf(ctx, user.id));
  sendHtml(
    page.res,
    status,
    layout({
      title,
      path: page.url.pathname + page.url.search,
      companyName: ctx.store.company.name,
      user,
      users: ctx.store.listUsers(),
      config,
      body,
    }),
  );
}

export function renderNotFound(page: PageRequest, what: string): Promise<void> {
  return renderPage(
    page,
    'Not found',
    html`<h1>Not found</h1><p>${what} does not exist in this sandbox.</p><p><a href="/persons">Back to contacts</a></p>`,
    404,
  );
}

export function userName(page: PageRequest, userId: number): string {
  return page.ctx.store.getUser(userId)?.name ?? `User ${userId}`;
}
