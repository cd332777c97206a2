import { useEffect, useRef } from 'react';
import type { DialTarget } from './window-screen';

/** Placeholder until the Dialer lands: shows who is being called and lets the user go back. */
export function DialingScreen({ target, onCancel }: { target: DialTarget; onCancel: () => void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const name = target.contact?.name;
  return (
    <section className="dialing" aria-labelledby="dialing-heading">
      <h2 id="dialing-heading" ref={headingRef} tabIndex={-1}>
        Calling {name ?? target.number}…
      </h2>
      {name !== undefined && <p className="muted">{target.number}</p>}
      <p className="muted" role="status">
        Placing calls arrives in the next version.
      </p>
      <button type="button" className="button secondary" onClick={onCancel}>
        Cancel call
      </button>
    </section>
  );
}
