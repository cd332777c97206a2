import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { SandboxContext, SandboxUser } from '../context';
import { readFormAction, readJsonAction, redirect, sendJson, UiHttpError } from './http';
import { currentUser, setTheme, userCookie } from './session';
import { iframeTokenSecret, signIframeToken } from './token';

/** POST endpoints of the host page (forms and the host script's fetch calls). */
export type UiAction = (ctx: SandboxContext, req: IncomingMessage, res: ServerResponse) => Promise<void>;

function hostOrigin(ctx: SandboxContext): string {
  return new URL(ctx.options.baseUrl).origin;
}

function parse<T>(schema: z.ZodType<T>, input: unknown): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const message = result.error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    throw new UiHttpError(400, 'VALIDATION_ERROR', message);
  }
  return result.data;
}

/** Only local paths, so the switcher cannot be used as an open redirect. */
const returnPath = z
  .string()
  .max(2000)
  .regex(/^\/(?![/\\])/)
  .catch('/persons');

const switchUserForm = z.object({ userId: z.coerce.number().int().positive(), returnTo: returnPath });

export const switchUser: UiAction = async (ctx, req, res) => {
  const form = parse(switchUserForm, await readFormAction(req, hostOrigin(ctx)));
  if (!ctx.store.getUser(form.userId)) throw new UiHttpError(404, 'USER_NOT_FOUND', `No sandbox user ${form.userId}`);
  redirect(res, form.returnTo, { 'set-cookie': userCookie(form.userId) });
};

export const uninstall: UiAction = async (ctx, req, res) => {
  await readFormAction(req, hostOrigin(ctx));
  await ctx.uninstallApp({ userId: currentUser(ctx, req).id });
  redirect(res, '/marketplace?uninstalled=1');
};

/**
 * The page sends the user it was rendered for; if another tab switched the cookie to someone else
 * since, the page is stale and must reload rather than act as the wrong user.
 */
function pageUser(ctx: SandboxContext, req: IncomingMessage, userId: number): SandboxUser {
  const user = currentUser(ctx, req);
  if (user.id !== userId) {
    throw new UiHttpError(409, 'USER_SWITCHED', 'The sandbox user was switched in another tab; reload the page');
  }
  return user;
}

const themeBody = z.object({ userId: z.number().int().positive(), theme: z.enum(['light', 'dark']) });

export const changeTheme: UiAction = async (ctx, req, res) => {
  const body = parse(themeBody, await readJsonAction(req, hostOrigin(ctx)));
  const user = pageUser(ctx, req, body.userId);
  setTheme(ctx, user.id, body.theme);
  sendJson(res, 200, { theme: body.theme });
};

const userBody = z.object({ userId: z.number().int().positive() });

export const signedToken: UiAction = async (ctx, req, res) => {
  const body = parse(userBody, await readJsonAction(req, hostOrigin(ctx)));
  const user = pageUser(ctx, req, body.userId);
  if (!ctx.isAppInstalled(user.id)) throw new UiHttpError(403, 'APP_NOT_INSTALLED', 'The app is not installed for this user');
  const token = await signIframeToken({
    userId: user.id,
    companyId: ctx.store.company.id,
    secret: iframeTokenSecret(ctx.options.app),
  });
  sendJson(res, 200, { token });
};

const optionalText = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((value) => (value === undefined || value.trim() === '' ? undefined : value));

const activityBody = z.object({
  userId: z.number().int().positive(),
  subject: z.string().trim().min(1).max(255),
  type: z.enum(['call', 'meeting', 'task', 'email']).default('call'),
  dueDate: z.union([z.iso.date(), z.literal('')]).optional(),
  dueTime: z.union([z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/), z.literal('')]).optional(),
  duration: z.union([z.string().regex(/^[0-9]{2}:[0-5][0-9]$/), z.literal('')]).optional(),
  note: optionalText(100_000),
  description: optionalText(100_000),
  deal: z.number().int().positive().optional(),
  organization: z.number().int().positive().optional(),
});

/** The host's "new activity" modal saves here: a real activity in the store, owned by the page's user. */
export const createActivity: UiAction = async (ctx, req, res) => {
  const body = parse(activityBody, await readJsonAction(req, hostOrigin(ctx)));
  const user = pageUser(ctx, req, body.userId);
  const deal = body.deal === undefined ? undefined : ctx.store.getDeal(body.deal);
  if (body.deal !== undefined && !deal) throw new UiHttpError(422, 'DEAL_NOT_FOUND', `No deal ${body.deal}`);
  if (body.organization !== undefined && !ctx.store.getOrganization(body.organization)) {
    throw new UiHttpError(422, 'ORGANIZATION_NOT_FOUND', `No organization ${body.organization}`);
  }
  const activity = ctx.store.addActivity(
    {
      subject: body.subject,
      type: body.type,
      due_date: body.dueDate || null,
      due_time: body.dueTime || null,
      duration: body.duration || null,
      note: body.note ?? null,
      public_description: body.description ?? null,
      deal_id: deal?.id ?? null,
      // Pipedrive's modal fills the person from the chosen deal.
      person_id: deal?.person_id ?? null,
      org_id: body.organization ?? deal?.org_id ?? null,
    },
    user.id,
  );
  sendJson(res, 201, { id: activity.id });
};
