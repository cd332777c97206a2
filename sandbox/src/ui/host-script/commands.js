// SDK command handlers: each gets the command's args and returns the `data` of the answer or
// throws (→ `{ error }`). Everything but `initialize` requires an initialized app.
import { parseNotificationCount, redirectPath, resolveInitialSize, resolveSize } from './rules.js';

export function createCommands({ panel, dialogs, visibility, badge, navigation, postJson, userId }) {
  const handlers = {
    initialize(args) {
      if (panel.state.phase === 'error') throw new Error('initialize arrived after the 10 s limit');
      const result = resolveInitialSize(panel.state.size, args);
      if (!result.ok) throw new Error(result.error);
      panel.setSize(result.size);
      panel.setPhase('ready');
    },
    show_floating_window(args) {
      visibility.show({ ...contextOf(args), invoker: 'command' });
    },
    hide_floating_window(args) {
      visibility.hide({ ...contextOf(args), invoker: 'command' });
    },
    resize(args) {
      const result = resolveSize(panel.state.size, args);
      if (!result.ok) throw new Error(result.error);
      panel.setSize(result.size);
    },
    set_notification(args) {
      const result = parseNotificationCount(args);
      if (!result.ok) throw new Error(result.error);
      badge.set(result.count);
    },
    set_focus_mode(args) {
      if (typeof args !== 'boolean') throw new Error('set_focus_mode expects a boolean');
      if (!panel.state.visible) throw new Error('The floating window must be visible to change focus mode');
      panel.setFocusMode(args);
    },
    redirect_to(args) {
      const result = redirectPath(args);
      if (!result.ok) throw new Error(result.error);
      // Answer first, then move: the app may want to react to the answer.
      setTimeout(() => void navigation.navigate(result.path), 0);
    },
    open_modal(args) {
      if (!args || typeof args !== 'object') throw new Error('open_modal expects { type, ... }');
      if (args.type !== 'activity') throw new Error(`Modal type "${String(args.type)}" is not available in the sandbox`);
      const prefill = args.prefill && typeof args.prefill === 'object' ? args.prefill : {};
      return dialogs.openActivity(prefill);
    },
    close_modal() {
      dialogs.closeCurrent();
    },
    async get_signed_token() {
      const { token } = await postJson('/ui/actions/signed-token', { userId });
      return { token };
    },
    show_snackbar(args) {
      if (!args || typeof args.message !== 'string' || args.message === '') {
        throw new Error('show_snackbar expects { message, link? }');
      }
      dialogs.showSnackbar(args);
    },
    get_metadata() {
      return { windowHeight: window.innerHeight, windowWidth: window.innerWidth };
    },
    async show_confirmation(args) {
      if (!args || typeof args.title !== 'string' || args.title === '') {
        throw new Error('show_confirmation expects { title, ... }');
      }
      return dialogs.confirm(args);
    },
  };

  return async function runCommand(name, args) {
    if (!Object.hasOwn(handlers, name)) throw new Error(`Unknown command: ${name}`);
    if (name !== 'initialize' && panel.state.phase !== 'ready') throw new Error('The app must call initialize first');
    return handlers[name](args);
  };
}

/** The app's own context for show/hide; `invoker` is always set by the host. */
function contextOf(args) {
  const context = args && typeof args === 'object' ? args.context : undefined;
  return context && typeof context === 'object' && !Array.isArray(context) ? context : {};
}
