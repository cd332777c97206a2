import { useEffect } from 'react';
import type { Notice } from './call-session-state';

const INFO_VISIBLE_MS = 8_000;

/** Short notices ("Caller hung up", errors). The live region stays mounted so changes are announced. */
export function CallNotice({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  useEffect(() => {
    if (notice?.tone !== 'info') return;
    const timer = setTimeout(onDismiss, INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);

  return (
    <div className="call-notice" role="status" aria-live="polite">
      {notice !== null && (
        <div className={notice.tone === 'error' ? 'notice warning' : 'notice'}>
          <p>{notice.text}</p>
          <button type="button" className="button secondary" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      )}
    </div>
  );
}
