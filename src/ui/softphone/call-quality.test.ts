import { describe, expect, it } from 'vitest';
import { describeProblem, qualityProblems } from '@/contract/call-quality';
import { estimateMos, lossPercentBetween, NO_WARNING, nextVerdict, qualitySample, readSnapshot, type QualityVerdict, type StatsSnapshot } from './call-quality';

const snapshot = (overrides: Partial<StatsSnapshot> = {}): StatsSnapshot => ({
  packetsReceived: 0,
  packetsLost: 0,
  ssrc: 1111,
  jitterMs: 2,
  rttMs: 20,
  remoteFractionLost: null,
  ...overrides,
});

const GOOD = { mos: 4.4, lossPercent: 0, jitterMs: 2, rttMs: 20 };
const LOSSY = { mos: 3.6, lossPercent: 8, jitterMs: 2, rttMs: 20 };

describe('readSnapshot', () => {
  it('reads the audio inbound-rtp totals and jitter (s → ms) and the far end’s report', () => {
    const read = readSnapshot([
      { id: 'v', type: 'inbound-rtp', kind: 'video', packetsReceived: 9999, packetsLost: 999, jitter: 1, ssrc: 9 },
      { id: 'a', type: 'inbound-rtp', kind: 'audio', packetsReceived: 250, packetsLost: 3, jitter: 0.045, ssrc: 42 },
      { id: 'r', type: 'remote-inbound-rtp', kind: 'audio', roundTripTime: 0.52, fractionLost: 0.05 },
    ]);
    expect(read).toEqual({ packetsReceived: 250, packetsLost: 3, ssrc: 42, jitterMs: 45, rttMs: 520, remoteFractionLost: 0.05 });
  });

  it('takes the round trip from the selected candidate pair when the far end sent no report yet', () => {
    const pairs = [
      { id: 'p1', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.3 },
      { id: 'p2', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.012 },
    ];
    expect(readSnapshot([...pairs, { type: 'transport', selectedCandidatePairId: 'p2' }]).rttMs).toBeCloseTo(12);
    expect(readSnapshot([{ ...pairs[0], state: 'in-progress' }, { id: 'p3', type: 'candidate-pair', nominated: true, state: 'succeeded', currentRoundTripTime: 0.05 }]).rttMs).toBeCloseTo(50);
  });

  it('leaves unknown what the report does not hold, and ignores junk', () => {
    expect(readSnapshot([{ type: 'inbound-rtp', kind: 'audio', packetsReceived: 'x', jitter: Number.NaN }])).toEqual({
      packetsReceived: 0,
      packetsLost: 0,
      ssrc: null,
      jitterMs: null,
      rttMs: null,
      remoteFractionLost: null,
    });
  });
});

describe('lossPercentBetween', () => {
  it('counts the interval’s lost packets against the packets expected in it', () => {
    const before = snapshot({ packetsReceived: 1000, packetsLost: 10 });
    expect(lossPercentBetween(before, snapshot({ packetsReceived: 1092, packetsLost: 18 }))).toBeCloseTo(8);
    expect(lossPercentBetween(before, snapshot({ packetsReceived: 1100, packetsLost: 10 }))).toBe(0);
  });

  it('uses the totals so far on the first snapshot (no earlier one to compare with)', () => {
    expect(lossPercentBetween(null, snapshot({ packetsReceived: 96, packetsLost: 4 }))).toBeCloseTo(4);
  });

  it('starts afresh when the counters reset or the stream changed', () => {
    const before = snapshot({ packetsReceived: 5000, packetsLost: 50 });
    expect(lossPercentBetween(before, snapshot({ packetsReceived: 90, packetsLost: 10 }))).toBeCloseTo(10);
    expect(lossPercentBetween(before, snapshot({ packetsReceived: 5100, packetsLost: 0, ssrc: 2222 }))).toBe(0);
  });

  it('never reads duplicates counted back as negative loss, and says 0 when nothing arrived', () => {
    expect(lossPercentBetween(snapshot({ packetsReceived: 100, packetsLost: 5 }), snapshot({ packetsReceived: 200, packetsLost: 3 }))).toBe(0);
    expect(lossPercentBetween(snapshot({ packetsReceived: 100 }), snapshot({ packetsReceived: 100 }))).toBe(0);
  });
});

