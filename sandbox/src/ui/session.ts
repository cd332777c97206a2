import type { IncomingMessage } from 'node:http';
import type { SandboxContext, SandboxUser } from '../context';
import { parseCookies } from './http';

/** Cookie naming the sandbox user the browser acts as (the user switcher sets it). */
export const USER_COOKIE = 'sandbox_user';

export type Theme = 'light' | 'dark';

/** Host-side user settings live in memory beside the context, like Pipedrive's own preferences. */
const themes = new WeakMap<SandboxContext, Map<number, Theme>>();

export function currentUser(ctx: SandboxContext, req: IncomingMessage): SandboxUser {
  const users = ctx.store.listUsers();
  const raw = parseCookies(req.headers.cookie).get(USER_COOKIE);
  const wanted = raw !== undefined && /^[0-9]+$/.test(raw) ? Number(raw) : undefined;
  const chosen = (wanted === undefined ? undefined : ctx.store.getUser(wanted)) ?? users[0];
  if (!chosen) throw new Error('The sandbox store has no users');
  return chosen;
}

export function userCookie(userId: number): string {
  return `${USER_COOKIE}=${userId}; Path=/; SameSite=Lax; HttpOnly`;
}

export function themeOf(ctx: SandboxContext, userId: number): Theme {
  return themes.get(ctx)?.get(userId) ?? 'light';
}

export function setTheme(ctx: SandboxContext, userId: number, theme: Theme): void {
  let perUser = themes.get(ctx);
  if (!perUser) {
    perUser = new Map();
    themes.set(ctx, perUser);
  }
  perUser.set(userId, theme);
}
