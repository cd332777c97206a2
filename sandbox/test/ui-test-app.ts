import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * A stand-in for the caller app's floating-window page, served on `localhost` (the sandbox is on
 * 127.0.0.1, so the iframe is cross-site). It runs the real SDK (UMD build) and exposes
 * `window.appTest` for the test to drive through `frame.evaluate`.
 */
export interface TestAppServer {
  /** The floating-window URL to register. */
  windowUrl: string;
  /** The OAuth redirect URI to register; the sandbox sends uninstall notices here (DELETE). */
  callbackUrl: string;
  /** Origin as the browser sees it. */
  origin: string;
  /** `init`: the page initializes the SDK; `silent`: it never does (the 10 s rule). */
  mode: 'init' | 'silent';
  /** Query strings of the iframe requests, newest last. */
  requests: URLSearchParams[];
  /** Bodies of the uninstall notices received. */
  uninstallNotices: unknown[];
  close(): Promise<void>;
}

const sdkDir = dirname(createRequire(import.meta.url).resolve('@pipedrive/app-extensions-sdk'));

function page(mode: TestAppServer['mode']): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>Test caller app</title>
<script src="/sdk/index.umd.js"></script></head>
<body><p id="app">test app</p><script>
  const SDK = window.AppExtensionsSDK;
  const sdk = new SDK();
  const events = [];
  const settle = (promise) => promise.then((data) => ({ data }), (error) => ({ error: error.message }));
  const stops = {
    visibility: sdk.listen(SDK.Event.VISIBILITY, (message) => events.push({ event: 'visibility', message })),
    user_settings_change: sdk.listen(SDK.Event.USER_SETTINGS_CHANGE, (message) => events.push({ event: 'user_settings_change', message })),
  };
  window.appTest = {
    sdk,
    events,
    initialized: ${mode === 'init' ? 'settle(sdk.initialize({ size: { height: 320, width: 420 } }).then(() => true))' : 'null'},
    run: (command, args) => settle(Promise.resolve().then(() => sdk.execute(command, args))),
    stop: (event) => stops[event](),
    /** Sends a raw message, to check what the host refuses. */
    postRaw: (message, withPort) => {
      const channel = new MessageChannel();
      const answers = [];
      channel.port1.onmessage = ({ data }) => answers.push(data);
      window.parent.postMessage(message, '*', withPort ? [channel.port2] : []);
      return answers;
    },
  };
</script></body></html>`;
}

export async function startTestApp(): Promise<TestAppServer> {
  const state = { mode: 'init' as TestAppServer['mode'], requests: [] as URLSearchParams[], uninstallNotices: [] as unknown[] };
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/sdk/index.umd.js') {
      readFile(join(sdkDir, 'index.umd.js')).then(
        (body) => {
          res.writeHead(200, { 'content-type': 'text/javascript' });
          res.end(body);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
      return;
    }
    if (url.pathname === '/window') {
      state.requests.push(url.searchParams);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(page(state.mode));
      return;
    }
    if (url.pathname === '/api/auth/callback' && req.method === 'DELETE') {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        state.uninstallNotices.push(JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null'));
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end('{"ok":true}');
      });
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://localhost:${port}`;
  return Object.assign(state, {
    origin,
    windowUrl: `${origin}/window`,
    callbackUrl: `${origin}/api/auth/callback`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }) as TestAppServer;
}
