// The floating window: a draggable panel holding the app's iframe. Its state is mirrored into
// data-* attributes (data-visible, data-focus-mode, data-state, data-width, data-height).
import { DEFAULT_SIZE } from './rules.js';

export function createPanel({ root, frame, closeButton, dockButton }) {
  const state = {
    visible: false,
    focusMode: false,
    /** loading → ready after `initialize`; error when it did not come in time. */
    phase: 'loading',
    size: { ...DEFAULT_SIZE },
  };

  function render() {
    root.dataset.visible = String(state.visible);
    root.dataset.focusMode = String(state.focusMode);
    root.dataset.state = state.phase;
    root.dataset.width = String(state.size.width);
    root.dataset.height = String(state.size.height);
    root.setAttribute('aria-hidden', String(!state.visible));
    closeButton.hidden = state.focusMode;
    frame.style.width = `${state.size.width}px`;
    frame.style.height = `${state.size.height}px`;
    if (dockButton) dockButton.setAttribute('aria-expanded', String(state.visible));
  }

  makeDraggable(root, root.querySelector('[data-drag-handle]'));
  render();

  return {
    state,
    /** Returns true when the window was hidden before (it "opens"). */
    show() {
      const opened = !state.visible;
      state.visible = true;
      // Pipedrive resets focus mode whenever the window opens.
      if (opened) state.focusMode = false;
      render();
      return opened;
    },
    hide() {
      const closed = state.visible;
      state.visible = false;
      render();
      return closed;
    },
    setSize(size) {
      state.size = { ...size };
      render();
    },
    setFocusMode(on) {
      state.focusMode = on;
      render();
    },
    setPhase(phase) {
      state.phase = phase;
      render();
    },
  };
}

function makeDraggable(root, handle) {
  if (!handle) return;
  let start = null;
  handle.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || event.target.closest('button')) return;
    const rect = root.getBoundingClientRect();
    start = { x: event.clientX - rect.left, y: event.clientY - rect.top };
    handle.setPointerCapture(event.pointerId);
  });
  handle.addEventListener('pointermove', (event) => {
    if (!start) return;
    const maxLeft = Math.max(0, window.innerWidth - root.offsetWidth);
    const maxTop = Math.max(0, window.innerHeight - root.offsetHeight);
    root.style.left = `${Math.min(maxLeft, Math.max(0, event.clientX - start.x))}px`;
    root.style.top = `${Math.min(maxTop, Math.max(0, event.clientY - start.y))}px`;
    root.style.right = 'auto';
    root.style.bottom = 'auto';
  });
  const stop = () => {
    start = null;
  };
  handle.addEventListener('pointerup', stop);
  handle.addEventListener('pointercancel', stop);
}
