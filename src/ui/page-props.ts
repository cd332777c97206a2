/**
 * Props of the floating-window page (`pages/index.tsx`), decided on the server by
 * `getServerSideProps` after verifying Pipedrive's signed iframe token. The UI renders one view per
 * variant. Nothing here is secret: no Pipedrive token ever reaches the browser.
 */
export type Theme = 'light' | 'dark';

/** The page was opened without a valid signed token (outside Pipedrive, forged or expired link). */
export interface OpenFromPipedriveProps {
  view: 'open-from-pipedrive';
}

/** The token is valid but this Pipedrive user has not authorized the app (or revoked it). */
export interface InstallProps {
  view: 'install';
  installUrl: string;
  /** Set when the app was installed once and its access was revoked, uninstalled or disconnected. */
  reason?: 'disconnected';
}

/** The token is valid and the user's account is connected; a session cookie was set. */
export interface WindowProps {
  view: 'window';
  user: { id: number; name: string };
  company: { id: number; name: string };
  theme: Theme;
  /** How the window's socket connects (SOCKET_TRANSPORTS); absent = long-polling first. */
  socketTransports?: 'websocket' | 'polling,websocket';
}

export type FloatingWindowPageProps = OpenFromPipedriveProps | InstallProps | WindowProps;
