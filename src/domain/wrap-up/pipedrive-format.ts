import type { EpochMillis } from '@/domain/call/call.types';

/** "2026-03-14 09:30:05": the UTC date-time format of Pipedrive's call log. */
export function formatPipedriveDateTime(at: EpochMillis): string {
  const iso = new Date(at).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

/** "2026-03-14": the UTC date format of activity due dates. */
export function formatPipedriveDate(at: EpochMillis): string {
  return new Date(at).toISOString().slice(0, 10);
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Pipedrive renders notes as HTML, so anything typed by a person is escaped first. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => HTML_ESCAPES[char] ?? char);
}

/**
 * Plain-text notes as safe HTML: blank lines separate paragraphs, single line breaks stay line
 * breaks. Empty (or whitespace-only) notes give an empty string.
 */
export function notesToHtml(notes: string): string {
  return notes
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
