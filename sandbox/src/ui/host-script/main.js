// Host script of the sandbox's Pipedrive pages: wires the floating window, the SDK bridge, the
// apps dock, phone-number clicks, the theme toggle and the user switcher.
import { createBridge } from './bridge.js';
import { createCommands } from './commands.js';
import { createDialogs } from './dialogs.js';
import { createHostLog } from './host-log.js';
import { createNavigation } from './navigation.js';
import { createPanel } from './panel.js';
import { badgeText } from './rules.js';

const config = JSON.parse(document.getElementById('sandbox-host-config').textContent);
const log = createHostLog();
// performance.now() marks of the floating window's load, read by `npm run bench` (null until they happen).
const timings = { frameSrcSetAt: null, firstMessageAt: null, initializeAt: null };

async function postJson(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    credentials: 'same-origin',
  });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error(json?.error?.message ?? `HTTP ${response.status}`);
  return json;
}

const dialogs = createDialogs({ postJson, userId: config.userId });
const navigation = createNavigation({
  onNavigated(path) {
    const returnTo = document.querySelector('.user-switcher input[name="returnTo"]');
    if (returnTo) returnTo.value = path;
  },
});
const floating = config.frameSrc ? setUpFloatingWindow() : null;

setUpPhoneLinks();
setUpThemeToggle();
setUpUserSwitcher();

window.__sandboxHost = {
  frameId: config.frameId,
  log: log.entries,
  get timings() {
    return { ...timings };
  },
  get state() {
    return {
      installed: floating !== null,
      theme: document.documentElement.dataset.theme,
      ...(floating ? floating.snapshot() : {}),
    };
  },
};

function setUpFloatingWindow() {
  const root = document.getElementById('floating-window');
  const frame = document.getElementById('floating-window-frame');
  const dockButton = document.getElementById('dock-app');
  const badgeElement = document.getElementById('dock-badge');
  const panel = createPanel({ root, frame, closeButton: document.getElementById('floating-window-close'), dockButton });
  let badgeCount = 0;
  const badge = {
    set(count) {
      badgeCount = count;
      dockButton.dataset.badge = String(count);
      badgeElement.textContent = badgeText(count);
      badgeElement.hidden = count === 0;
    },
  };

  let bridge = null;
  const visibility = {
    show(context) {
      panel.show();
      bridge.emit('visibility', { is_visible: true, context });
    },
    hide(context) {
      panel.hide();
      bridge.emit('visibility', { is_visible: false, context });
    },
  };
  const runCommand = createCommands({ panel, dialogs, visibility, badge, navigation, postJson, userId: config.userId });
  bridge = createBridge({ frame, frameId: config.frameId, frameOrigin: config.frameOrigin, log, runCommand, timings });

  dockButton.addEventListener('click', () => {
    // Focus mode protects a running call from accidental closing, from the dock too.
    if (panel.state.visible && panel.state.focusMode) return;
    if (panel.state.visible) visibility.hide({ invoker: 'user' });
    else visibility.show({ invoker: 'user' });
  });
  document.getElementById('floating-window-close').addEventListener('click', () => visibility.hide({ invoker: 'user' }));

  // The iframe loads (hidden) only now that the bridge listens, so no early message is lost.
  timings.frameSrcSetAt = performance.now();
  frame.src = config.frameSrc;
  setTimeout(() => {
    if (panel.state.phase !== 'loading') return;
    panel.setPhase('error');
    log.add({ kind: 'rejected', name: 'initialize-timeout' });
  }, config.initTimeoutMs);

  return {
    visibility,
    emit: (event, data) => bridge.emit(event, data),
    snapshot: () => ({
      visible: panel.state.visible,
      focusMode: panel.state.focusMode,
      phase: panel.state.phase,
      size: { ...panel.state.size },
      badge: badgeCount,
      listeners: {
        visibility: bridge.listenerCount('visibility'),
        user_settings_change: bridge.listenerCount('user_settings_change'),
      },
    }),
  };
}

/** Clicking a number opens the calling app and hands it the number (Pipedrive's "Call" entry point). */
function setUpPhoneLinks() {
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[data-phone]') : null;
    if (!link || event.button !== 0) return;
    event.preventDefault();
    if (!floating) {
      dialogs.showSnackbar({
        message: 'No calling app is installed for this user.',
        link: { url: `${window.location.origin}/marketplace`, label: 'Marketplace' },
      });
      return;
    }
    const context = { invoker: 'user', number: link.dataset.phone, person_id: Number(link.dataset.personId) };
    if (link.dataset.dealId) context.deal_id = Number(link.dataset.dealId);
    floating.visibility.show(context);
  });
}

function setUpThemeToggle() {
  const toggle = document.getElementById('theme-toggle');
  toggle.addEventListener('click', async () => {
    const theme = document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark';
    try {
      await postJson('/ui/actions/theme', { userId: config.userId, theme });
    } catch (error) {
      dialogs.showSnackbar({ message: `Theme not saved: ${error instanceof Error ? error.message : String(error)}` });
      return;
    }
    document.documentElement.dataset.theme = theme;
    toggle.setAttribute('aria-pressed', String(theme === 'dark'));
    floating?.emit('user_settings_change', { theme });
  });
}

function setUpUserSwitcher() {
  const select = document.getElementById('user-switcher');
  select.addEventListener('change', () => {
    const form = select.form;
    form.elements.returnTo.value = window.location.pathname + window.location.search;
    form.submit();
  });
}
