import { ReloadButton } from '@/ui/reload-button';

export interface InstallScreenProps {
  installUrl: string;
  /** The app was connected before (revoked, uninstalled or disconnected): ask to reconnect. */
  reason?: 'disconnected';
}

const TEXT = {
  install: {
    title: 'Connect your Pipedrive account',
    body: 'The calling app isn’t installed for your Pipedrive user yet. Install it to see your contacts and place calls from this window.',
    action: 'Install in Pipedrive',
  },
  disconnected: {
    title: 'Reconnect your Pipedrive account',
    body: 'This app is no longer connected to your Pipedrive user: its access was revoked, the app was uninstalled or disconnected. Reconnect to see your contacts and place calls again.',
    action: 'Reconnect Pipedrive',
  },
} as const;

export function InstallScreen({ installUrl, reason }: InstallScreenProps) {
  const text = TEXT[reason ?? 'install'];
  return (
    <main className="screen centered">
      <h1>{text.title}</h1>
      <p>{text.body}</p>
      <p>
        {/* Pipedrive's consent page refuses to be framed: it opens in a new tab. */}
        <a className="button primary" href={installUrl} target="_blank" rel="noopener noreferrer">
          {text.action}
        </a>
      </p>
      <p>
        <ReloadButton>{reason === 'disconnected' ? 'I’ve reconnected it — reload' : "I've installed it — reload"}</ReloadButton>
      </p>
      <p className="muted">The Pipedrive page opens in a new tab. Come back here when it says the app is connected.</p>
    </main>
  );
}
