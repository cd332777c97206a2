import type { SandboxUser } from '../context';
import type { HostConfig } from './floating-window';
import { html, jsonForScript, type SafeHtml } from './html';

export interface LayoutInput {
  title: string;
  /** Path of the current page, kept by the user switcher so switching stays on the same page. */
  path: string;
  companyName: string;
  user: SandboxUser;
  users: SandboxUser[];
  config: HostConfig;
  body: SafeHtml;
}

const NAV = [
  { href: '/persons', label: 'Contacts' },
  { href: '/deals', label: 'Deals' },
  { href: '/marketplace', label: 'Marketplace' },
] as const;

export function layout(input: LayoutInput): SafeHtml {
  const { config } = input;
  return html`<!doctype html>
<html lang="en" data-theme="${config.theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${input.title} · Pipedrive sandbox</title>
<link rel="stylesheet" href="/ui/assets/host.css">
</head>
<body data-user-id="${input.user.id}">
${topBar(input)}
<main id="page" data-path="${input.path}">
${input.body}
</main>
${floatingWindow(config)}
${hostDialogs()}
<div id="snackbar" class="snackbar" role="status" aria-live="polite" hidden></div>
<script type="application/json" id="sandbox-host-config">${jsonForScript(config)}</script>
<script type="module" src="/ui/assets/host-script/main.js"></script>
</body>
</html>
`;
}

function topBar(input: LayoutInput): SafeHtml {
  const { config } = input;
  const dark = config.theme === 'dark';
  return html`<header class="top-bar">
  <a class="brand" href="/persons">${input.companyName}</a>
  <nav aria-label="Main">
    ${NAV.map((item) => html`<a href="${item.href}">${item.label}</a>`)}
  </nav>
  <div class="top-bar-tools">
    ${config.frameSrc === null ? html`` : dockButton(config.appName)}
    <button type="button" id="theme-toggle" class="theme-toggle" aria-pressed="${dark ? 'true' : 'false'}">Dark theme</button>
    ${userSwitcher(input)}
  </div>
</header>`;
}

function dockButton(appName: string): SafeHtml {
  return html`<div class="apps-dock" role="group" aria-label="Apps dock">
      <button type="button" id="dock-app" class="dock-app" aria-label="${appName}" aria-expanded="false" data-badge="0">
        <span class="dock-icon" aria-hidden="true">☎</span>
        <span id="dock-badge" class="dock-badge" hidden></span>
      </button>
    </div>`;
}

function userSwitcher(input: LayoutInput): SafeHtml {
  return html`<form class="user-switcher" method="post" action="/ui/switch-user">
      <label>Acting as
        <select name="userId" id="user-switcher" aria-label="Acting as user">
          ${input.users.map(
            (user) => html`<option value="${user.id}"${user.id === input.user.id ? html` selected` : html``}>${user.name}</option>`,
          )}
        </select>
      </label>
      <input type="hidden" name="returnTo" value="${input.path}">
      <noscript><button type="submit">Switch</button></noscript>
    </form>`;
}

/**
 * What the host lets the app's frame use. A caller app's softphone needs the microphone and to
 * play the far end's audio without a click; without `microphone` here the browser blocks
 * getUserMedia inside the frame (Permissions-Policy), whatever the user allows.
 */
export const FLOATING_WINDOW_ALLOW = 'microphone; autoplay; clipboard-write';

/** The app's floating window: hidden until shown; the host script sets the iframe src. */
function floatingWindow(config: HostConfig): SafeHtml {
  if (config.frameSrc === null) return html``;
  return html`<section id="floating-window" class="floating-window" role="dialog" aria-modal="false"
  aria-labelledby="floating-window-title" data-visible="false" data-focus-mode="false" data-state="loading">
  <div class="floating-window-header" data-drag-handle>
    <span id="floating-window-title">${config.appName}</span>
    <button type="button" id="floating-window-close" class="floating-window-close" aria-label="Close window">×</button>
  </div>
  <div class="floating-window-body">
    <iframe id="floating-window-frame" title="${config.appName}" allow="${FLOATING_WINDOW_ALLOW}"></iframe>
    <p class="floating-window-loading" role="status">Loading ${config.appName}…</p>
    <p class="floating-window-error" role="alert">${config.appName} did not initialize within ${config.initTimeoutMs / 1000} s, so Pipedrive would not show it.</p>
  </div>
</section>`;
}

/** Host modals the SDK can open: confirmation and the "new activity" modal. */
function hostDialogs(): SafeHtml {
  return html`<dialog id="confirm-dialog" class="host-dialog" aria-labelledby="confirm-title" aria-describedby="confirm-description">
  <form method="dialog">
    <h2 id="confirm-title"></h2>
    <p id="confirm-description"></p>
    <div class="dialog-actions">
      <button type="submit" value="cancel" id="confirm-cancel">Cancel</button>
      <button type="submit" value="ok" id="confirm-ok" data-color="negative">OK</button>
    </div>
  </form>
</dialog>
<dialog id="activity-modal" class="host-dialog" aria-labelledby="activity-title">
  <form id="activity-form">
    <h2 id="activity-title">Add activity</h2>
    <label>Subject <input name="subject" required maxlength="255"></label>
    <label>Type
      <select name="type">
        <option value="call">Call</option>
        <option value="meeting">Meeting</option>
        <option value="task">Task</option>
        <option value="email">Email</option>
      </select>
    </label>
    <div class="row">
      <label>Due date <input name="dueDate" type="date"></label>
      <label>Due time <input name="dueTime" type="time"></label>
      <label>Duration <input name="duration" pattern="[0-9]{2}:[0-9]{2}" placeholder="HH:mm"></label>
    </div>
    <label>Note <textarea name="note" rows="3"></textarea></label>
    <label>Description <textarea name="description" rows="2"></textarea></label>
    <div class="row">
      <label>Deal ID <input name="deal" type="number" min="1" step="1"></label>
      <label>Organization ID <input name="organization" type="number" min="1" step="1"></label>
    </div>
    <p class="form-error" role="alert" hidden></p>
    <div class="dialog-actions">
      <button type="button" id="activity-cancel">Cancel</button>
      <button type="submit" id="activity-save">Save</button>
    </div>
  </form>
</dialog>`;
}
