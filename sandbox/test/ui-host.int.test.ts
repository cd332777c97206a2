import { jwtVerify } from 'jose';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../../tests/support/browser';
import { startTestApp, type TestAppServer } from './ui-test-app';
import { startUiHost, type UiHost } from './ui-test-host';

// The real @pipedrive/app-extensions-sdk runs in the iframe (test app page on localhost) against
// the sandbox host page (127.0.0.1): every command, event and host reaction goes over the wire.

interface SdkAnswer {
  data?: unknown;
  error?: string;
}
interface AppEvent {
  event: string;
  message: { data?: unknown; error?: string };
}
interface HostLogEntry {
  kind: string;
  name: string;
  [key: string]: unknown;
}
declare global {
  interface Window {
    appTest: {
      initialized: Promise<SdkAnswer> | null;
      events: AppEvent[];
      run(command: string, args?: unknown): Promise<SdkAnswer>;
      postRaw(message: unknown, withPort: boolean): unknown[];
      pending?: Promise<SdkAnswer>;
      answers?: unknown[];
      marker?: string;
      sdk: { initialize(options?: unknown): Promise<unknown> };
    };
    __sandboxHost: { frameId: string; log: HostLogEntry[]; state: Record<string, unknown>; timings: HostTimings };
  }
}

interface HostTimings {
  frameSrcSetAt: number | null;
  firstMessageAt: number | null;
  initializeAt: number | null;
}

const ALICE = 20001; // installed
const BOB = 20002; // installed
const CAROL = 20003; // not installed
const HARRIET = { id: 1, phone: '+44 20 7946 0958' };

let app: TestAppServer;
let host: UiHost;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  app = await startTestApp();
  host = await startUiHost(app);
  await host.install(ALICE);
  await host.install(BOB);
  browser = await launchChromium();
});

afterEach(async () => {
  app.mode = 'init';
  await Promise.all(contexts.splice(0).map((context) => context.close()));
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
  await app?.close();
});

async function newContext(userId = ALICE): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addCookies([{ name: 'sandbox_user', value: String(userId), url: host.url }]);
  contexts.push(context);
  return context;
}

/** Opens a host page and waits until the app in the floating window finished `initialize`. */
async function openHost(path = '/persons', context?: BrowserContext): Promise<{ page: Page; frame: Frame }> {
  const page = await (context ?? (await newContext())).newPage();
  await page.goto(host.url + path);
  const frame = await appFrame(page);
  if (app.mode === 'init') await initialized(frame);
  return { page, frame };
}

/** Hidden cross-site frames get no animation frames: poll on a timer instead. */
const POLL = { polling: 50 } as const;

async function initialized(frame: Frame): Promise<void> {
  expect(await frame.evaluate(() => window.appTest.initialized)).toEqual({ data: true });
}

async function appFrame(page: Page): Promise<Frame> {
  const element = await page.waitForSelector('#floating-window-frame[src]', { state: 'attached' });
  const frame = await element.contentFrame();
  if (!frame) throw new Error('floating window has no frame');
  await frame.waitForFunction(() => window.appTest !== undefined, undefined, POLL);
  return frame;
}

function run(frame: Frame, command: string, args?: unknown): Promise<SdkAnswer> {
  return frame.evaluate(([name, value]) => window.appTest.run(name as string, value), [command, args] as const);
}

/** Waits for the app's n-th event (1-based) and returns it. */
async function nthEvent(frame: Frame, n: number): Promise<AppEvent> {
  await frame.waitForFunction((count) => window.appTest.events.length >= count, n, POLL);
  const events = await frame.evaluate(() => window.appTest.events);
  return events[n - 1] as AppEvent;
}

/** The answer of the command started earlier with `window.appTest.pending = ...`. */
async function pending(frame: Frame): Promise<SdkAnswer> {
  return frame.evaluate(() => window.appTest.pending ?? { error: 'nothing pending' });
}

function panel(page: Page) {
  return page.locator('#floating-window');
}

function hostLog(page: Page): Promise<HostLogEntry[]> {
  return page.evaluate(() => window.__sandboxHost.log);
}

