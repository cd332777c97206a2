import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { dialInbound, dockBadge, openControlCenter } from '../support/inbound';
import { installedPage, openWindowFromDock } from '../support/journeys';
import { screenshotPath } from '../support/screenshots';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';
import { layoutProblems, setWindowSize, setWindowZoom } from '../support/window-layout';

// Every screen of the floating window at the sizes Pipedrive gives it: the default (360 x 500),
// the smallest practical ones (320 x 400, and 200 x 300 at the minimum width; 200 x 70 is only a
// title bar) and the default at 200 % zoom. Nothing may scroll the window sideways or clip a tab.

const AGENT = { id: 20001, name: 'Alice Admin' };
const HARRIET = { name: 'Harriet Wells' };
const GRETA = { e164: '+493090182736' };
const SIZES = [
  { label: 'default 360x500', width: 360, height: 500, zoom: 1 },
  { label: 'small 320x400', width: 320, height: 400, zoom: 1 },
  { label: 'minimum width 200x300', width: 200, height: 300, zoom: 1 },
  { label: 'default at 200 % zoom', width: 360, height: 500, zoom: 2 },
] as const;

describe('the floating window at its real sizes', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let admin: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    stack = await startStack({ appEnv: { MOCK_TELEPHONY_RING_MS: '50', MOCK_TELEPHONY_CONNECT_MS: '300', RING_TIMEOUT_SECONDS: '5' } });
    browser = await launchChromium();
    ({ context, page } = await installedPage(browser, stack, { timeoutMs: 15_000 }));
    frame = await openWindowFromDock(page, stack, AGENT.name);
    admin = await openControlCenter(context, stack);
  });

  afterEach(async (test) => {
    if (test.task.result?.state !== 'fail' || !page) return;
    await page.screenshot({ path: screenshotPath(`failed-window-sizes-${test.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 50)}`) }).catch(() => {});
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  /** The screen at every size; the problems of all of them in one failure message. */
  async function expectFitsEverySize(screen: string) {
    const found: string[] = [];
    for (const size of SIZES) {
      await setWindowSize(page, size);
      await setWindowZoom(frame, size.zoom);
      // Two frames: the resize and the zoom are laid out before measuring.
      await frame.locator('html').evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      for (const problem of await layoutProblems(frame)) found.push(`${screen}, ${size.label}: ${problem}`);
    }
    await setWindowZoom(frame, 1);
    await setWindowSize(page, SIZES[0]);
    expect(found).toEqual([]);
  }

  const tab = (name: string) => frame.getByRole('tab', { name });

  it('home: the Contacts tab, before and with a missed-calls badge; the incoming screen', async () => {
    await expectFitsEverySize('contacts');

    await dialInbound(admin, GRETA.e164, AGENT.name);
    await frame.getByRole('button', { name: 'Answer' }).waitFor();
    await expectFitsEverySize('incoming');
    // Nobody answers: the ring timeout makes it a missed call and the tab gets its badge.
    await frame.getByText(/^Missed call from /).waitFor({ timeout: 20_000 });
    await waitFor(() => dockBadge(page), (badge) => badge === 1, 'the missed call to be counted');
    await frame.locator('.tab-badge').waitFor();
    await expectFitsEverySize('contacts with a missed-calls badge');
    // At the default size the four tabs, badge included, still fit on one row.
    const tabTops = await frame.getByRole('tab').evaluateAll((tabs) => tabs.map((tab) => Math.round(tab.getBoundingClientRect().top)));
    expect(new Set(tabTops).size).toBe(1);
  });

  it('the History and Settings tabs (badge still up), then Missed calls', async () => {
    await tab('History').click();
    await frame.getByRole('list', { name: 'Recent calls' }).waitFor();
    await expectFitsEverySize('history');

    // Clicking the last tab at the smallest size selects it and leaves the window where it was.
    await setWindowSize(page, SIZES[2]);
    await tab('Settings').click();
    expect(await tab('Settings').getAttribute('aria-selected')).toBe('true');
    expect(await frame.locator('html').evaluate(() => (document.scrollingElement ?? document.documentElement).scrollLeft)).toBe(0);
    await frame.getByRole('button', { name: 'Save' }).waitFor();
    await expectFitsEverySize('settings');

    await tab('Missed calls').click();
    await frame.getByRole('list', { name: 'Missed calls' }).waitFor();
    await expectFitsEverySize('missed calls');
  });

  it('the Dialer (with a call missed meanwhile) and the follow-up', async () => {
    await tab('Contacts').click();
    await frame.getByRole('searchbox', { name: 'Search contacts' }).fill(HARRIET.name);
    await frame.getByRole('button', { name: `Call ${HARRIET.name}` }).click();
    await frame.getByRole('button', { name: 'Hang up', exact: true }).waitFor();
    await frame.getByRole('region', { name: /^Connected/ }).waitFor();

    // A call for the busy agent is missed at once: the call screen says so, and keeps saying it.
    await dialInbound(admin, GRETA.e164, AGENT.name);
    await frame.getByText('Another call was missed during this call: see Missed calls after it.').waitFor();
    await expectFitsEverySize('dialer');

    await frame.getByRole('textbox', { name: 'Notes' }).fill('Wants the proposal by Friday');
    await frame.getByRole('button', { name: 'Hang up and add notes to deal' }).click();
    await frame.getByRole('heading', { name: `Call with ${HARRIET.name} ended` }).waitFor();
    await frame.locator('.saved-list').waitFor();
    await expectFitsEverySize('follow-up');
  });
});
