import { useSyncExternalStore } from 'react';
import type { CallRecording, RecordingStatus } from './call-recording';

const idle = (): RecordingStatus => 'idle';

/** "Recording" while the call is recorded (company setting), "Recording paused" while it is on hold. */
export function RecordingIndicator({ recording }: { recording: CallRecording }) {
  const status = useSyncExternalStore(recording.subscribe, recording.getStatus, idle);
  if (status === 'idle') return null;
  return (
    <p className="recording-indicator" role="status" data-status={status}>
      <span className="recording-dot" aria-hidden="true" />
      {status === 'recording' ? 'Recording' : 'Recording paused (on hold)'}
    </p>
  );
}