describe('floating window loading', () => {
  it('loads the app hidden with id, userId, companyId, theme and a 5-minute HS256 token; initialize sets the size', async () => {
    const { page } = await openHost();
    const frameId = await page.evaluate(() => window.__sandboxHost.frameId);
    const params = app.requests.at(-1);
    expect(params?.get('id')).toBe(frameId);
    expect(params?.get('userId')).toBe(String(ALICE));
    expect(params?.get('companyId')).toBe(String(host.ctx.store.company.id));
    expect(params?.get('theme')).toBe('light');
    const { payload } = await jwtVerify(params?.get('token') ?? '', new TextEncoder().encode(host.ctx.options.app.jwtSecret), {
      algorithms: ['HS256'],
    });
    expect(payload).toMatchObject({ userId: ALICE, companyId: host.ctx.store.company.id });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);

    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('ready');
    expect(await panel(page).getAttribute('data-visible')).toBe('false');
    expect(await page.getByRole('dialog', { name: 'Caller app' }).count()).toBe(0);
    expect(await panel(page).getAttribute('data-width')).toBe('420');
    expect(await panel(page).getAttribute('data-height')).toBe('320');
    const log = await hostLog(page);
    expect(log).toContainEqual(expect.objectContaining({ kind: 'command', name: 'initialize' }));
    expect(log).toContainEqual({ kind: 'listener', name: 'visibility' });
    expect(log).toContainEqual({ kind: 'listener', name: 'user_settings_change' });
  });

  it('marks when the iframe src was set and when the app\'s first message and initialize reached the host (for the bench)', async () => {
    app.mode = 'silent';
    const { page, frame } = await openHost();
    const before = await page.evaluate(() => window.__sandboxHost.timings);
    expect(before.frameSrcSetAt).toEqual(expect.any(Number));
    // The silent app registers its listeners (messages) but does not initialize.
    expect(before.initializeAt).toBeNull();

    const frameId = await page.evaluate(() => window.__sandboxHost.frameId);
    await frame.evaluate((id) => {
      window.appTest.answers = window.appTest.postRaw({ id, payload: { type: 'command', command: 'get_metadata' } }, true);
    }, frameId);
    await frame.waitForFunction(() => (window.appTest.answers ?? []).length === 1, undefined, POLL);
    const afterCommand = await page.evaluate(() => window.__sandboxHost.timings);
    expect(afterCommand.firstMessageAt).toBeGreaterThanOrEqual(before.frameSrcSetAt ?? Infinity);
    expect(afterCommand.initializeAt).toBeNull();

    await frame.evaluate(() => window.appTest.sdk.initialize());
    const after = await page.evaluate(() => window.__sandboxHost.timings);
    expect(after.initializeAt).toBeGreaterThanOrEqual(afterCommand.firstMessageAt ?? Infinity);
    expect(after.firstMessageAt).toBe(afterCommand.firstMessageAt);
  });

  it('shows an error state when the app does not initialize within 10 s, and refuses a late initialize', async () => {
    app.mode = 'silent';
    const context = await newContext();
    const page = await context.newPage();
    await page.clock.install();
    await page.goto(`${host.url}/persons`);
    const frame = await appFrame(page);
    expect(await panel(page).getAttribute('data-state')).toBe('loading');
    const early = await run(frame, 'get_metadata');
    expect(early.error).toBe('SDK is not initialized');
    const frameId = await page.evaluate(() => window.__sandboxHost.frameId);
    await frame.evaluate((id) => {
      window.appTest.answers = window.appTest.postRaw({ id, payload: { type: 'command', command: 'get_metadata' } }, true);
    }, frameId);
    await frame.waitForFunction(() => (window.appTest.answers ?? []).length === 1, undefined, POLL);
    expect(await frame.evaluate(() => window.appTest.answers)).toEqual([{ error: 'The app must call initialize first' }]);

    await page.clock.runFor(10_001);
    await expect.poll(() => panel(page).getAttribute('data-state')).toBe('error');
    await page.getByRole('button', { name: 'Caller app' }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'did not initialize within 10 s' }).isVisible()).toBe(true);
    const late = await frame.evaluate(() =>
      window.appTest.sdk.initialize().then(
        () => 'initialized',
        (error: Error) => error.message,
      ),
    );
    expect(late).toBe('initialize arrived after the 10 s limit');
  });
});

