/**
 * The partial unique index that keeps an agent to one call at a time (see `holdsAgent` in
 * application/ports/call-record.ts, which this predicate mirrors column for column). Shared by both
 * schemas so the engines cannot drift apart, and by the call store to recognise the violation.
 */
export const AGENT_BUSY_INDEX = 'calls_agent_busy_unique';

/** Plain column names: both engines accept them in a partial index predicate. */
export const AGENT_HOLDS_CALL_SQL =
  "agent_user_id is not null and (state = 'connected' or (direction = 'outbound' and state in ('idle', 'ringing')))";
