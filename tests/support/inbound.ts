import type { Browser, BrowserContext, FrameLocator, Page } from 'playwright-core';
import { signWebhookBody } from '@/adapters/telephony/webhook/webhook-signature';
import type { CallLog } from '../../sandbox/src/store/types';
import { floatingWindow, installedPage } from './journeys';
import type { Stack } from './stack';
import { waitFor } from './wait';

/** What the sandbox host page says about the floating window (sandbox/src/ui/README.md). */
export interface HostState {
  visible: boolean;
  badge: number;
  focusMode: boolean;
  phase: string;
}

export function hostState(page: Page): Promise<HostState> {
  return page.evaluate(() => (window as unknown as { __sandboxHost: { state: HostState } }).__sandboxHost.state);
}

/** The app-dock badge as the host renders it (`data-badge`). */
export async function dockBadge(page: Page): Promise<number> {
  return Number(await page.locator('#dock-app').getAttribute('data-badge'));
}

/** Commands the app sent to the host so far, by name (e.g. show_floating_window). */
export function hostCommands(page: Page, name: string): Promise<number> {
  return page.evaluate(
    (wanted) => (window as unknown as { __sandboxHost: { log: { kind: string; name: string }[] } }).__sandboxHost.log.filter((e) => e.kind === 'command' && e.name === wanted).length,
    name,
  );
}

/** Switches the sandbox page to another user ("Acting as user"), as a person would. */
export async function actAs(page: Page, stack: Stack, userId: number): Promise<void> {
  await page.goto(`${stack.sandbox.url}/persons`);
  if ((await page.locator('body').getAttribute('data-user-id')) === String(userId)) return;
  await page.getByRole('combobox', { name: 'Acting as user' }).selectOption(String(userId));
  await page.waitForFunction((id) => document.body.dataset.userId === id, String(userId));
}

/**
 * Loads a sandbox page of an installed user without opening the window: the hidden iframe loads
 * anyway; resolves once its socket is online (so a call can ring it).
 */
export async function loadHiddenWindow(page: Page, stack: Stack, userName: string): Promise<FrameLocator> {
  await page.goto(`${stack.sandbox.url}/persons`);
  const frame = floatingWindow(page);
  await frame.getByRole('heading', { name: `Hello, ${userName}` }).waitFor({ state: 'attached' });
  await waitFor(() => frame.locator('.presence').getAttribute('data-status'), (status) => status === 'online', `${userName}'s window to be online`);
  return frame;
}

/** The Control Center (/admin) in its own page, connected. */
export async function openControlCenter(context: BrowserContext, stack: Stack): Promise<Page> {
  const admin = await context.newPage();
  await admin.goto(`${stack.appUrl}/admin`);
  await admin.getByRole('status').filter({ hasText: 'Ready.' }).waitFor();
  return admin;
}

/** Simulates an inbound call from the Control Center's form; resolves with its status line. */
export async function dialInbound(admin: Page, number: string, agent = ''): Promise<string> {
  await admin.getByRole('textbox', { name: 'Phone number' }).fill(number);
  await admin.getByRole('textbox', { name: 'Agent' }).fill(agent);
  const dial = admin.getByRole('button', { name: 'Dial' });
  await dial.click();
  await waitFor(() => admin.getByRole('status').textContent(), (text) => text !== null && !/Calling…|Ready\./.test(text), 'the Control Center to report the call');
  await waitFor(() => dial.isEnabled(), Boolean, 'the Dial button to be enabled again');
  return (await admin.getByRole('status').textContent()) ?? '';
}

/** POST /api/telephony/inbound as a provider sends it. */
export function postInboundWebhook(stack: Stack, body: Record<string, unknown>, secret: string): Promise<Response> {
  const raw = JSON.stringify(body);
  return fetch(`${stack.appUrl}/api/telephony/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-signature': signWebhookBody(raw, secret) },
    body: raw,
  });
}

export const digitsOf = (text: string | null | undefined) => (text ?? '').replace(/\D/g, '');

/** Waits for the call log of `userId` whose remote number has these digits (and that `matches`). */
export function waitForCallLog(stack: Stack, userId: number, remoteNumber: string, matches: (log: CallLog) => boolean = () => true, timeoutMs = 45_000): Promise<CallLog> {
  const digits = digitsOf(remoteNumber);
  const find = () =>
    stack.sandbox.context.store
      .listCallLogs({ userId })
      .find((log) => (digitsOf(log.from_phone_number) === digits || digitsOf(log.to_phone_number) === digits) && matches(log));
  return waitFor(find, (log) => log !== undefined, `a call log for …${digits.slice(-4)}`, timeoutMs) as Promise<CallLog>;
}

/** A call log time as the sandbox keeps it (ISO 8601) or as Pipedrive takes it (`YYYY-MM-DD HH:MM:SS`, UTC) → epoch ms. */
export function pipedriveTime(text: string): number {
  return text.includes('T') ? Date.parse(text) : Date.parse(`${text.replace(' ', 'T')}Z`);
}

/** Two agents of the sandbox company, each in their own browser profile with the app installed: the first acts as the default sandbox user. */
export async function installTwoAgents(
  browser: Browser,
  stack: Stack,
  secondUserId: number,
): Promise<{ contexts: [BrowserContext, BrowserContext]; pages: [Page, Page] }> {
  const first = await installedPage(browser, stack, { timeoutMs: 15_000 });
  const second = await installedPage(browser, stack, { timeoutMs: 15_000, beforeInstall: (page) => actAs(page, stack, secondUserId) });
  return { contexts: [first.context, second.context], pages: [first.page, second.page] };
}
