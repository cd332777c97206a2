/**
 * THE typed wrapper around Pipedrive's App Extensions SDK. Everything in the UI talks to Pipedrive
 * through `PipedriveSdk`; only `host-sdk.ts` touches the package itself.
 *
 * Two gaps of the package are covered here: its promises never settle when no host answers (page
 * opened outside Pipedrive), so initialization and commands get timeouts; and `execute()` throws
 * synchronously before initialization, which we turn into rejected promises.
 */
import type { Theme } from '@/ui/page-props';
import { parseThemeMessage, parseVisibilityMessage, type VisibilityChange } from './sdk-messages';

/** The slice of the package's instance we use, with wire-level names (`get_signed_token`, ...). */
export interface RawSdk {
  initialize(options: { size: WindowSize }): Promise<unknown>;
  execute(command: string, args?: unknown): Promise<unknown>;
  listen(event: string, onMessage: (message: unknown) => void): () => void;
}

export interface WindowSize {
  height?: number;
  width?: number;
}

export type RedirectView = 'deals' | 'leads' | 'organizations' | 'contacts' | 'campaigns' | 'projects' | 'settings';

/** Prefill of Pipedrive's activity modal (it has no person field; dates are UTC). */
export interface ActivityPrefill {
  subject?: string;
  /** yyyy-MM-dd */
  dueDate?: string;
  /** HH:mm */
  dueTime?: string;
  /** HH:mm */
  duration?: string;
  note?: string;
  description?: string;
  deal?: number;
  organization?: number;
}

export type ModalOutcome = { status: 'submitted'; id: number | null } | { status: 'closed' };

export interface SnackbarLink {
  url: string;
  label: string;
}

export interface PipedriveSdk {
  /** A fresh JWT (valid 5 minutes) proving the current user and company to our server. */
  getSignedToken(): Promise<string>;
  showWindow(context?: Record<string, unknown>): Promise<void>;
  hideWindow(): Promise<void>;
  resize(size: WindowSize): Promise<void>;
  /** Badge on the app dock icon; 0 clears it. */
  setNotification(count: number): Promise<void>;
  /** Hides the window's close button (only while visible; reset whenever the window opens). */
  setFocusMode(on: boolean): Promise<void>;
  redirectTo(view: RedirectView, id?: number | string): Promise<void>;
  openActivityModal(prefill: ActivityPrefill): Promise<ModalOutcome>;
  showSnackbar(message: string, link?: SnackbarLink): Promise<void>;
  onVisibility(listener: (change: VisibilityChange) => void): () => void;
  onThemeChange(listener: (theme: Theme) => void): () => void;
}

export type SdkErrorCode = 'unavailable' | 'timeout' | 'host_error' | 'bad_response';

export class SdkError extends Error {
  constructor(
    readonly code: SdkErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SdkError';
  }
}

/** Pipedrive's documented floating-window limits. */
export const WINDOW_LIMITS = { minHeight: 70, maxHeight: 700, minWidth: 200, maxWidth: 800 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

export function clampWindowSize(size: WindowSize): WindowSize {
  const clamped: WindowSize = {};
  if (size.height !== undefined) clamped.height = clamp(size.height, WINDOW_LIMITS.minHeight, WINDOW_LIMITS.maxHeight);
  if (size.width !== undefined) clamped.width = clamp(size.width, WINDOW_LIMITS.minWidth, WINDOW_LIMITS.maxWidth);
  return clamped;
}

/** Rejects with an SdkError('timeout') unless `promise` settles within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new SdkError('timeout', `${what}: Pipedrive did not answer`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

function asHostError(error: unknown, what: string): SdkError {
  if (error instanceof SdkError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return new SdkError('host_error', `${what}: ${detail}`);
}

export interface WrapOptions {
  /** Commands without an answer within this time reject; the modal is exempt (the user fills it in). */
  commandTimeoutMs: number;
}

