import { describe, expect, it } from 'vitest';
import { escapeHtml, formatPipedriveDate, formatPipedriveDateTime, notesToHtml } from './pipedrive-format';

describe('formatPipedriveDateTime', () => {
  it('writes UTC as YYYY-MM-DD HH:MM:SS, dropping milliseconds', () => {
    expect(formatPipedriveDateTime(Date.UTC(2026, 0, 5, 7, 8, 9, 999))).toBe('2026-01-05 07:08:09');
  });

  it('writes the UTC date for due dates', () => {
    expect(formatPipedriveDate(Date.UTC(2026, 11, 31, 23, 59, 59))).toBe('2026-12-31');
  });
});

describe('escapeHtml', () => {
  it('escapes every character that could open markup or an attribute', () => {
    expect(escapeHtml(`<img src=x onerror="alert('x')"> & co`)).toBe(
      '&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; co',
    );
  });
});

describe('notesToHtml', () => {
  it('makes paragraphs of blank-line-separated text and keeps line breaks', () => {
    expect(notesToHtml('Wants a demo\nnext week\r\n\r\nBudget: <5k')).toBe(
      '<p>Wants a demo<br>next week</p><p>Budget: &lt;5k</p>',
    );
  });

  it('gives nothing for empty or blank notes', () => {
    expect(notesToHtml('')).toBe('');
    expect(notesToHtml(' \n \n\t')).toBe('');
  });

  it('never lets a script tag through', () => {
    expect(notesToHtml('<script>alert(1)</script>')).not.toContain('<script>');
  });
});
