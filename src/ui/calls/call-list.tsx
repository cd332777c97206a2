import { memo } from 'react';
import { callSummary, callWho, formatWhen, isMissedCall } from './call-display';
import type { CallView } from './call-types';

export interface CallListProps {
  calls: readonly CallView[];
  now: number;
  label: string;
  onCallBack: (call: CallView) => void;
}

/** Past calls (missed, history): who, what happened, when, and "Call back". */
export function CallList({ calls, now, label, onCallBack }: CallListProps) {
  if (calls.length === 0) return null;
  return (
    <ul className="call-list" aria-label={label}>
      {calls.map((call) => (
        <CallRow key={call.id} call={call} now={now} onCallBack={onCallBack} />
      ))}
    </ul>
  );
}

const CallRow = memo(function CallRow({ call, now, onCallBack }: { call: CallView; now: number; onCallBack: (call: CallView) => void }) {
  const who = callWho(call);
  return (
    <li className="call-row" data-missed={isMissedCall(call) || undefined}>
      <span className="call-row-text">
        <span className="contact-name">{who}</span>
        <span className="contact-details">
          {callSummary(call)}
          {call.createdAt > 0 && ` · ${formatWhen(call.createdAt, now)}`}
        </span>
      </span>
      <button type="button" className="button secondary" aria-label={`Call back ${who}`} onClick={() => onCallBack(call)}>
        Call back
      </button>
    </li>
  );
});