/** Wraps an initialized raw SDK. */
export function wrapSdk(raw: RawSdk, { commandTimeoutMs }: WrapOptions): PipedriveSdk {
  async function run(command: string, args?: unknown, timeoutMs: number | null = commandTimeoutMs): Promise<unknown> {
    try {
      const pending = raw.execute(command, args);
      return await (timeoutMs === null ? pending : withTimeout(pending, timeoutMs, command));
    } catch (error) {
      throw asHostError(error, command);
    }
  }

  return {
    async getSignedToken() {
      const response = await run('get_signed_token');
      const token = (response as { token?: unknown } | null)?.token;
      if (typeof token !== 'string' || token === '') throw new SdkError('bad_response', 'get_signed_token: no token');
      return token;
    },
    async showWindow(context) {
      await run('show_floating_window', context ? { context } : {});
    },
    async hideWindow() {
      await run('hide_floating_window', {});
    },
    async resize(size) {
      await run('resize', clampWindowSize(size));
    },
    async setNotification(count) {
      await run('set_notification', { number: Math.max(0, Math.floor(count)) });
    },
    async setFocusMode(on) {
      await run('set_focus_mode', on);
    },
    async redirectTo(view, id) {
      await run('redirect_to', id === undefined ? { view } : { view, id });
    },
    async openActivityModal(prefill) {
      const response = (await run('open_modal', { type: 'activity', prefill }, null)) as
        | { status?: unknown; id?: unknown }
        | null
        | undefined;
      if (response?.status !== 'submitted') return { status: 'closed' };
      return { status: 'submitted', id: typeof response.id === 'number' ? response.id : null };
    },
    async showSnackbar(message, link) {
      await run('show_snackbar', link ? { message, link } : { message });
    },
    onVisibility(listener) {
      return raw.listen('visibility', (message) => {
        const change = parseVisibilityMessage(message);
        if (change) listener(change);
      });
    },
    onThemeChange(listener) {
      return raw.listen('user_settings_change', (message) => {
        const theme = parseThemeMessage(message);
        if (theme) listener(theme);
      });
    },
  };
}

export type SdkUnavailableReason = 'outside-pipedrive' | 'no-response' | 'failed';

export type SdkState =
  | { status: 'connecting' }
  | { status: 'ready'; sdk: PipedriveSdk }
  | { status: 'unavailable'; reason: SdkUnavailableReason };

export interface SdkConnection {
  getState(): SdkState;
  subscribe(listener: (state: SdkState) => void): () => void;
  /** Resolves once initialized; rejects at once with SdkError('unavailable') when it is not. */
  whenReady(): Promise<PipedriveSdk>;
}

export interface ConnectOptions {
  /** Builds the package's instance; throws when the page has no `id` (not opened by Pipedrive). */
  createRaw: () => RawSdk;
  size: WindowSize;
  /** After this, the UI says Pipedrive is unreachable; a late answer still makes the SDK ready. */
  initTimeoutMs: number;
  commandTimeoutMs: number;
}

/** Initializes at once (Pipedrive hides windows that are not initialized within 10 s). */
export function connectPipedriveSdk(options: ConnectOptions): SdkConnection {
  let state: SdkState = { status: 'connecting' };
  const listeners = new Set<(state: SdkState) => void>();
  let waiters: { resolve: (sdk: PipedriveSdk) => void; reject: (error: unknown) => void }[] = [];

  function setState(next: SdkState): void {
    state = next;
    if (next.status !== 'connecting') {
      const pending = waiters;
      waiters = [];
      for (const waiter of pending) {
        if (next.status === 'ready') waiter.resolve(next.sdk);
        else waiter.reject(unavailableError(next.reason));
      }
    }
    for (const listener of listeners) listener(next);
  }

  let raw: RawSdk | null = null;
  try {
    raw = options.createRaw();
  } catch {
    state = { status: 'unavailable', reason: 'outside-pipedrive' };
  }

  if (raw) {
    const instance = raw;
    const timer = setTimeout(() => {
      if (state.status === 'connecting') setState({ status: 'unavailable', reason: 'no-response' });
    }, options.initTimeoutMs);
    let initializing: Promise<unknown>;
    try {
      initializing = instance.initialize({ size: clampWindowSize(options.size) });
    } catch (error) {
      initializing = Promise.reject(error);
    }
    initializing.then(
      () => {
        clearTimeout(timer);
        setState({ status: 'ready', sdk: wrapSdk(instance, { commandTimeoutMs: options.commandTimeoutMs }) });
      },
      () => {
        clearTimeout(timer);
        setState({ status: 'unavailable', reason: 'failed' });
      },
    );
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    whenReady() {
      const current = state;
      if (current.status === 'ready') return Promise.resolve(current.sdk);
      if (current.status === 'unavailable') return Promise.reject(unavailableError(current.reason));
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }));
    },
  };
}

function unavailableError(reason: SdkUnavailableReason): SdkError {
  const text: Record<SdkUnavailableReason, string> = {
    'outside-pipedrive': 'This page was not opened by Pipedrive',
    'no-response': 'Pipedrive did not answer',
    failed: 'Pipedrive refused to initialize the window',
  };
  return new SdkError('unavailable', text[reason]);
}
