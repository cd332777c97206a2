import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/browser';
import { loadHiddenWindow } from '../support/inbound';
import { installFromMarketplace } from '../support/journeys';
import { startStack, type Stack } from '../support/stack';

const ALICE_NAME = 'Alice Admin';

// Several instances without sticky sessions (docs/DEPLOYMENT.md): with SOCKET_TRANSPORTS=websocket
// the window in real Chromium goes online without a single long-polling request.
describe('the window with SOCKET_TRANSPORTS=websocket', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack({ appEnv: { SOCKET_TRANSPORTS: 'websocket' } });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });

  it('connects its socket over WebSocket straight away, never long-polling', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const pollingRequests: string[] = [];
    const websockets: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/socket.io/')) pollingRequests.push(request.url());
    });
    page.on('websocket', (socket) => {
      if (socket.url().includes('/socket.io/')) websockets.push(socket.url());
    });
    await installFromMarketplace(page, stack);
    await loadHiddenWindow(page, stack, ALICE_NAME);
    expect(pollingRequests).toEqual([]);
    expect(websockets.length).toBeGreaterThan(0);
    expect(websockets.every((url) => url.includes('transport=websocket'))).toBe(true);
    await context.close();
  });
});