describe('visibility', () => {
  it('show/hide commands toggle the window and emit VISIBILITY with the app context and invoker "command"', async () => {
    const { page, frame } = await openHost();
    expect(await run(frame, 'show_floating_window', { context: { call_id: 'c-1', invoker: 'spoofed' } })).toEqual({});
    expect((await nthEvent(frame, 1)).message).toEqual({
      data: { is_visible: true, context: { call_id: 'c-1', invoker: 'command' } },
    });
    expect(await panel(page).getAttribute('data-visible')).toBe('true');
    expect(await page.getByRole('dialog', { name: 'Caller app' }).isVisible()).toBe(true);

    expect(await run(frame, 'hide_floating_window')).toEqual({});
    expect((await nthEvent(frame, 2)).message).toEqual({ data: { is_visible: false, context: { invoker: 'command' } } });
    expect(await panel(page).getAttribute('data-visible')).toBe('false');
  });

  it('the dock button and the close X open and close the window with invoker "user"', async () => {
    const { page, frame } = await openHost();
    const dock = page.getByRole('button', { name: 'Caller app' });
    await dock.click();
    expect((await nthEvent(frame, 1)).message).toEqual({ data: { is_visible: true, context: { invoker: 'user' } } });
    expect(await dock.getAttribute('aria-expanded')).toBe('true');
    await page.getByRole('button', { name: 'Close window' }).click();
    expect((await nthEvent(frame, 2)).message).toEqual({ data: { is_visible: false, context: { invoker: 'user' } } });
    expect(await panel(page).getAttribute('data-visible')).toBe('false');
    await dock.click();
    await dock.click();
    expect((await nthEvent(frame, 4)).message).toEqual({ data: { is_visible: false, context: { invoker: 'user' } } });
  });

  it('a phone-number click opens the window and hands over number, person and deal', async () => {
    const { page, frame } = await openHost(`/persons/${HARRIET.id}`);
    await page.getByRole('link', { name: HARRIET.phone }).click();
    expect((await nthEvent(frame, 1)).message).toEqual({
      data: { is_visible: true, context: { invoker: 'user', number: HARRIET.phone, person_id: HARRIET.id } },
    });
    expect(await panel(page).getAttribute('data-visible')).toBe('true');

    const deal = host.ctx.store.listDeals({ personId: HARRIET.id })[0];
    if (!deal) throw new Error('seed has no deal for person 1');
    await page.goto(`${host.url}/deals/${deal.id}`);
    const dealFrame = await appFrame(page);
    await initialized(dealFrame);
    await page.getByRole('link', { name: HARRIET.phone }).click();
    expect((await nthEvent(dealFrame, 1)).message).toEqual({
      data: { is_visible: true, context: { invoker: 'user', number: HARRIET.phone, person_id: HARRIET.id, deal_id: deal.id } },
    });
  });
});

