/**
 * The Telephony group's rules as the browser can check them. They mirror the server's
 * (src/adapters/telephony/sip/sip-server.schema.ts), which the window may not import; the server
 * checks everything again and its answer is shown next to the fields (`fieldErrorsOf`).
 */

const PROVIDER_LABELS: Record<string, string> = {
  mock: 'Simulated calls (mock)',
  sip: 'SIP (your PBX)',
  twilio: 'Twilio',
};

/** A provider's name in the select; one this window does not know shows as the server names it. */
export function providerLabel(provider: string): string {
  return PROVIDER_LABELS[provider] ?? provider;
}

// Plain ws:// never leaves the machine on these: the phone lab and local tests use them.
const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Why a typed SIP WebSocket URL would be refused, or null when it is fine ('' = default). */
export function sipWebSocketUrlProblem(typed: string): string | null {
  const value = typed.trim();
  if (value === '') return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'Enter a full address starting with wss://, e.g. wss://pbx.example.com:8089/ws.';
  }
  if (url.username !== '' || url.password !== '') return 'Leave the user name and password out of the address: each agent saves their own SIP account.';
  if (url.protocol === 'wss:') return null;
  if (url.protocol === 'ws:' && LOOPBACK_HOSTS.has(url.hostname)) return null;
  if (url.protocol === 'ws:') return 'Use wss://: plain ws:// is allowed only on localhost, 127.0.0.1 or [::1].';
  return 'The address must start with wss://.';
}

const HOST_WITH_OPTIONAL_PORT =
  /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*)(:\d{1,5})?$/;

/** Why a typed SIP domain would be refused, or null when it is fine ('' = default). */
export function sipDomainProblem(typed: string): string | null {
  const value = typed.trim();
  if (value === '') return null;
  if (value.length > 253 || !HOST_WITH_OPTIONAL_PORT.test(value)) return 'Enter a host name or IP address only, e.g. sip.example.com (no sip: or user@).';
  return null;
}

/** The fields a save can be refused for, each shown next to its input. */
export type SettingsField = 'defaultRegion' | 'companyPhoneNumber' | 'ringTimeoutSeconds' | 'telephonyProvider' | 'sipWebSocketUrl' | 'sipDomain';
export type SettingsFieldErrors = Partial<Record<SettingsField, string>>;

const FIELDS: readonly SettingsField[] = ['defaultRegion', 'companyPhoneNumber', 'ringTimeoutSeconds', 'telephonyProvider', 'sipWebSocketUrl', 'sipDomain'];
const isField = (name: string): name is SettingsField => (FIELDS as readonly string[]).includes(name);

const sentence = (text: string) => {
  const trimmed = text.trim();
  const capitalized = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capitalized) ? capitalized : `${capitalized}.`;
};

/**
 * The field errors in a 400 INVALID_REQUEST message ("sipDomain: must be …; sipWebSocketUrl: …",
 * see src/server/http/parse.ts); what names no field of the form stays in `rest`.
 */
export function fieldErrorsOf(message: string): { fieldErrors: SettingsFieldErrors; rest: string[] } {
  const fieldErrors: SettingsFieldErrors = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const match = /^([A-Za-z]+): (.+)$/s.exec(part);
    const field = match?.[1];
    if (match && field && isField(field)) fieldErrors[field] ??= sentence(match[2] ?? '');
    else if (part.trim() !== '') rest.push(part);
  }
  return { fieldErrors, rest };
}
