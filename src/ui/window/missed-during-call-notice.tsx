import { useState } from 'react';
import { missedDuringCallCount, missedDuringCallText, NOT_ON_CALL, trackMissedDuringCall } from './missed-during-call';

/**
 * Mounted for the length of a call; stays up until it ends (unlike the short notices), so a miss
 * is not lost in a long call.
 */
export function MissedDuringCallNotice({ unseenCount }: { unseenCount: number | null }) {
  const [tracked, setTracked] = useState(NOT_ON_CALL);
  const next = trackMissedDuringCall(tracked, true, unseenCount);
  if (next !== tracked) setTracked(next);
  const text = missedDuringCallText(missedDuringCallCount(next, unseenCount));
  return (
    <div className="call-notice" role="status">
      {text !== null && (
        <div className="notice warning">
          <p>{text}</p>
        </div>
      )}
    </div>
  );
}
