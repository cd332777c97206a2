import { z } from 'zod';
import type { ProviderCallStatus } from '@/application/ports/telephony-provider.port';
import type { Timers } from '@/application/ports/timers.port';
import type { TelephonyPlugin } from '../plugin';
import { MockTelephonyProvider, type MockCalleeBehaviour } from './mock-telephony-provider';

export const mockConfigSchema = z.object({
  ringAfterMs: z.number().int().min(0),
  connectAfterMs: z.number().int().min(0),
});

export type MockConfig = z.infer<typeof mockConfigSchema>;

/** The simulated far end's behaviours in our words. */
const MOCK_STATUS: Readonly<Record<MockCalleeBehaviour, ProviderCallStatus>> = {
  answer: 'answered',
  busy: 'busy',
  no_answer: 'no_answer',
  fail: 'failed',
};

export interface MockPlugin extends TelephonyPlugin<MockConfig> {
  readonly provider: MockTelephonyProvider;
}

/** The default provider: timers instead of a phone network; the Control Center plays the caller. No webhooks. */
export function createMockPlugin(config: MockConfig, timers: Timers): MockPlugin {
  const parsed = mockConfigSchema.parse(config);
  return {
    name: 'mock',
    configSchema: mockConfigSchema,
    config: parsed,
    provider: new MockTelephonyProvider({ timers, ringAfterMs: parsed.ringAfterMs, connectAfterMs: parsed.connectAfterMs }),
    ownsProviderCallId: (id) => id.startsWith('mock-'),
    toProviderCallStatus: (status) => (typeof status === 'string' && status in MOCK_STATUS ? MOCK_STATUS[status as MockCalleeBehaviour] : undefined),
    routes: {},
  };
}
