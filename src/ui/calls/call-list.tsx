import { memo } from 'react';
import { useFormatPhone } from '@/ui/phone-format/phone-format-context';
import { callNumber } from './call-context';
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
  const formatPhone = useFormatPhone();
  const number = formatPhone(callNumber(call));
  const named = callWho(call);
  // callWho() falls back to the number as stored: show that one formatted too.
  const who = named === callNumber(call) ? number : named;
  return (
    <li className="call-row" data-missed={isMissedCall(call) || undefined}>
      <span className="call-row-text">
        <span className="contact-name">{who}</span>
        {/* A named caller's number too: the agent may call back from another phone. */}
        {number !== who && <span className="contact-details">{number}</span>}
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
