import { describe, expect, it } from 'vitest';
import type { PublishedCallEvent } from '@/application/ports/call-events.port';
import { RecordingLogger } from '@/application/ports/testing';
import { createCallEventBus } from './call-event-bus';

const ended = (callId: string): PublishedCallEvent => ({ type: 'call.ended', companyId: 1, callId, at: 0, outcome: 'completed', durationSeconds: 5 });
const queued = (callId: string): PublishedCallEvent => ({ type: 'outbox.writes_queued', companyId: 1, callId, count: 1 });

describe('createCallEventBus', () => {
  it('returns from publish before any follow-up runs, then runs them in publishing order', async () => {
    const bus = createCallEventBus(new RecordingLogger());
    const seen: string[] = [];
    bus.subscribe('call.ended', async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`ended ${event.callId}`);
    });
    bus.subscribe('outbox.writes_queued', (event) => {
      seen.push(`queued ${event.callId} x${event.count}`);
    });
    bus.publish([ended('a'), queued('a')]);
    bus.publish([ended('b')]);
    expect(seen).toEqual([]);
    await bus.settled();
    expect(seen).toEqual(['ended a', 'queued a x1', 'ended b']);
  });

  it('runs the handlers of one event in the order they subscribed, each to its end', async () => {
    const bus = createCallEventBus(new RecordingLogger());
    const seen: string[] = [];
    bus.subscribe('call.ended', async () => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push('first');
    });
    bus.subscribe('call.ended', () => {
      seen.push('second');
    });
    bus.publish([ended('a')]);
    await bus.settled();
    expect(seen).toEqual(['first', 'second']);
  });

  it('logs a failing follow-up and still runs the others and the next events', async () => {
    const logger = new RecordingLogger();
    const bus = createCallEventBus(logger);
    const seen: string[] = [];
    bus.subscribe('call.ended', () => {
      throw new Error('sweep refused');
    });
    bus.subscribe('call.ended', (event) => {
      seen.push(event.callId);
    });
    bus.publish([ended('a'), ended('b')]);
    await bus.settled();
    expect(seen).toEqual(['a', 'b']);
    expect(logger.lines.filter((line) => line.level === 'error').map((line) => line.fields)).toEqual([
      expect.objectContaining({ event: 'call.ended', callId: 'a' }),
      expect.objectContaining({ event: 'call.ended', callId: 'b' }),
    ]);
  });

  it('stops handing events to an unsubscribed handler, and waits for events published by follow-ups', async () => {
    const bus = createCallEventBus(new RecordingLogger());
    const seen: string[] = [];
    const unsubscribe = bus.subscribe('call.ended', (event) => {
      seen.push(event.callId);
      bus.publish([queued(event.callId)]);
    });
    bus.subscribe('outbox.writes_queued', async (event) => {
      await new Promise((resolve) => setTimeout(resolve, 5));
      seen.push(`queued ${event.callId}`);
    });
    bus.publish([ended('a')]);
    await bus.settled();
    expect(seen).toEqual(['a', 'queued a']);
    unsubscribe();
    bus.publish([ended('b')]);
    await bus.settled();
    expect(seen).toEqual(['a', 'queued a']);
  });
});
