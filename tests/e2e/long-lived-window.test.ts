import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { launchChromium } from '../support/browser';
import { installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { startStack, type Stack } from '../support/stack';
import { waitFor } from '../support/wait';

// Pipedrive loads the window once and keeps it for hours. The session cookie lives as long as the
// access token; here tokens last 3 s, so the window must renew its session (GET_SIGNED_TOKEN →
// POST /api/session) and re-authenticate its socket by itself, without a reload.
const ACCESS_TOKEN_TTL_SECONDS = 3;

describe('a floating window that outlives its session', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let frame: FrameLocator;

  beforeAll(async () => {
    stack = await startStack({ sandbox: { accessTokenTtlSeconds: ACCESS_TOKEN_TTL_SECONDS } });
    browser = await launchChromium();
    context = await browser.newContext();
    page = await context.newPage();
    await installFromMarketplace(page, stack);
    frame = await openWindowFromDock(page, stack, stack.sandbox.context.store.listUsers()[0]!.name);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await stack?.stop();
  });

  const sessionCookie = async () => (await context.cookies(stack.appUrl)).find((cookie) => cookie.name === 'caller_session');
  const presence = () => frame.locator('.presence').getAttribute('data-status');
  const searchFinds = async (name: string) => {
    await frame.getByRole('searchbox', { name: 'Search contacts' }).fill(name);
    await frame.getByRole('button', { name: `Call ${name}` }).waitFor();
  };
  const personsWithPhones = () => stack.sandbox.context.store.listPersons({ limit: 500 }).items.filter((person) => person.phones.length > 0);

  it('issues a session cookie that lapses with the access token', async () => {
    const cookie = await sessionCookie();
    expect(cookie).toBeDefined();
    expect(cookie!.expires * 1000 - Date.now()).toBeLessThanOrEqual(ACCESS_TOKEN_TTL_SECONDS * 1000);
    await waitFor(sessionCookie, (value) => value === undefined, 'the session cookie to lapse');
  });

  it('keeps searching after the session lapsed, renewing it silently', async () => {
    await searchFinds(personsWithPhones()[3]!.name);
    expect(await sessionCookie()).toBeDefined();
  });

  it('re-authenticates its socket with a fresh signed token when the server comes back', async () => {
    await waitFor(sessionCookie, (value) => value === undefined, 'the renewed session cookie to lapse too');
    await stack.restartApp();
    await waitFor(presence, (status) => status === 'offline' || status === 'online', 'the window to notice the restart');
    await waitFor(presence, (status) => status === 'online', 'the socket to reconnect', 30_000);
    await searchFinds(personsWithPhones()[7]!.name);
  });
});
