// The App Extensions SDK wire protocol, host side.
// The iframe posts { payload, id } to this window; commands and listeners carry a MessagePort.
// Commands are answered once on their port with { data } or { error }; listener ports receive
// { data } for every event until the app closes them.

const EVENTS = ['visibility', 'user_settings_change', 'close_custom_modal'];

export function createBridge({ frame, frameId, frameOrigin, log, runCommand, timings }) {
  const listeners = new Map(EVENTS.map((event) => [event, new Set()]));

  window.addEventListener('message', (event) => {
    // Only the app's iframe may talk to the host, and only while it shows the registered origin.
    if (frame.contentWindow === null || event.source !== frame.contentWindow) return;
    if (event.origin !== frameOrigin) {
      log.add({ kind: 'rejected', name: 'wrong-origin', origin: event.origin });
      return;
    }
    const message = event.data;
    if (!message || typeof message !== 'object' || message.id !== frameId) {
      log.add({ kind: 'rejected', name: 'wrong-id' });
      return;
    }
    const payload = message.payload;
    if (!payload || typeof payload !== 'object') return;
    const port = event.ports[0];
    // For `npm run bench` (window load): when the app's first message and first initialize arrived.
    timings.firstMessageAt ??= performance.now();
    if (payload.type === 'command' && payload.command === 'initialize') timings.initializeAt ??= performance.now();
    if (payload.type === 'command') void answerCommand(payload, port);
    else if (payload.type === 'listener') addListener(payload.event, port);
    else if (payload.type === 'track') log.add({ kind: 'track', name: String(payload.event) });
  });

  async function answerCommand(payload, port) {
    const name = String(payload.command);
    if (!port) return; // the SDK always transfers a port; without one there is nobody to answer
    try {
      const data = await runCommand(name, payload.args);
      port.postMessage({ data });
      log.add({ kind: 'command', name, args: payload.args, data });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      port.postMessage({ error: message });
      log.add({ kind: 'command', name, args: payload.args, error: message });
    } finally {
      port.close();
    }
  }

  function addListener(eventName, port) {
    if (!port) return;
    const name = String(eventName);
    const ports = listeners.get(name);
    if (!ports) {
      port.postMessage({ error: `Unknown event: ${name}` });
      port.close();
      log.add({ kind: 'listener', name, error: 'unknown event' });
      return;
    }
    ports.add(port);
    // Browsers that fire "close" on entangled ports let us forget listeners the app dropped.
    port.addEventListener('close', () => ports.delete(port));
    log.add({ kind: 'listener', name });
  }

  return {
    /** Sends { data } to every open listener of `eventName`. */
    emit(eventName, data) {
      const ports = listeners.get(eventName);
      for (const port of ports ?? []) port.postMessage({ data });
      log.add({ kind: 'event', name: eventName, data, listeners: ports ? ports.size : 0 });
    },
    listenerCount(eventName) {
      return listeners.get(eventName)?.size ?? 0;
    },
  };
}
