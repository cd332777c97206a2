/**
 * Parsing of what the Pipedrive host sends to our listeners. The SDK hands each port message over
 * whole (`{ data?, error? }`), and the keys inside a visibility `context` are not documented, so
 * everything here is read defensively: unknown shapes degrade to "no information", never a crash.
 */
import type { Theme } from '@/ui/page-props';

export type VisibilityInvoker = 'user' | 'command';

/** What we could read from a visibility context (a phone-number click may carry a number). */
export interface VisibilityContext {
  invoker: VisibilityInvoker | null;
  /** Phone number to dial, when the host passed one (click on a phone number, Call tab). */
  number: string | null;
  personId: number | null;
  dealId: number | null;
  organizationId: number | null;
  /** The context as received, for diagnostics and for keys we do not know yet. */
  raw: Readonly<Record<string, unknown>>;
}

export interface VisibilityChange {
  isVisible: boolean;
  context: VisibilityContext | null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The host's payload lives under `data`; tolerate a host that posts it unwrapped. */
function payloadOf(message: unknown): Record<string, unknown> | null {
  if (!isRecord(message)) return null;
  if (message.error) return null;
  if (isRecord(message.data)) return message.data;
  return message;
}

function firstString(record: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = record[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  }
  return null;
}

function firstId(record: Record<string, unknown>, keys: readonly string[]): number | null {
  for (const key of keys) {
    const value = record[key];
    const id = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
    if (typeof id === 'number' && Number.isSafeInteger(id) && id > 0) return id;
    // Some hosts nest the entity: { person: { id } }.
    if (isRecord(value)) {
      const nested = firstId(value, ['id']);
      if (nested !== null) return nested;
    }
  }
  return null;
}

const NUMBER_KEYS = ['number', 'phone', 'phone_number', 'phoneNumber', 'callee', 'to'] as const;
const PERSON_KEYS = ['person_id', 'personId', 'person'] as const;
const DEAL_KEYS = ['deal_id', 'dealId', 'deal'] as const;
const ORGANIZATION_KEYS = ['organization_id', 'organizationId', 'org_id', 'orgId', 'organization'] as const;

export function parseVisibilityContext(value: unknown): VisibilityContext | null {
  if (!isRecord(value)) return null;
  const invoker = value.invoker === 'user' || value.invoker === 'command' ? value.invoker : null;
  return {
    invoker,
    number: firstString(value, NUMBER_KEYS),
    personId: firstId(value, PERSON_KEYS),
    dealId: firstId(value, DEAL_KEYS),
    organizationId: firstId(value, ORGANIZATION_KEYS),
    raw: value,
  };
}

/** Reads a `visibility` event message; null when it carries an error or no visibility flag. */
export function parseVisibilityMessage(message: unknown): VisibilityChange | null {
  const payload = payloadOf(message);
  if (!payload) return null;
  const flag = payload.is_visible ?? payload.isVisible;
  if (typeof flag !== 'boolean') return null;
  return { isVisible: flag, context: parseVisibilityContext(payload.context) };
}

export function parseTheme(value: unknown): Theme | null {
  return value === 'dark' || value === 'light' ? value : null;
}

/**
 * Reads a `user_settings_change` message. The SDK stores the whole message as its userSettings
 * (a quirk), so we always look at `data.theme` ourselves.
 */
export function parseThemeMessage(message: unknown): Theme | null {
  const payload = payloadOf(message);
  return payload ? parseTheme(payload.theme) : null;
}
