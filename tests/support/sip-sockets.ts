import type { Frame } from 'playwright-core';

/**
 * Init script: keeps a hand on the SIP WebSockets a page opens (JsSIP asks for the `sip`
 * subprotocol; Socket.IO does not), so a test can drop them as a network failure would, and count
 * how many were ever opened (a reconnect loop opens one after another). The app has no test hook.
 */
export const SIP_SOCKETS_PROBE = `(() => {
  const Native = window.WebSocket;
  if (!Native || window.__sipSockets) return;
  const open = new Set();
  let opened = 0;
  const speaksSip = (protocols) => protocols === 'sip' || (Array.isArray(protocols) && protocols.includes('sip'));
  window.WebSocket = class extends Native {
    constructor(url, protocols) {
      super(url, protocols);
      if (!speaksSip(protocols)) return;
      opened += 1;
      open.add(this);
      this.addEventListener('close', () => open.delete(this));
    }
  };
  window.__sipSockets = {
    drop() {
      const count = open.size;
      // 4000: an application close code, as a proxy or load balancer cutting the line might send.
      open.forEach((socket) => socket.close(4000, 'dropped by the test'));
      return count;
    },
    counts: () => ({ open: open.size, opened }),
  };
})();`;

interface SipSocketsProbe {
  drop(): number;
  counts(): { open: number; opened: number };
}

/** Closes the window's open SIP WebSockets; returns how many there were. */
export function dropSipSockets(frame: Frame): Promise<number> {
  return frame.evaluate(() => (window as unknown as { __sipSockets?: SipSocketsProbe }).__sipSockets?.drop() ?? -1);
}

/** SIP WebSockets open now, and ever opened, in the window. */
export function sipSocketCounts(frame: Frame): Promise<{ open: number; opened: number }> {
  return frame.evaluate(() => (window as unknown as { __sipSockets?: SipSocketsProbe }).__sipSockets?.counts() ?? { open: -1, opened: -1 });
}