describe('window commands', () => {
  it('set_notification shows the badge, "9+" above 9, and 0 clears it', async () => {
    const { page, frame } = await openHost();
    const dock = page.getByRole('button', { name: 'Caller app' });
    const badge = page.locator('#dock-badge');
    expect(await run(frame, 'set_notification', { number: 3 })).toEqual({});
    expect(await dock.getAttribute('data-badge')).toBe('3');
    expect(await badge.textContent()).toBe('3');
    expect(await badge.isVisible()).toBe(true);
    await run(frame, 'set_notification', { number: 12 });
    expect(await dock.getAttribute('data-badge')).toBe('12');
    expect(await badge.textContent()).toBe('9+');
    await run(frame, 'set_notification', { number: 0 });
    expect(await dock.getAttribute('data-badge')).toBe('0');
    expect(await badge.isVisible()).toBe(false);
    await run(frame, 'set_notification', { number: 5 });
    await run(frame, 'set_notification', {});
    expect(await dock.getAttribute('data-badge')).toBe('0');
    expect((await run(frame, 'set_notification', { number: -1 })).error).toMatch(/non-negative/);
  });

  it('resize clamps to 70–700 × 200–800 and rejects non-numbers', async () => {
    const { page, frame } = await openHost();
    expect(await run(frame, 'resize', { height: 1000, width: 100 })).toEqual({});
    expect(await panel(page).getAttribute('data-height')).toBe('700');
    expect(await panel(page).getAttribute('data-width')).toBe('200');
    expect(await run(frame, 'resize', { height: 250 })).toEqual({});
    expect(await panel(page).getAttribute('data-height')).toBe('250');
    expect(await panel(page).getAttribute('data-width')).toBe('200');
    const box = await page.locator('#floating-window-frame').boundingBox();
    expect(box && { width: box.width, height: box.height }).toEqual({ width: 200, height: 250 });
    expect((await run(frame, 'resize', { height: 'tall' })).error).toMatch(/finite number/);
  });

  it('set_focus_mode needs a visible window, hides the X, and is reset when the window opens', async () => {
    const { page, frame } = await openHost();
    const close = page.getByRole('button', { name: 'Close window' });
    expect((await run(frame, 'set_focus_mode', true)).error).toMatch(/must be visible/);
    await run(frame, 'show_floating_window');
    expect(await run(frame, 'set_focus_mode', true)).toEqual({});
    expect(await panel(page).getAttribute('data-focus-mode')).toBe('true');
    expect(await close.isVisible()).toBe(false);
    // The dock does not close a window in focus mode either.
    await page.getByRole('button', { name: 'Caller app' }).click();
    expect(await panel(page).getAttribute('data-visible')).toBe('true');
    await run(frame, 'hide_floating_window');
    await page.getByRole('button', { name: 'Caller app' }).click();
    expect(await panel(page).getAttribute('data-focus-mode')).toBe('false');
    expect(await close.isVisible()).toBe(true);
    expect((await run(frame, 'set_focus_mode', 'yes')).error).toMatch(/boolean/);
  });

  it('get_metadata answers the host window size', async () => {
    const { page, frame } = await openHost();
    const size = await page.evaluate(() => ({ windowHeight: window.innerHeight, windowWidth: window.innerWidth }));
    expect(await run(frame, 'get_metadata')).toEqual({ data: size });
    expect(size).toEqual({ windowHeight: 800, windowWidth: 1280 });
  });

  it('get_signed_token answers a fresh 5-minute JWT for the current user', async () => {
    const { frame } = await openHost();
    const answer = await run(frame, 'get_signed_token');
    const token = (answer.data as { token: string }).token;
    const { payload } = await jwtVerify(token, new TextEncoder().encode(host.ctx.options.app.jwtSecret), { algorithms: ['HS256'] });
    expect(payload).toMatchObject({ userId: ALICE, companyId: host.ctx.store.company.id });
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBe(300);
  });

  it('redirect_to navigates the host to person and deal pages and keeps the floating window', async () => {
    const { page, frame } = await openHost();
    await frame.evaluate(() => {
      window.appTest.marker = 'same document';
    });
    expect(await run(frame, 'redirect_to', { view: 'contacts', id: 2 })).toEqual({});
    await page.waitForURL(`${host.url}/persons/2`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Samuel Reed');
    expect(await run(frame, 'redirect_to', { view: 'deals', id: 1 })).toEqual({});
    await page.waitForURL(`${host.url}/deals/1`);
    expect(await frame.evaluate(() => window.appTest.marker)).toBe('same document');
    expect((await run(frame, 'redirect_to', { view: 'campaigns' })).error).toMatch(/not available/);
  });

  it('answers unknown commands with an error and ignores messages with another id', async () => {
    const { page, frame } = await openHost();
    const frameId = await page.evaluate(() => window.__sandboxHost.frameId);
    await frame.evaluate((id) => {
      const wrong = window.appTest.postRaw({ id: 'not-the-id', payload: { type: 'command', command: 'get_metadata' } }, true);
      const right = window.appTest.postRaw({ id, payload: { type: 'command', command: 'dance', args: {} } }, true);
      window.appTest.answers = [wrong, right];
    }, frameId);
    await frame.waitForFunction(() => (window.appTest.answers?.[1] as unknown[]).length === 1, undefined, POLL);
    expect(await frame.evaluate(() => window.appTest.answers)).toEqual([[], [{ error: 'Unknown command: dance' }]]);
    expect(await hostLog(page)).toContainEqual({ kind: 'rejected', name: 'wrong-id' });
  });

  it('records track messages', async () => {
    const { page, frame } = await openHost();
    await frame.evaluate(() => window.dispatchEvent(new FocusEvent('focus')));
    await expect.poll(async () => (await hostLog(page)).filter((entry) => entry.kind === 'track')).toEqual([
      { kind: 'track', name: 'focused' },
    ]);
  });
});

describe('dialogs', () => {
  it('show_snackbar shows a toast with an optional link', async () => {
    const { page, frame } = await openHost();
    expect(
      await run(frame, 'show_snackbar', { message: 'Call logged', link: { url: 'https://example.com/x', label: 'Open' } }),
    ).toEqual({});
    const toast = page.getByRole('status').filter({ hasText: 'Call logged' });
    expect(await toast.isVisible()).toBe(true);
    expect(await toast.getByRole('link', { name: 'Open' }).getAttribute('href')).toBe('https://example.com/x');
    expect((await run(frame, 'show_snackbar', {})).error).toMatch(/message/);
  });

  it('show_confirmation answers confirmed true or false', async () => {
    const { page, frame } = await openHost();
    const ask = () =>
      frame.evaluate(() => {
        window.appTest.pending = window.appTest.run('show_confirmation', {
          title: 'End the call?',
          description: 'The customer is still on the line.',
          okText: 'End call',
          cancelText: 'Keep talking',
          okColor: 'primary',
        });
      });
    await ask();
    const dialog = page.getByRole('dialog', { name: 'End the call?' });
    expect(await dialog.getByText('The customer is still on the line.').isVisible()).toBe(true);
    expect(await dialog.getByRole('button', { name: 'End call' }).getAttribute('data-color')).toBe('primary');
    await dialog.getByRole('button', { name: 'End call' }).click();
    expect(await pending(frame)).toEqual({ data: { confirmed: true } });
    await ask();
    await dialog.getByRole('button', { name: 'Keep talking' }).click();
    expect(await pending(frame)).toEqual({ data: { confirmed: false } });
  });

  it('open_modal activity is prefilled, creates a real activity on save, and answers closed on cancel or close_modal', async () => {
    const { page, frame } = await openHost();
    const deal = host.ctx.store.getDeal(1);
    if (!deal) throw new Error('seed has no deal 1');
    await frame.evaluate((dealId) => {
      window.appTest.pending = window.appTest.run('open_modal', {
        type: 'activity',
        prefill: {
          subject: 'Follow-up call',
          dueDate: '2031-02-03',
          dueTime: '13:30',
          duration: '00:15',
          note: 'Discussed <b>pricing</b>',
          deal: dealId,
        },
      });
    }, deal.id);
    const modal = page.getByRole('dialog', { name: 'Add activity' });
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await modal.getByLabel('Subject').inputValue()).toBe('Follow-up call');
    expect(await modal.getByLabel('Due date').inputValue()).toBe('2031-02-03');
    expect(await modal.getByLabel('Due time').inputValue()).toBe('13:30');
    expect(await modal.getByLabel('Duration').inputValue()).toBe('00:15');
    expect(await modal.getByLabel('Note').inputValue()).toBe('Discussed <b>pricing</b>');
    expect(await modal.getByLabel('Deal ID').inputValue()).toBe(String(deal.id));
    await modal.getByRole('button', { name: 'Save' }).click();
    const saved = await pending(frame);
    const { status, id } = saved.data as { status: string; id: number };
    expect(status).toBe('submitted');
    expect(host.ctx.store.getActivity(id)).toMatchObject({
      subject: 'Follow-up call',
      owner_id: ALICE,
      deal_id: deal.id,
      person_id: deal.person_id,
      due_date: '2031-02-03',
      due_time: '13:30',
      duration: '00:15',
      note: 'Discussed <b>pricing</b>',
    });

    await frame.evaluate(() => {
      window.appTest.pending = window.appTest.run('open_modal', { type: 'activity' });
    });
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await modal.getByLabel('Subject').inputValue()).toBe('');
    await modal.getByRole('button', { name: 'Cancel' }).click();
    expect(await pending(frame)).toEqual({ data: { status: 'closed' } });

    await frame.evaluate(() => {
      window.appTest.pending = window.appTest.run('open_modal', { type: 'activity', prefill: { subject: 'x' } });
    });
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect((await run(frame, 'open_modal', { type: 'activity' })).error).toMatch(/already open/);
    expect(await run(frame, 'close_modal')).toEqual({});
    expect(await pending(frame)).toEqual({ data: { status: 'closed' } });
    expect(await modal.isVisible()).toBe(false);
    expect((await run(frame, 'open_modal', { type: 'deal' })).error).toMatch(/not available/);
  });
});

