import { describe, expect, it } from 'vitest';
import { FakeClock, InMemoryAgentAvailability } from '@/application/ports/testing';
import { setAgentAvailability } from './set-agent-availability';

describe('setAgentAvailability', () => {
  const agent = { companyId: 3, userId: 30 };

  it('stores the choice, then announces it to the agent', async () => {
    const availability = new InMemoryAgentAvailability();
    const announced: unknown[] = [];
    const deps = { availability, clock: new FakeClock(5_000), announce: (who: typeof agent, available: boolean) => announced.push({ who, available, stored: availability }) };
    await setAgentAvailability(deps, agent, false);
    expect(await availability.isAvailable(agent)).toBe(false);
    expect(await availability.listUnavailable([3])).toEqual([agent]);
    expect(announced).toEqual([{ who: agent, available: false, stored: availability }]);
    await setAgentAvailability(deps, agent, true);
    expect(await availability.isAvailable(agent)).toBe(true);
    expect(announced).toHaveLength(2);
  });

  it('announces nothing when the write fails', async () => {
    const availability = new InMemoryAgentAvailability();
    availability.failNextSave = true;
    const announced: boolean[] = [];
    await expect(setAgentAvailability({ availability, clock: new FakeClock(0), announce: (_, available) => announced.push(available) }, agent, false)).rejects.toThrow();
    expect(announced).toEqual([]);
    expect(await availability.isAvailable(agent)).toBe(true);
  });
});
