import { randomUUID } from 'node:crypto';
import type { SandboxContext, SandboxUser } from '../context';
import type { Theme } from './session';
import { iframeTokenSecret, signIframeToken } from './token';

/** Pipedrive does not show a floating window whose SDK did not initialize within 10 s. */
export const INIT_TIMEOUT_MS = 10_000;

/** What the host script needs, embedded in every page as JSON. */
export interface HostConfig {
  /** Runtime id of this floating-window instance; the SDK echoes it in every message. */
  frameId: string;
  /** Null when the current user has not installed the app (no iframe then, as in Pipedrive). */
  frameSrc: string | null;
  frameOrigin: string | null;
  appName: string;
  userId: number;
  companyId: number;
  theme: Theme;
  initTimeoutMs: number;
}

export interface FrameParams {
  id: string;
  userId: number;
  companyId: number;
  token: string;
  theme: Theme;
}

/** The iframe URL: the registered floating-window URL plus Pipedrive's query parameters. */
export function frameUrl(floatingWindowUrl: string, params: FrameParams): string {
  const url = new URL(floatingWindowUrl);
  url.searchParams.set('id', params.id);
  url.searchParams.set('userId', String(params.userId));
  url.searchParams.set('companyId', String(params.companyId));
  url.searchParams.set('token', params.token);
  url.searchParams.set('theme', params.theme);
  return url.toString();
}

/** Where Marketplace's "Install" sends the browser: the app's own login route, top-level. */
export function installUrl(floatingWindowUrl: string): string {
  return `${new URL(floatingWindowUrl).origin}/api/auth/login`;
}

export async function buildHostConfig(ctx: SandboxContext, user: SandboxUser, theme: Theme): Promise<HostConfig> {
  const app = ctx.options.app;
  const companyId = ctx.store.company.id;
  const frameId = randomUUID();
  const installed = ctx.isAppInstalled(user.id);
  let frameSrc: string | null = null;
  if (installed) {
    const token = await signIframeToken({ userId: user.id, companyId, secret: iframeTokenSecret(app) });
    frameSrc = frameUrl(app.floatingWindowUrl, { id: frameId, userId: user.id, companyId, token, theme });
  }
  return {
    frameId,
    frameSrc,
    frameOrigin: installed ? new URL(app.floatingWindowUrl).origin : null,
    appName: app.name,
    userId: user.id,
    companyId,
    theme,
    initTimeoutMs: INIT_TIMEOUT_MS,
  };
}
