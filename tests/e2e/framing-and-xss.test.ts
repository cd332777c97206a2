import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { dialInbound, openControlCenter } from '../support/inbound';
import { floatingWindow, installFromMarketplace, openWindowFromDock } from '../support/journeys';
import { startStack, type Stack } from '../support/stack';

// Both payloads run script if they ever reach the DOM as markup: a dialog, or a flag on window.
const HOSTILE_PERSON = 'Mallory <img src=x onerror=alert(1)>';
const HOSTILE_USER = 'Alice <img src=x onerror="window.__xss=1">';
const HOSTILE_PHONE = '+14155550777';

/** A page on an origin Pipedrive's CSP does not list (another port than the sandbox: another origin). */
function startForeignSite(appUrl: string): Promise<Server> {
  const server = createServer((_req, res) => {
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(`<!doctype html><title>Not Pipedrive</title><iframe id="victim" src="${appUrl}/" width="400" height="400"></iframe>`);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/** Creates a person as any Pipedrive client would: its own OAuth grant, then POST /api/v2/persons. */
async function createPersonThroughApi(stack: Stack, userId: number, person: { name: string; phone: string }): Promise<void> {
  const consent = await (await fetch(stack.sandbox.context.authorizeUrl())).text();
  const consentId = /name="consent_id" value="([^"]+)"/.exec(consent)?.[1] ?? '';
  const allowed = await fetch(`${stack.sandbox.url}/oauth/authorize`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ consent_id: consentId, user_id: String(userId), decision: 'allow' }).toString(),
  });
  const code = new URL(allowed.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const grant = (await (
    await fetch(`${stack.sandbox.url}/oauth/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from(`${stack.clientId}:${stack.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: `${stack.appUrl}/api/auth/callback` }).toString(),
    })
  ).json()) as { access_token: string; api_domain: string };
  const created = await fetch(`${grant.api_domain}/api/v2/persons`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${grant.access_token}` },
    body: JSON.stringify({ name: person.name, phones: [{ value: person.phone, label: 'work', primary: true }] }),
  });
  if (!created.ok) throw new Error(`creating the person answered ${created.status}: ${await created.text()}`);
}

describe('who may frame the app, and hostile names shown as text', () => {
  let stack: Stack;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let foreign: Server;
  const dialogs: string[] = [];
  const onDialog = (dialog: Dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  };

  beforeAll(async () => {
    stack = await startStack();
    foreign = await startForeignSite(stack.appUrl);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    page = await context.newPage();
    page.on('dialog', onDialog);
  });

  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await new Promise((resolve) => foreign?.close(resolve));
    await stack?.stop();
  });

  it('refuses to be framed by a page on an origin that is not Pipedrive nor the sandbox', async () => {
    const other = await context.newPage();
    const violations: string[] = [];
    other.on('console', (message) => {
      if (message.text().includes('frame-ancestors')) violations.push(message.text());
    });
    const appAnswered = other.waitForResponse((response) => response.url().startsWith(`${stack.appUrl}/`));
    await other.goto(`http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`);
    expect((await appAnswered).status()).toBe(200);
    await expect.poll(() => violations.length).toBeGreaterThan(0);
    // The blocked frame shows the browser's error page, never the app.
    const victim = other.frames().find((frame) => frame !== other.mainFrame());
    expect(victim?.url().startsWith(stack.appUrl)).toBe(false);
    expect(await other.frameLocator('#victim').getByRole('heading', { name: /Hello|Install/ }).count()).toBe(0);
    await other.close();
  });

  it('lets the sandbox host page frame the app (sandbox mode), with a hostile user name shown as text', async () => {
    const alice = stack.sandbox.context.store.listUsers()[0]!;
    alice.name = HOSTILE_USER;
    await installFromMarketplace(page, stack);
    const frame = await openWindowFromDock(page, stack, HOSTILE_USER);
    await frame.getByRole('heading', { name: `Hello, ${HOSTILE_USER}` }).waitFor();
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
  });

  it('shows a person named with an XSS payload as text in the contact list', async () => {
    await createPersonThroughApi(stack, stack.sandbox.context.store.listUsers()[0]!.id, { name: HOSTILE_PERSON, phone: HOSTILE_PHONE });
    expect(stack.sandbox.context.store.findPersonsByPhone(HOSTILE_PHONE, { exactMatch: true }).map((p) => p.name)).toEqual([HOSTILE_PERSON]);
    const frame = floatingWindow(page);
    await frame.getByRole('searchbox', { name: 'Search contacts' }).fill('Mallory');
    await frame.getByRole('button', { name: `Call ${HOSTILE_PERSON}` }).waitFor();
    await frame.getByText(HOSTILE_PERSON, { exact: true }).first().waitFor();
    expect(await frame.locator('img[src="x"]').count()).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it('shows the hostile name as text on the screen-pop and in the Control Center', async () => {
    const admin = await openControlCenter(context, stack);
    admin.on('dialog', onDialog);
    await admin.getByRole('region', { name: 'Agents online' }).getByText(HOSTILE_USER).first().waitFor();
    expect(await dialInbound(admin, HOSTILE_PHONE)).toBe(`Ringing 1 agent: ${HOSTILE_USER}.`);
    const incoming = floatingWindow(page).getByRole('region', { name: 'Incoming call' });
    await incoming.getByText(HOSTILE_PERSON, { exact: true }).waitFor();
    expect(await floatingWindow(page).locator('img[src="x"]').count()).toBe(0);
    expect(await admin.locator('img[src="x"]').count()).toBe(0);
    expect(await Promise.all([page, admin].map((p) => p.evaluate(() => (window as unknown as { __xss?: number }).__xss ?? 0)))).toEqual([0, 0]);
    expect(dialogs).toEqual([]);
    await admin.close();
  });
});
