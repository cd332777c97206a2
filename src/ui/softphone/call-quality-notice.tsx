/**
 * "Poor call quality: high packet loss (8 %)" and what the agent can do about it, while the
 * softphone's verdict says so (`call-quality.ts`); nothing at all while the call sounds fine.
 * It sits under the phone's registration line, styled as it, outside the call screen's scrolling: in a small
 * window it stays in sight. The live region stays in place so screen readers announce the warning
 * when it appears.
 */
import type { QualityWarning } from './call-quality';

export function qualityWarningText(warning: QualityWarning): string {
  return `Poor call quality: ${warning.reasons.join(', ')}`;
}

export function CallQualityNotice({ warning }: { warning: QualityWarning | null }) {
  return (
    <div className="call-quality" role="status">
      {warning !== null && (
        <p className="phone-status notice warning">
          <strong>{qualityWarningText(warning)}</strong>
          <span className="call-quality-hint">
            <br />
            Check your network; close other apps using it.
          </span>
        </p>
      )}
    </div>
  );
}
