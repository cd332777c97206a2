/**
 * This window's id for the page's lifetime (docs/CALLS-API.md, "Window identity"): sent with
 * every API request and socket handshake so the server can stop the ringing in an agent's other
 * tabs while sparing the one that answered.
 */
export const WINDOW_ID_HEADER = 'X-Window-Id';

let windowId: string | undefined;

export function currentWindowId(): string {
  windowId ??= globalThis.crypto.randomUUID();
  return windowId;
}
