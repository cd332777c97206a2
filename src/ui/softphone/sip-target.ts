/**
 * Where a dialled number goes: `sip:<number>@<domain>`, the number as typed with its digits and a
 * leading `+` kept (so "+372 5999 8877" and "(415) 555-0134" dial what the agent meant, and a
 * short extension such as 9000 stays an extension). Anything that is not a phone number (a SIP
 * user name) is kept as written, escaped for the URI.
 */
export function sipUserPart(typed: string): string {
  const trimmed = typed.trim();
  if (/^\+?[\d\s().-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, '');
    return trimmed.startsWith('+') ? `+${digits}` : digits;
  }
  return encodeURIComponent(trimmed);
}

export function sipTargetUri(typed: string, domain: string): string {
  return `sip:${sipUserPart(typed)}@${domain}`;
}
