import type { Activity, CallLog, Deal, Note, PersonContactValue } from '../../context';
import { html, type SafeHtml } from '../html';
import { richText } from '../rich-text';

/**
 * A clickable phone number. The host script opens the floating window on click and hands the
 * number (as displayed), the person and the deal to the app in the VISIBILITY context.
 */
export function phoneLink(phone: PersonContactValue, personId: number, dealId?: number): SafeHtml {
  const dial = phone.value.replace(/[^0-9+*#]/g, '');
  return html`<a class="phone" href="tel:${dial}" data-phone="${phone.value}" data-person-id="${personId}"${
    dealId === undefined ? html`` : html` data-deal-id="${dealId}"`
  }>${phone.value}</a>`;
}

export function phoneList(phones: PersonContactValue[], personId: number, dealId?: number): SafeHtml {
  const usable = phones.filter((phone) => phone.value.trim() !== '');
  if (usable.length === 0) return html`<p class="muted">No phone numbers</p>`;
  return html`<ul class="phones">${usable.map(
    (phone) =>
      html`<li>${phoneLink(phone, personId, dealId)} <span class="muted">${phone.label}${phone.primary ? ' · primary' : ''}</span></li>`,
  )}</ul>`;
}

export function money(value: number, currency: string): string {
  return `${value.toLocaleString('en-US', { maximumFractionDigits: 2 })} ${currency}`;
}

export function dealTable(deals: Deal[]): SafeHtml {
  if (deals.length === 0) return html`<p class="muted">No deals</p>`;
  return html`<table class="list"><thead><tr><th>Title</th><th>Status</th><th>Value</th></tr></thead><tbody>${deals.map(
    (deal) =>
      html`<tr><td><a href="/deals/${deal.id}">${deal.title}</a></td><td>${deal.status}</td><td>${money(deal.value, deal.currency)}</td></tr>`,
  )}</tbody></table>`;
}

export function activityList(activities: Activity[]): SafeHtml {
  if (activities.length === 0) return html`<p class="muted">No activities</p>`;
  return html`<ul class="activities">${activities.map(
    (activity) =>
      html`<li data-activity-id="${activity.id}"><strong>${activity.subject}</strong> <span class="muted">${activity.type}${
        activity.due_date ? ` · ${activity.due_date}${activity.due_time ? ` ${activity.due_time}` : ''}` : ''
      }${activity.done ? ' · done' : ''}</span>${activity.note ? html`<div class="note-text">${richText(activity.note)}</div>` : html``}</li>`,
  )}</ul>`;
}

/** Note content is HTML in Pipedrive, shown formatted and sanitised (rich-text.ts), as Pipedrive does. */
export function noteList(notes: Note[]): SafeHtml {
  if (notes.length === 0) return html`<p class="muted">No notes</p>`;
  return html`<ul class="notes">${notes.map(
    (note) => html`<li data-note-id="${note.id}"><div class="note-text">${richText(note.content)}</div><span class="muted">${note.add_time}</span></li>`,
  )}</ul>`;
}

export function callLogList(logs: CallLog[], hasAudio: (callLogId: string) => boolean = () => false): SafeHtml {
  if (logs.length === 0) return html`<p class="muted">No calls logged</p>`;
  return html`<ul class="call-logs">${logs.map(
    (log) =>
      html`<li data-call-log-id="${log.id}"><strong>${log.subject ?? 'Call'}</strong> <span class="muted">${log.outcome} · ${log.to_phone_number} · ${log.start_time}${
        log.duration ? ` · ${log.duration}` : ''
      }</span>${log.note ? html`<div class="note-text">${richText(log.note)}</div>` : html``}${recordingOf(log, hasAudio)}</li>`,
  )}</ul>`;
}

/** A player for the call's recording; the audio lives in memory only, so a restart leaves the flag alone. */
function recordingOf(log: CallLog, hasAudio: (callLogId: string) => boolean): SafeHtml {
  if (!log.has_recording) return html``;
  if (!hasAudio(log.id)) return html`<p class="muted">Recording attached (its audio is not kept across sandbox restarts)</p>`;
  return html`<audio class="call-recording" controls preload="none" src="/call-logs/${encodeURIComponent(log.id)}/recording" aria-label="Recording of this call"></audio>`;
}
