/**
 * Call quality from WebRTC stats, pure (no React, no browser globals): successive `getStats()`
 * snapshots → a sample (loss, jitter, round trip, estimated MOS) → a warning that does not
 * flicker. The softphone polls (`call-quality-watch.ts`); thresholds are the contract's.
 */
import { describeProblem, qualityProblems, type CallQuality } from '@/contract/call-quality';

/** One stats object of an `RTCStatsReport` (`report.values()`), read leniently. */
export type StatsEntry = Readonly<Record<string, unknown>>;

/** The counters of one snapshot that the next one is compared with. */
export interface StatsSnapshot {
  /** inbound-rtp (audio): totals since that stream began. */
  readonly packetsReceived: number;
  readonly packetsLost: number;
  /** The inbound stream's SSRC: a new one (re-INVITE, new relay port) restarts the totals. */
  readonly ssrc: number | null;
  readonly jitterMs: number | null;
  readonly rttMs: number | null;
  /** remote-inbound-rtp fractionLost: what the far end lost of ours, 0-1, over its last report. */
  readonly remoteFractionLost: number | null;
}

const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);

/** Reads what matters of a stats report; audio streams only. */
export function readSnapshot(entries: Iterable<StatsEntry>): StatsSnapshot {
  const all = [...entries];
  const audio = (entry: StatsEntry) => entry.kind === undefined || entry.kind === 'audio';
  const inbound = all.find((entry) => entry.type === 'inbound-rtp' && audio(entry));
  const remote = all.find((entry) => entry.type === 'remote-inbound-rtp' && audio(entry));
  const jitter = num(inbound?.jitter);
  const rttSeconds = num(remote?.roundTripTime) ?? num(selectedPair(all)?.currentRoundTripTime);
  return {
    packetsReceived: num(inbound?.packetsReceived) ?? 0,
    packetsLost: num(inbound?.packetsLost) ?? 0,
    ssrc: num(inbound?.ssrc),
    jitterMs: jitter === null ? null : jitter * 1000,
    rttMs: rttSeconds === null ? null : rttSeconds * 1000,
    remoteFractionLost: num(remote?.fractionLost),
  };
}

/** The ICE candidate pair media flows on: the transport's selected one, else the nominated one that succeeded. */
function selectedPair(all: StatsEntry[]): StatsEntry | undefined {
  const selectedId = all.find((entry) => entry.type === 'transport' && typeof entry.selectedCandidatePairId === 'string')?.selectedCandidatePairId;
  const pairs = all.filter((entry) => entry.type === 'candidate-pair');
  return pairs.find((pair) => pair.id === selectedId) ?? pairs.find((pair) => pair.nominated === true && pair.state === 'succeeded');
}

/**
 * Packets lost in percent between two snapshots. Without a previous one (the first poll) the
 * totals since the stream began are the interval. When the totals went down or the SSRC changed,
 * the stream restarted: its totals are the interval. `packetsLost` may drop below its earlier value
 * (late duplicates are counted back) and is never read as negative.
 */
export function lossPercentBetween(previous: StatsSnapshot | null, current: StatsSnapshot): number {
  const restarted = previous === null || current.ssrc !== previous.ssrc || current.packetsReceived < previous.packetsReceived;
  const received = restarted ? current.packetsReceived : current.packetsReceived - previous.packetsReceived;
  const lost = Math.max(0, restarted ? current.packetsLost : current.packetsLost - previous.packetsLost);
  const expected = received + lost;
  return expected === 0 ? 0 : (lost / expected) * 100;
}

