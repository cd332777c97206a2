import type { Frame, Page, Request } from 'playwright-core';

/**
 * A bad network on demand, for the softphone's call-quality warning: an init script (test side,
 * as `REMOTE_AUDIO_PROBE`; the app has no test hook) that wraps `RTCPeerConnection.getStats`.
 * While `window.__poorNetwork` is set, the audio inbound-rtp stats claim that share of packets lost
 * since it was set and that jitter; everything else is the browser's own figures.
 */
export const POOR_NETWORK_PROBE = `(() => {
  const proto = window.RTCPeerConnection && window.RTCPeerConnection.prototype;
  if (!proto || proto.__poorNetworkProbe) return;
  proto.__poorNetworkProbe = true;
  const native = proto.getStats;
  let receivedAtStart = null;
  proto.getStats = async function (...args) {
    const report = await native.apply(this, args);
    const poor = window.__poorNetwork;
    if (!poor) { receivedAtStart = null; return report; }
    const copy = new Map();
    report.forEach((entry, id) => {
      if (entry.type !== 'inbound-rtp' || entry.kind !== 'audio') return copy.set(id, entry);
      if (receivedAtStart === null) receivedAtStart = entry.packetsReceived;
      const since = entry.packetsReceived - receivedAtStart;
      const lost = Math.round((since * poor.lossPercent) / (100 - poor.lossPercent));
      copy.set(id, { ...entry, packetsLost: entry.packetsLost + lost, jitter: poor.jitterMs === undefined ? entry.jitter : poor.jitterMs / 1000 });
    });
    return copy;
  };
})();`;

/** Turns the bad network on (loss in percent, jitter in ms) or off (null) in the window's frame. */
export function setPoorNetwork(frame: Frame, poor: { lossPercent: number; jitterMs?: number } | null): Promise<void> {
  return frame.evaluate((value) => void ((window as unknown as { __poorNetwork: unknown }).__poorNetwork = value), poor);
}

export interface AliveReport {
  type: 'alive';
  quality?: { mos: number; lossPercent: number; jitterMs: number; rttMs?: number };
}

/** Collects the `alive` reports the window sends, as the server receives them (request bodies). */
export function watchAliveReports(page: Page): { reports: AliveReport[]; stop(): void } {
  const reports: AliveReport[] = [];
  const onRequest = (request: Request) => {
    if (request.method() !== 'POST' || !/\/api\/telephony\/sip\/calls\/[^/]+\/events$/.test(new URL(request.url()).pathname)) return;
    const body = request.postDataJSON() as { type?: unknown } | null;
    if (body?.type === 'alive') reports.push(body as AliveReport);
  };
  page.on('request', onRequest);
  return { reports, stop: () => page.off('request', onRequest) };
}