describe('estimateMos (simplified E-model)', () => {
  it('scores a clean call about 4.4 and falls with loss, jitter and latency', () => {
    const clean = estimateMos({ lossPercent: 0, jitterMs: 1, rttMs: 2 });
    expect(clean).toBeCloseTo(4.4, 1);
    expect(estimateMos({ lossPercent: 3, jitterMs: 1, rttMs: 2 })).toBeCloseTo(4.1, 1);
    expect(estimateMos({ lossPercent: 8, jitterMs: 1, rttMs: 2 })).toBeCloseTo(3.6, 1);
    expect(estimateMos({ lossPercent: 0, jitterMs: 1, rttMs: 800 })).toBeLessThan(3.7);
    expect(estimateMos({ lossPercent: 0, jitterMs: 60, rttMs: 2 })).toBeLessThan(clean);
    expect(estimateMos({ lossPercent: 0, jitterMs: 1, rttMs: null })).toBeCloseTo(clean, 1);
  });

  it('stays within 1..4.5 at the extremes', () => {
    expect(estimateMos({ lossPercent: 100, jitterMs: 5000, rttMs: 60_000 })).toBe(1);
    expect(estimateMos({ lossPercent: -5, jitterMs: 0, rttMs: 0 })).toBeLessThanOrEqual(4.5);
  });
});

describe('qualitySample', () => {
  it('takes the worse of the loss we see and the loss the far end reports, rounded', () => {
    const sample = qualitySample(snapshot({ packetsReceived: 100 }), snapshot({ packetsReceived: 200, remoteFractionLost: 0.125, jitterMs: 12.345, rttMs: 80.6 }));
    expect(sample).toEqual({ lossPercent: 12.5, jitterMs: 12.3, rttMs: 81, mos: expect.any(Number) });
    expect(sample.mos).toBeLessThan(3.5);
  });

  it('leaves out the round trip until one is measured', () => {
    expect(qualitySample(null, snapshot({ packetsReceived: 50, rttMs: null }))).not.toHaveProperty('rttMs');
  });
});

describe('thresholds and plain words', () => {
  it('names each problem beyond its threshold (loss > 3 %, jitter > 30 ms, latency > 400 ms)', () => {
    expect(qualityProblems({ mos: 4.4, lossPercent: 3, jitterMs: 30, rttMs: 400 })).toEqual([]);
    const problems = qualityProblems({ mos: 2.9, lossPercent: 8.2, jitterMs: 45, rttMs: 520 });
    expect(problems.map(describeProblem)).toEqual(['high packet loss (8 %)', 'high jitter (45 ms)', 'high latency (520 ms)']);
  });

  it('names a low score (< 3.5) only when nothing else explains it', () => {
    expect(qualityProblems({ mos: 3.4, lossPercent: 2.9, jitterMs: 29, rttMs: 390 }).map(describeProblem)).toEqual(['poor audio (score 3.4 of 4.5)']);
  });
});

describe('nextVerdict (hysteresis)', () => {
  const run = (samples: (typeof GOOD)[], from: QualityVerdict = NO_WARNING) => samples.reduce(nextVerdict, from);

  it('warns after 2 poor samples in a row, not after 1', () => {
    expect(run([LOSSY]).warning).toBeNull();
    expect(run([LOSSY, GOOD, LOSSY]).warning).toBeNull();
    expect(run([LOSSY, LOSSY]).warning).toEqual({ reasons: ['high packet loss (8 %)'] });
  });

  it('clears after 3 good samples in a row; a poor one in between keeps it', () => {
    const warned = run([LOSSY, LOSSY]);
    expect(run([GOOD, GOOD], warned).warning).not.toBeNull();
    expect(run([GOOD, GOOD, LOSSY, GOOD, GOOD], warned).warning).not.toBeNull();
    expect(run([GOOD, GOOD, GOOD], warned).warning).toBeNull();
  });

  it('follows the latest poor sample’s reasons while warning', () => {
    const warned = run([LOSSY, LOSSY]);
    expect(nextVerdict(warned, { mos: 4, lossPercent: 0, jitterMs: 45, rttMs: 20 }).warning).toEqual({ reasons: ['high jitter (45 ms)'] });
  });
});