/**
 * Estimated MOS: a simplified ITU-T G.107 E-model, as VoIP monitors compute it from network
 * figures (Cole & Rosenbluth, "Voice over IP performance monitoring", 2001). Why this one: the
 * browser gives loss, jitter and round trip but no listening score, and the E-model is the
 * standard way to turn exactly these into one; its defaults describe an ordinary handset.
 * - one-way delay d = RTT / 2 + 2 × jitter (the jitter buffer holds about twice the jitter)
 *   + 10 ms of packetisation;
 * - delay impairment Id = 0.024 d + 0.11 (d − 177.3) when d > 177.3 ms (conversation breaks up);
 * - loss impairment Ie = 95 × P / (P + 25.1), G.113's random-loss robustness (Bpl) of a codec with
 *   packet-loss concealment (G.711 with PLC; Opus conceals at least as well);
 * - R = 93.2 − Id − Ie (93.2: the E-model's default with no impairment);
 * - MOS = 1 + 0.035 R + 7·10⁻⁶ R (R − 60)(100 − R), 1 to 4.5.
 * A clean loopback call scores 4.4 (rtpengine measured the same); 3 % loss alone ≈ 4.1; 8 % ≈ 3.6.
 */
export function estimateMos(quality: { lossPercent: number; jitterMs: number; rttMs: number | null }): number {
  const delay = (quality.rttMs ?? 0) / 2 + 2 * quality.jitterMs + 10;
  const delayImpairment = 0.024 * delay + (delay > 177.3 ? 0.11 * (delay - 177.3) : 0);
  const loss = Math.min(100, Math.max(0, quality.lossPercent));
  const lossImpairment = (95 * loss) / (loss + 25.1);
  const r = 93.2 - delayImpairment - lossImpairment;
  if (r <= 0) return 1;
  if (r >= 100) return 4.5;
  return Math.min(4.5, Math.max(1, 1 + 0.035 * r + 7e-6 * r * (r - 60) * (100 - r)));
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The quality over the interval between two snapshots (`previous` null: the first poll). */
export function qualitySample(previous: StatsSnapshot | null, current: StatsSnapshot): CallQuality {
  const received = lossPercentBetween(previous, current);
  const sent = current.remoteFractionLost === null ? 0 : current.remoteFractionLost * 100;
  const lossPercent = Math.max(received, sent);
  const jitterMs = current.jitterMs ?? 0;
  const mos = estimateMos({ lossPercent, jitterMs, rttMs: current.rttMs });
  const sample = { mos: round(mos, 2), lossPercent: round(lossPercent, 1), jitterMs: round(jitterMs, 1) };
  return current.rttMs === null ? sample : { ...sample, rttMs: Math.round(current.rttMs) };
}

/** What the in-call screen shows: why the call sounds bad, in plain words. */
export interface QualityWarning {
  readonly reasons: readonly string[];
}

/** A warning starts after this many poor samples in a row and ends after this many good ones. */
export const POOR_SAMPLES_TO_WARN = 2;
export const GOOD_SAMPLES_TO_CLEAR = 3;

export interface QualityVerdict {
  readonly warning: QualityWarning | null;
  /** Samples in a row that disagree with the current verdict. */
  readonly streak: number;
}

export const NO_WARNING: QualityVerdict = { warning: null, streak: 0 };

/**
 * Hysteresis: one bad sample (a burst of loss while Wi-Fi roams) does not warn, one good sample
 * does not end a warning, so the notice does not flicker. While it shows, its reasons follow the
 * latest poor sample.
 */
export function nextVerdict(verdict: QualityVerdict, sample: CallQuality): QualityVerdict {
  const reasons = qualityProblems(sample).map(describeProblem);
  const poor = reasons.length > 0;
  if (verdict.warning === null) {
    if (!poor) return NO_WARNING;
    const streak = verdict.streak + 1;
    return streak >= POOR_SAMPLES_TO_WARN ? { warning: { reasons }, streak: 0 } : { warning: null, streak };
  }
  if (poor) return { warning: { reasons }, streak: 0 };
  const streak = verdict.streak + 1;
  return streak >= GOOD_SAMPLES_TO_CLEAR ? NO_WARNING : { warning: verdict.warning, streak };
}
