import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxContext } from '../context';
import { changeTheme, createActivity, signedToken, switchUser, uninstall, type UiAction } from './actions';
import { serveAsset } from './assets';
import { CALL_RECORDING_PATH, serveCallRecording } from './call-recording-audio';
import { redirect, sendError, UiHttpError } from './http';
import { dealDetailPage, dealsPage } from './pages/deals';
import { marketplacePage } from './pages/marketplace';
import { personDetailPage, personsPage } from './pages/persons';
import { pageRequest, type PageRequest } from './pages/render';

type PageHandler = (page: PageRequest, id: number) => Promise<void>;

const PAGES: Array<{ pattern: RegExp; handler: PageHandler }> = [
  { pattern: /^\/persons\/?$/, handler: (page) => personsPage(page) },
  { pattern: /^\/persons\/([1-9][0-9]{0,9})$/, handler: personDetailPage },
  { pattern: /^\/deals\/?$/, handler: (page) => dealsPage(page) },
  { pattern: /^\/deals\/([1-9][0-9]{0,9})$/, handler: dealDetailPage },
  { pattern: /^\/marketplace\/?$/, handler: (page) => marketplacePage(page) },
];

const ACTIONS: Record<string, UiAction> = {
  '/ui/switch-user': switchUser,
  '/ui/marketplace/uninstall': uninstall,
  '/ui/actions/theme': changeTheme,
  '/ui/actions/signed-token': signedToken,
  '/ui/actions/activities': createActivity,
};

/**
 * Entry point of the sandbox's web UI host (the browser side of Pipedrive). The core server hands
 * over every request outside /oauth, /api and /__sandbox; false means "not a UI route" (→ 404).
 */
export async function handleUiRequest(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  const url = new URL(req.url ?? '/', ctx.options.baseUrl);
  const method = req.method ?? 'GET';
  try {
    if (method === 'POST') return await runAction(ctx, req, res, url.pathname);
    if (method !== 'GET' && method !== 'HEAD') return false;
    if (url.pathname === '/') {
      redirect(res, '/persons');
      return true;
    }
    if (url.pathname.startsWith('/ui/assets/')) return await serveAsset(res, url.pathname);
    const recording = CALL_RECORDING_PATH.exec(url.pathname);
    if (recording) return serveCallRecording(ctx, res, decodeURIComponent(recording[1]!));
    for (const { pattern, handler } of PAGES) {
      const match = pattern.exec(url.pathname);
      if (match) {
        await handler(pageRequest(ctx, req, res, url), Number(match[1] ?? 0));
        return true;
      }
    }
    return false;
  } catch (error) {
    if (error instanceof UiHttpError && !res.headersSent) {
      sendError(res, error);
      return true;
    }
    throw error;
  }
}

async function runAction(ctx: SandboxContext, req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
  const action = Object.hasOwn(ACTIONS, pathname) ? ACTIONS[pathname] : undefined;
  if (!action) return false;
  await action(ctx, req, res);
  return true;
}
