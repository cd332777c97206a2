import { describe, expect, it } from 'vitest';
import { RecordingLogger } from '@/application/ports/testing/recording-logger';
import { createCallQualityLog } from './sip-call-quality-log';
import { sipCallEventBodySchema } from './sip-route.schema';

const GOOD = { mos: 4.4, lossPercent: 0, jitterMs: 1, rttMs: 12 };
const POOR = { mos: 3.6, lossPercent: 8, jitterMs: 1, rttMs: 12 };

describe('alive.quality', () => {
  it('accepts alive with or without a sane quality', () => {
    expect(sipCallEventBodySchema.parse({ type: 'alive' })).toEqual({ type: 'alive' });
    expect(sipCallEventBodySchema.parse({ type: 'alive', quality: GOOD })).toEqual({ type: 'alive', quality: GOOD });
    const { rttMs: _, ...noRtt } = GOOD;
    expect(sipCallEventBodySchema.safeParse({ type: 'alive', quality: noRtt }).success).toBe(true);
  });

  it('refuses values no call has, missing figures and extra fields', () => {
    const bad = [
      { ...GOOD, mos: 0 },
      { ...GOOD, mos: 6 },
      { ...GOOD, lossPercent: -1 },
      { ...GOOD, lossPercent: 101 },
      { ...GOOD, jitterMs: -0.1 },
      { ...GOOD, rttMs: 1e9 },
      { ...GOOD, mos: '4' },
      { lossPercent: 0, jitterMs: 1 },
      { ...GOOD, from: '+14155550134' },
      null,
    ];
    for (const quality of bad) expect(sipCallEventBodySchema.safeParse({ type: 'alive', quality }).success, JSON.stringify(quality)).toBe(false);
    expect(sipCallEventBodySchema.safeParse({ type: 'ringing', quality: GOOD }).success).toBe(false);
  });
});

describe('createCallQualityLog', () => {
  it('warns once per poor episode, with the call id and figures', () => {
    const logger = new RecordingLogger();
    const log = createCallQualityLog(logger);
    for (const quality of [GOOD, undefined, POOR, POOR, undefined, POOR]) log.observe('call-1', quality);
    expect(logger.lines).toEqual([{ level: 'warn', message: 'poor call quality', fields: { callId: 'call-1', ...POOR, problems: ['high packet loss (8 %)'] } }]);
    log.observe('call-1', GOOD);
    log.observe('call-1', POOR);
    log.observe('call-2', POOR);
    expect(logger.lines.map((line) => (line.fields as { callId: string }).callId)).toEqual(['call-1', 'call-1', 'call-2']);
  });

  it('starts a new episode for a call it forgot (the call ended)', () => {
    const logger = new RecordingLogger();
    const log = createCallQualityLog(logger);
    log.observe('call-1', POOR);
    log.forget('call-1');
    log.observe('call-1', POOR);
    expect(logger.lines).toHaveLength(2);
  });
});
