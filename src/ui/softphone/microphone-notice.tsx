import type { MicrophoneProblem } from './microphone';

/** Why the microphone cannot be used and what to do; stays until dismissed or the next call opens it. */
export function MicrophoneNotice({ problem, onDismiss }: { problem: MicrophoneProblem; onDismiss: () => void }) {
  return (
    <section className="notice warning microphone-notice" role="alert" aria-labelledby="microphone-heading">
      <h2 id="microphone-heading">Microphone needed</h2>
      <p>{problem.advice}</p>
      <button type="button" className="button secondary" onClick={onDismiss}>
        Dismiss
      </button>
    </section>
  );
}
