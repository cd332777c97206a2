import type { FloatingWindowPageProps } from './page-props';
import { InstallScreen } from './screens/install-screen';
import { OpenFromPipedriveScreen } from './screens/open-from-pipedrive-screen';
import { getBrowserSdkConnection } from './sdk/host-sdk';
import type { SdkConnection } from './sdk/pipedrive-sdk';
import { SdkProvider } from './sdk/sdk-context';
import { WindowShell } from './window/window-shell';

export type FloatingWindowAppProps = FloatingWindowPageProps & {
  /** Injected by tests; the page uses the real host SDK. */
  connectSdk?: () => SdkConnection;
};

/**
 * The floating window. The SDK is initialized on every view, the install screen included:
 * Pipedrive hides a window whose SDK does not initialize within 10 seconds.
 */
export function FloatingWindowApp({ connectSdk = getBrowserSdkConnection, ...props }: FloatingWindowAppProps) {
  return (
    <SdkProvider connect={connectSdk}>
      <AppView {...props} />
    </SdkProvider>
  );
}

function AppView(props: FloatingWindowPageProps) {
  switch (props.view) {
    case 'open-from-pipedrive':
      return <OpenFromPipedriveScreen />;
    case 'install':
      return <InstallScreen installUrl={props.installUrl} reason={props.reason} />;
    case 'window':
      return <WindowShell user={props.user} company={props.company} theme={props.theme} socketTransports={props.socketTransports} />;
  }
}