describe('user settings and users', () => {
  it('the theme toggle sends user_settings_change and is kept per user', async () => {
    const context = await newContext(BOB);
    const { page, frame } = await openHost('/persons', context);
    await page.getByRole('button', { name: 'Dark theme' }).click();
    expect((await nthEvent(frame, 1)).message).toEqual({ data: { theme: 'dark' } });
    expect(await page.locator('html').getAttribute('data-theme')).toBe('dark');
    expect(await page.getByRole('button', { name: 'Dark theme' }).getAttribute('aria-pressed')).toBe('true');
    await page.reload();
    await appFrame(page);
    expect(app.requests.at(-1)?.get('theme')).toBe('dark');
    await page.getByRole('button', { name: 'Dark theme' }).click();
    await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('light');
  });

  it('the user switcher changes the acting user; two tabs of one user each get their own window', async () => {
    const context = await newContext(ALICE);
    const first = await openHost('/persons', context);
    await first.page.getByRole('combobox', { name: 'Acting as user' }).selectOption(String(BOB));
    await first.page.waitForFunction((bob) => document.body.dataset.userId === String(bob), BOB);
    const bobFrame = await appFrame(first.page);
    expect(new URL(bobFrame.url()).searchParams.get('userId')).toBe(String(BOB));
    expect(new URL(first.page.url()).pathname).toBe('/persons');

    const second = await openHost('/deals', context);
    const ids = await Promise.all([first.page, second.page].map((p) => p.evaluate(() => window.__sandboxHost.frameId)));
    expect(ids[0]).not.toBe(ids[1]);
    await initialized(bobFrame);
    await run(second.frame, 'set_notification', { number: 2 });
    expect(await second.page.getByRole('button', { name: 'Caller app' }).getAttribute('data-badge')).toBe('2');
    expect(await first.page.getByRole('button', { name: 'Caller app' }).getAttribute('data-badge')).toBe('0');
    for (const frame of [bobFrame, second.frame]) {
      expect((await run(frame, 'get_signed_token')).data).toEqual({ token: expect.any(String) });
    }
  });

  it('a user without the app has no floating window; a phone click suggests Marketplace', async () => {
    const context = await newContext(CAROL);
    const page = await context.newPage();
    await page.goto(`${host.url}/persons/${HARRIET.id}`);
    expect(await page.locator('#floating-window').count()).toBe(0);
    await page.getByRole('link', { name: HARRIET.phone }).click();
    expect(await page.getByRole('status').filter({ hasText: 'No calling app' }).isVisible()).toBe(true);
  });
});

