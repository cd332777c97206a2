import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { readBody } from '../http/body';
import { jsonResult, type HttpResult } from '../http/result';
import type { SandboxRuntime } from '../runtime';

/**
 * Test-only routes under /__sandbox/ (enabled with `testControls`). They never mix with emulated
 * Pipedrive routes and answer plain JSON `{ success, data }` / `{ success: false, error }`.
 */
const faultBody = z.strictObject({
  kind: z.enum(['error', 'rate_limit', 'latency', 'drop_after_write', 'slow_after_write', 'error_page_after_write']),
  method: z.string().default('*'),
  path: z.string().startsWith('/'),
  count: z.number().int().positive().default(1),
  status: z.number().int().min(500).max(599).optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
});

const configBody = z.strictObject({
  accessTokenTtlSeconds: z.number().int().positive().optional(),
  rotateRefreshTokens: z.boolean().optional(),
  latencyMs: z.number().int().min(0).max(120_000).optional(),
  rateLimits: z
    .strictObject({
      burstLimit: z.number().int().positive().optional(),
      searchBurstLimit: z.number().int().positive().optional(),
      windowMs: z.number().int().positive().optional(),
      dailyTokenBudget: z.number().int().nonnegative().nullable().optional(),
    })
    .optional(),
});

const revokeBody = z.strictObject({ userId: z.number().int().positive(), notify: z.boolean().default(false) });
const expireBody = z.strictObject({ userId: z.number().int().positive().optional() });
const clockBody = z.strictObject({ advanceMs: z.number().int().min(0) });

const ok = (data: unknown = null): HttpResult => jsonResult(200, { success: true, data });
const fail = (status: number, error: string): HttpResult => jsonResult(status, { success: false, error });

async function parse<T>(req: IncomingMessage, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; result: HttpResult }> {
  const text = await readBody(req);
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : {};
  } catch {
    return { ok: false, result: fail(400, 'Invalid JSON') };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, result: fail(400, `${issue.path.join('.') || 'body'}: ${issue.message}`) };
  }
  return { ok: true, value: parsed.data };
}

function state(runtime: SandboxRuntime, url: URL): HttpResult {
  const include = (url.searchParams.get('include') ?? 'activities,callLogs,notes,installs').split(',');
  const { store } = runtime;
  const data: Record<string, unknown> = {};
  if (include.includes('persons')) data.persons = store.listPersons({ limit: Number.MAX_SAFE_INTEGER }).items;
  if (include.includes('activities')) data.activities = store.listActivities();
  if (include.includes('callLogs')) data.callLogs = store.listCallLogs();
  if (include.includes('notes')) data.notes = store.listNotes();
  if (include.includes('installs')) data.installs = store.listUsers().filter((u) => runtime.grants.hasLiveGrant(u.id)).map((u) => u.id);
  if (include.includes('faults')) data.faults = runtime.faults.list();
  if (include.includes('settings')) data.settings = runtime.settings;
  return ok(data);
}

/** A call log's recording as the app uploaded it, base64 in JSON (the control routes answer JSON). */
function recordingOf(runtime: SandboxRuntime, callLogId: string): HttpResult {
  const recording = runtime.store.getRecording(callLogId);
  if (!recording) return fail(404, 'No recording kept for this call log (recordings live in memory only)');
  const { bytes, ...rest } = recording;
  return ok({ ...rest, size: bytes.byteLength, base64: Buffer.from(bytes).toString('base64') });
}

const RECORDING_PATH = /^\/__sandbox\/call-logs\/([^/]+)\/recording$/;

export async function handleControl(runtime: SandboxRuntime, req: IncomingMessage, url: URL): Promise<HttpResult> {
  const recordingPath = RECORDING_PATH.exec(url.pathname);
  if (req.method === 'GET' && recordingPath) return recordingOf(runtime, decodeURIComponent(recordingPath[1]!));
  const route = `${req.method} ${url.pathname.replace(/\/$/, '')}`;
  switch (route) {
    case 'POST /__sandbox/reset':
      runtime.reset();
      // Saved before answering, so a restart right after a reset finds the reseeded data.
      await runtime.saveState();
      return ok();
    case 'GET /__sandbox/state':
      return state(runtime, url);
    case 'GET /__sandbox/faults':
      return ok(runtime.faults.list());
    case 'DELETE /__sandbox/faults':
      runtime.faults.clear();
      return ok();
    case 'POST /__sandbox/faults': {
      const body = await parse(req, faultBody);
      if (!body.ok) return body.result;
      const { count, ...rest } = body.value;
      if ((rest.kind === 'latency' || rest.kind === 'slow_after_write') && rest.latencyMs === undefined) return fail(400, `latencyMs: required for ${rest.kind} faults`);
      return ok(runtime.faults.add({ ...rest, remaining: count }));
    }
    case 'POST /__sandbox/config': {
      const body = await parse(req, configBody);
      if (!body.ok) return body.result;
      const { rateLimits, ...rest } = body.value;
      const s = runtime.settings;
      if (rest.accessTokenTtlSeconds !== undefined) s.accessTokenTtlSeconds = rest.accessTokenTtlSeconds;
      if (rest.rotateRefreshTokens !== undefined) s.rotateRefreshTokens = rest.rotateRefreshTokens;
      if (rest.latencyMs !== undefined) s.latencyMs = rest.latencyMs;
      if (rateLimits) Object.assign(s.rateLimits, Object.fromEntries(Object.entries(rateLimits).filter(([, v]) => v !== undefined)));
      runtime.options.accessTokenTtlSeconds = s.accessTokenTtlSeconds;
      runtime.options.rotateRefreshTokens = s.rotateRefreshTokens;
      runtime.options.latencyMs = s.latencyMs;
      return ok(s);
    }
    case 'POST /__sandbox/revoke': {
      const body = await parse(req, revokeBody);
      if (!body.ok) return body.result;
      if (body.value.notify) await runtime.uninstallApp({ userId: body.value.userId });
      else runtime.grants.revokeUser(body.value.userId);
      return ok();
    }
    case 'POST /__sandbox/expire-tokens': {
      const body = await parse(req, expireBody);
      if (!body.ok) return body.result;
      runtime.grants.expireAccessTokens(body.value.userId);
      return ok();
    }
    case 'POST /__sandbox/clock': {
      const body = await parse(req, clockBody);
      if (!body.ok) return body.result;
      runtime.advanceClock(body.value.advanceMs);
      return ok({ now: new Date(runtime.clock.now()).toISOString() });
    }
    default:
      return fail(404, 'Unknown sandbox control route');
  }
}
