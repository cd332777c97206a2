import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPhoneLab, type BaresipPhone, type PhoneLab } from '../src/index';
import { pollUntil } from '../src/processes/wait';
import { readWavAsMono } from '../src/audio/wav';

/** Waits until a phone's recording holds `seconds` of sound, so the analysis has something to chew on. */
async function untilHeardFor(phone: BaresipPhone, seconds: number): Promise<void> {
  await pollUntil(
    `${phone.user} to hear ${seconds} s of audio`,
    async () => {
      const recording = phone.latestRecording();
      if (!recording) return false;
      const { samples, sampleRate } = readWavAsMono(recording);
      let audible = 0;
      for (const sample of samples) if (Math.abs(sample) > 0.01) audible += 1;
      return audible / sampleRate > seconds * 0.6; // a sine is above 0.01 most of the time
    },
    15_000,
    200,
  );
}

describe('phone lab: real SIP calls through Kamailio and rtpengine on loopback', () => {
  let lab: PhoneLab;
  let agent1: BaresipPhone;
  let agent2: BaresipPhone;

  beforeAll(async () => {
    lab = await startPhoneLab({ noAnswerTimeoutMs: 2000 });
    // Two test phones stand in for the agents' browsers: UDP baresips sending 880 Hz.
    [agent1, agent2] = await Promise.all([lab.startPhone({ username: 'agent1' }), lab.startPhone({ username: 'agent2' })]);
  });

  afterAll(async () => {
    await lab?.stop();
  });

  it('agent2 calls the customer: each side hears the other\'s tone, DTMF arrives, hang-up reaches the customer', async () => {
    const agentMark = agent2.eventCount;
    const customerMark = lab.customer.eventCount;
    await agent2.dial(lab.uri(lab.numbers.customer));
    const established = await agent2.waitFor('established', { after: agentMark });
    await lab.customer.waitFor('established', { after: customerMark });
    const incoming = await lab.customer.waitFor('incoming', { after: customerMark });
    expect(incoming.peerUri).toBe(lab.uri('agent2'));

    // The media went through rtpengine: it was asked to offer and answer for this very call.
    const rtpengineLog = readFileSync(join(lab.workDir, 'rtpengine.log'), 'utf8');
    expect(rtpengineLog).toContain(`[${established.callId}]: [control] Received command 'offer'`);
    expect(rtpengineLog).toContain(`[${established.callId}]: [control] Received command 'answer'`);

    await Promise.all([untilHeardFor(agent2, 1.5), untilHeardFor(lab.customer, 1.5)]);
    expect(lab.customer.dominantFrequencyHeard()).toBeCloseTo(880, -1); // within 5 Hz
    expect(agent2.dominantFrequencyHeard()).toBeCloseTo(440, -1);

    await agent2.sendDtmf('159#');
    await pollUntil('four DTMF digits at the customer', async () => lab.customer.dtmfReceived().length >= 4, 5_000);
    expect(lab.customer.dtmfReceived()).toBe('159#');

    await agent2.hangUp();
    const closed = await lab.customer.waitFor('closed', { after: customerMark });
    expect(closed.statusCode).toBeNull();
  });

  it('the busy number answers 486', async () => {
    const mark = agent2.eventCount;
    await agent2.dial(lab.uri(lab.numbers.busy));
    const closed = await agent2.waitFor('closed', { after: mark });
    expect(closed.statusCode).toBe(486);
  });

  it('the no-answer number rings, then gives up with 480 or 408', async () => {
    const mark = agent2.eventCount;
    await agent2.dial(lab.uri(lab.numbers.noAnswer));
    await agent2.waitFor('ringing', { after: mark });
    const closed = await agent2.waitFor('closed', { after: mark, timeoutMs: 20_000 });
    expect([480, 408]).toContain(closed.statusCode);
  });

  it('an unknown number at the domain answers 404', async () => {
    const mark = agent2.eventCount;
    await agent2.dial(lab.uri('+19999999999'));
    const closed = await agent2.waitFor('closed', { after: mark });
    expect(closed.statusCode).toBe(404);
  });

  it('the ring group rings agent1 and agent2 at once; agent1 answers and agent2\'s branch is cancelled', async () => {
    const marks = { agent1: agent1.eventCount, agent2: agent2.eventCount, customer: lab.customer.eventCount };
    await lab.customer.dial(lab.uri(lab.numbers.ringGroup));
    const [ringingAtAgent1, ringingAtAgent2] = await Promise.all([
      agent1.waitFor('incoming', { after: marks.agent1 }),
      agent2.waitFor('incoming', { after: marks.agent2 }),
    ]);
    expect(ringingAtAgent1.peerUri).toContain('customer@');
    expect(ringingAtAgent2.peerUri).toContain('customer@');

    await agent1.answer();
    await lab.customer.waitFor('established', { after: marks.customer });
    const cancelled = await agent2.waitFor('closed', { after: marks.agent2 });
    expect(cancelled.callId).toBe(ringingAtAgent2.callId);
    expect(agent2.eventsSince(marks.agent2).map((event) => event.type)).not.toContain('established');

    // The agent who answered talks with the customer (880 Hz one way, 440 Hz the other).
    await Promise.all([untilHeardFor(agent1, 1), untilHeardFor(lab.customer, 1)]);
    expect(agent1.dominantFrequencyHeard()).toBeCloseTo(440, -1);
    expect(lab.customer.dominantFrequencyHeard()).toBeCloseTo(880, -1);

    await lab.customer.hangUp();
    await agent1.waitFor('closed', { after: marks.agent1 });
  });

  it('an agent\'s own address reaches that agent', async () => {
    const marks = { agent1: agent1.eventCount, agent2: agent2.eventCount };
    await agent2.dial(lab.uri('agent1'));
    const incoming = await agent1.waitFor('incoming', { after: marks.agent1 });
    expect(incoming.peerUri).toBe(lab.uri('agent2'));
    await agent2.hangUp();
    await agent1.waitFor('closed', { after: marks.agent1 });
  });

  it('a second lab runs beside the first on its own ports', async () => {
    const second = await startPhoneLab({ recordCustomer: false });
    try {
      expect(second.ports.webSocket).not.toBe(lab.ports.webSocket);
      expect(second.ports.sipUdp).not.toBe(lab.ports.sipUdp);
      const caller = await second.startPhone({ username: 'agent1', record: false });
      const mark = caller.eventCount;
      await caller.dial(second.uri(second.numbers.customer));
      await caller.waitFor('established', { after: mark });
      await caller.hangUp();
      await caller.waitFor('closed', { after: mark });
    } finally {
      await second.stop();
    }
  });
});