describe('pages', () => {
  it('escapes CRM data: the person named <img onerror> is text', async () => {
    const context = await newContext();
    const page = await context.newPage();
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await page.goto(`${host.url}/persons/10`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('main img').count()).toBe(0);
    await page.goto(`${host.url}/persons`);
    expect(await page.locator('main img').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('lists persons with pagination and links to their pages', async () => {
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(`${host.url}/persons`);
    const rows = page.getByRole('table', { name: 'Persons' }).locator('tbody tr');
    expect(await rows.count()).toBe(20);
    const firstPage = await rows.first().getAttribute('data-person-id');
    await page.getByRole('link', { name: 'Next page' }).click();
    await expect.poll(() => rows.first().getAttribute('data-person-id')).not.toBe(firstPage);
    expect(page.url()).toContain('cursor=');
  });

  it('Marketplace installs through the app login URL and uninstalls through the sandbox', async () => {
    const carolPage = await (await newContext(CAROL)).newPage();
    await carolPage.goto(`${host.url}/marketplace`);
    expect(await carolPage.getByRole('link', { name: 'Install' }).getAttribute('href')).toBe(
      `${app.origin}/api/auth/login`,
    );

    const { page } = await openHost('/marketplace', await newContext(ALICE));
    await page.getByRole('button', { name: 'Uninstall' }).click();
    await page.waitForURL(`${host.url}/marketplace?uninstalled=1`);
    expect(host.ctx.isAppInstalled(ALICE)).toBe(false);
    expect(app.uninstallNotices).toContainEqual(expect.objectContaining({ user_id: ALICE }));
    expect(await page.locator('#floating-window').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Install' }).isVisible()).toBe(true);
  });
});
