import { escapeHtml } from '../http/respond';
import { page } from '../http/result';
import type { SandboxUser } from '../store/types';

const SCOPE_LABELS: Record<string, string> = {
  base: 'Basic information (your name, email, company)',
  'deals:full': 'Deals: read, create, edit and delete',
  'deals:read': 'Deals: read only',
  'activities:full': 'Activities: read, create, edit and delete',
  'activities:read': 'Activities: read only',
  'contacts:full': 'Contacts (people and organizations): read, create, edit and delete',
  'contacts:read': 'Contacts: read only',
  'search:read': 'Search across all data',
  'phone-integration': 'Phone calls integration (call logs and recordings)',
  'users:read': 'Users of the company: read only',
};

export function renderConsentPage(input: {
  appName: string;
  companyName: string;
  scopes: string[];
  users: SandboxUser[];
  selectedUserId: number | undefined;
  consentId: string;
}): string {
  const scopes = input.scopes.map((s) => `<li>${escapeHtml(SCOPE_LABELS[s] ?? s)}</li>`).join('');
  const options = input.users
    .map((u) => `<option value="${u.id}"${u.id === input.selectedUserId ? ' selected' : ''}>${escapeHtml(`${u.name} <${u.email}>`)}</option>`)
    .join('');
  return page(
    `Install ${input.appName}`,
    `<h1>${escapeHtml(input.appName)} wants to access your Pipedrive account</h1>
<p>Company: <strong>${escapeHtml(input.companyName)}</strong></p>
<p>The app will be able to use:</p><ul>${scopes}</ul>
<form method="post" action="/oauth/authorize">
<input type="hidden" name="consent_id" value="${escapeHtml(input.consentId)}">
<label for="user_id">Install as</label>
<select id="user_id" name="user_id">${options}</select>
<div class="actions">
<button class="primary" type="submit" name="decision" value="allow">Allow and install</button>
<button type="submit" name="decision" value="deny">Cancel</button>
</div></form>`,
  );
}

export function renderOAuthErrorPage(message: string): string {
  return page('Installation error', `<h1>The app cannot be installed</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}
