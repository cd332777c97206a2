import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { PipedriveSdk, SdkConnection, SdkState } from './pipedrive-sdk';

export interface SdkContextValue {
  state: SdkState;
  /** The SDK once initialized, else null (server render, still connecting, outside Pipedrive). */
  sdk: PipedriveSdk | null;
  /** Waits for initialization; rejects when Pipedrive is unreachable. */
  whenReady(): Promise<PipedriveSdk>;
}

const CONNECTING: SdkState = { status: 'connecting' };

const SdkContext = createContext<SdkContextValue | null>(null);

export interface SdkProviderProps {
  /** Called in an effect only (never during server rendering); defaults to the host SDK. */
  connect: () => SdkConnection;
  children: ReactNode;
}

export function SdkProvider({ connect, children }: SdkProviderProps) {
  const [connection, setConnection] = useState<SdkConnection | null>(null);
  const [state, setState] = useState<SdkState>(CONNECTING);

  useEffect(() => {
    const current = connect();
    setConnection(current);
    setState(current.getState());
    return current.subscribe(setState);
  }, [connect]);

  const value = useMemo<SdkContextValue>(
    () => ({
      state,
      sdk: state.status === 'ready' ? state.sdk : null,
      whenReady: () => (connection ? connection.whenReady() : waitForConnection(connect)),
    }),
    [state, connection, connect],
  );
  return <SdkContext.Provider value={value}>{children}</SdkContext.Provider>;
}

/** Before the provider's effect ran, callers (effects of children) still get the one connection. */
function waitForConnection(connect: () => SdkConnection): Promise<PipedriveSdk> {
  return connect().whenReady();
}

export function useSdk(): SdkContextValue {
  const value = useContext(SdkContext);
  if (!value) throw new Error('useSdk() needs an <SdkProvider> above it');
  return value;
}
