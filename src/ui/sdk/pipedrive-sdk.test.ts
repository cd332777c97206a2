import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clampWindowSize, connectPipedriveSdk, SdkError, wrapSdk, type RawSdk, type SdkState } from './pipedrive-sdk';

/** A fake host SDK: commands answer from `answers`; `emit` plays the host posting to a listener. */
function fakeRaw(options: { initialize?: () => Promise<unknown>; answers?: Record<string, () => Promise<unknown>> } = {}) {
  const listeners = new Map<string, (message: unknown) => void>();
  const executed: { command: string; args: unknown }[] = [];
  const raw: RawSdk = {
    initialize: vi.fn(options.initialize ?? (() => Promise.resolve())),
    execute: vi.fn((command: string, args?: unknown) => {
      executed.push({ command, args });
      const answer = options.answers?.[command];
      return answer ? answer() : Promise.resolve(undefined);
    }),
    listen: vi.fn((event: string, onMessage: (message: unknown) => void) => {
      listeners.set(event, onMessage);
      return () => listeners.delete(event);
    }),
  };
  return { raw, executed, emit: (event: string, message: unknown) => listeners.get(event)?.(message), listeners };
}

const never = () => new Promise<never>(() => {});

describe('connectPipedriveSdk', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const options = { size: { height: 600, width: 360 }, initTimeoutMs: 3000, commandTimeoutMs: 10_000 };

  it('initializes at once with the size and becomes ready', async () => {
    const host = fakeRaw();
    const connection = connectPipedriveSdk({ ...options, createRaw: () => host.raw });
    expect(host.raw.initialize).toHaveBeenCalledWith({ size: { height: 600, width: 360 } });
    expect(connection.getState().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.getState().status).toBe('ready');
    await expect(connection.whenReady()).resolves.toBeDefined();
  });

  it('says "outside Pipedrive" when the SDK cannot be constructed (no id in the URL)', async () => {
    const connection = connectPipedriveSdk({
      ...options,
      createRaw: () => {
        throw new Error('Missing custom UI identifier');
      },
    });
    expect(connection.getState()).toEqual({ status: 'unavailable', reason: 'outside-pipedrive' });
    await expect(connection.whenReady()).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('gives up waiting after the timeout, rejecting waiters, and still accepts a late answer', async () => {
    let answer: () => void = () => {};
    const host = fakeRaw({ initialize: () => new Promise<void>((resolve) => (answer = resolve)) });
    const connection = connectPipedriveSdk({ ...options, createRaw: () => host.raw });
    const states: SdkState['status'][] = [];
    connection.subscribe((state) => states.push(state.status));
    const waiting = connection.whenReady();
    const outcome = waiting.catch((error: unknown) => error);

    await vi.advanceTimersByTimeAsync(2999);
    expect(connection.getState().status).toBe('connecting');
    await vi.advanceTimersByTimeAsync(1);
    expect(connection.getState()).toEqual({ status: 'unavailable', reason: 'no-response' });
    expect(await outcome).toBeInstanceOf(SdkError);

    answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(states).toEqual(['unavailable', 'ready']);
  });

  it('reports a host that refuses initialization', async () => {
    const host = fakeRaw({ initialize: () => Promise.reject(new Error('nope')) });
    const connection = connectPipedriveSdk({ ...options, createRaw: () => host.raw });
    await vi.advanceTimersByTimeAsync(0);
    expect(connection.getState()).toEqual({ status: 'unavailable', reason: 'failed' });
  });
});

describe('wrapSdk', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('returns the signed token and rejects an empty answer', async () => {
    const good = wrapSdk(fakeRaw({ answers: { get_signed_token: async () => ({ token: 'jwt' }) } }).raw, { commandTimeoutMs: 10 });
    await expect(good.getSignedToken()).resolves.toBe('jwt');
    const bad = wrapSdk(fakeRaw({ answers: { get_signed_token: async () => ({}) } }).raw, { commandTimeoutMs: 10 });
    await expect(bad.getSignedToken()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('times out a command the host never answers', async () => {
    const sdk = wrapSdk(fakeRaw({ answers: { get_signed_token: never } }).raw, { commandTimeoutMs: 5000 });
    const outcome = sdk.getSignedToken().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(5000);
    expect(await outcome).toMatchObject({ code: 'timeout' });
  });

  it('turns a synchronous throw of the package (not initialized) into a rejection', async () => {
    const host = fakeRaw();
    host.raw.execute = () => {
      throw new Error('SDK is not initialized');
    };
    await expect(wrapSdk(host.raw, { commandTimeoutMs: 10 }).hideWindow()).rejects.toMatchObject({ code: 'host_error' });
  });

  it('sends commands with their wire names and arguments', async () => {
    const host = fakeRaw({ answers: { open_modal: async () => ({ status: 'submitted', id: 12 }) } });
    const sdk = wrapSdk(host.raw, { commandTimeoutMs: 10 });
    await sdk.showWindow({ reason: 'inbound' });
    await sdk.resize({ height: 9999, width: 10 });
    await sdk.setNotification(-2);
    await sdk.setFocusMode(true);
    await sdk.redirectTo('contacts', 42);
    await sdk.showSnackbar('Saved');
    await expect(sdk.openActivityModal({ subject: 'Call back' })).resolves.toEqual({ status: 'submitted', id: 12 });
    expect(host.executed).toEqual([
      { command: 'show_floating_window', args: { context: { reason: 'inbound' } } },
      { command: 'resize', args: { height: 700, width: 200 } },
      { command: 'set_notification', args: { number: 0 } },
      { command: 'set_focus_mode', args: true },
      { command: 'redirect_to', args: { view: 'contacts', id: 42 } },
      { command: 'show_snackbar', args: { message: 'Saved' } },
      { command: 'open_modal', args: { type: 'activity', prefill: { subject: 'Call back' } } },
    ]);
  });

  it('does not time out the activity modal (the user is filling it in)', async () => {
    let close: (value: unknown) => void = () => {};
    const host = fakeRaw({ answers: { open_modal: () => new Promise((resolve) => (close = resolve)) } });
    const pending = wrapSdk(host.raw, { commandTimeoutMs: 1000 }).openActivityModal({});
    await vi.advanceTimersByTimeAsync(60_000);
    close({ status: 'closed' });
    await expect(pending).resolves.toEqual({ status: 'closed' });
  });

  it('delivers parsed visibility and theme events, ignoring malformed ones', () => {
    const host = fakeRaw();
    const sdk = wrapSdk(host.raw, { commandTimeoutMs: 10 });
    const visibility = vi.fn();
    const themes = vi.fn();
    sdk.onVisibility(visibility);
    const stopTheme = sdk.onThemeChange(themes);

    host.emit('visibility', { data: { is_visible: true, context: { number: '+3725550000' } } });
    host.emit('visibility', { data: {} });
    host.emit('user_settings_change', { data: { theme: 'dark' } });
    host.emit('user_settings_change', { data: { theme: 'purple' } });
    expect(visibility).toHaveBeenCalledTimes(1);
    expect(visibility.mock.calls[0]?.[0]).toMatchObject({ isVisible: true, context: { number: '+3725550000' } });
    expect(themes.mock.calls).toEqual([['dark']]);

    stopTheme();
    expect(host.listeners.has('user_settings_change')).toBe(false);
  });
});

describe('clampWindowSize', () => {
  it('keeps sizes inside Pipedrive limits and leaves missing sides out', () => {
    expect(clampWindowSize({ height: 10 })).toEqual({ height: 70 });
    expect(clampWindowSize({ width: 900.4 })).toEqual({ width: 800 });
    expect(clampWindowSize({ height: 500, width: 320 })).toEqual({ height: 500, width: 320 });
  });
});
