/**
 * The implementations of ports that production uses as they are: the system clock, random call
 * ids and ring timeouts as timers of this process (right for a single instance; the sweep
 * `expireOverdueRinging` is the safety net). Test doubles live in `../testing`.
 */
export { systemClock } from './system-clock';
export { randomIdGenerator } from './random-id-generator';
export { InProcessRingTimeoutScheduler, type RingTimeoutHandler } from './in-process-ring-timeout-scheduler';
