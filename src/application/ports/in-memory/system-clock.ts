import type { Clock } from '../clock.port';

export const systemClock: Clock = { now: () => Date.now() };
