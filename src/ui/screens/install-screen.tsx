import { useState } from 'react';
import { reloadWindow } from '../reload';
import { useSdk } from '../sdk/sdk-context';

export function InstallScreen({ installUrl }: { installUrl: string }) {
  const { whenReady } = useSdk();
  const [isReloading, setReloading] = useState(false);
  return (
    <main className="screen centered">
      <h1>Connect your Pipedrive account</h1>
      <p>
        The calling app isn’t installed for your Pipedrive user yet. Install it to see your contacts and place calls
        from this window.
      </p>
      <p>
        {/* Pipedrive's consent page refuses to be framed: it opens in a new tab. */}
        <a className="button primary" href={installUrl} target="_blank" rel="noopener noreferrer">
          Install in Pipedrive
        </a>
      </p>
      <p>
        <button
          type="button"
          className="button secondary"
          disabled={isReloading}
          onClick={() => {
            setReloading(true);
            void reloadWindow(whenReady);
          }}
        >
          I've installed it — reload
        </button>
      </p>
      <p className="muted">The install page opens in a new tab. Come back here when it says the app is connected.</p>
    </main>
  );
}
