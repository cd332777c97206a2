/** Pure helpers for showing a contact; names are untrusted text and stay text. */
import { primaryPhone, type Contact } from '@/ui/api-types';

/** The accessible name of a contact row: exactly "Call <name>" (a contract with tests and users). */
export function callLabel(name: string): string {
  const shown = name.trim();
  return `Call ${shown === '' ? 'unnamed contact' : shown}`;
}

/** Up to two initials from the first letter or digit of the first and last words. */
export function initialsOf(name: string): string {
  const words = name
    .trim()
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  if (words.length === 0) return '?';
  const first = words[0] ?? '';
  const last = words.length > 1 ? (words[words.length - 1] ?? '') : '';
  return (first + last).toLocaleUpperCase();
}

/** Only plain web images: no `javascript:`/`data:` or other schemes from upstream data. */
export function safeImageUrl(url: string | null): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** "+1 415 555 0134 · mobile · Acme Inc." */
export function contactDetails(contact: Contact, formatPhone: (raw: string) => string = (raw) => raw): string {
  const phone = primaryPhone(contact);
  const parts = [phone ? formatPhone(phone.value) : undefined, phone?.label, contact.organizationName].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.join(' · ');
}
