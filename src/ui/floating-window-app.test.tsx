import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { FloatingWindowApp } from './floating-window-app';
import type { SdkConnection } from './sdk/pipedrive-sdk';

/** Server rendering runs no effects: the SDK must not even be asked for during it. */
function fakeConnect() {
  return vi.fn<() => SdkConnection>(() => {
    throw new Error('the SDK must not be touched during server rendering');
  });
}

function labelFor(html: string, text: string): string | undefined {
  return html.match(new RegExp(`<label for="([^"]+)"[^>]*>${text}</label>`))?.[1];
}

describe('FloatingWindowApp', () => {
  it('asks to open the app from Pipedrive', () => {
    const connect = fakeConnect();
    const html = renderToStaticMarkup(<FloatingWindowApp view="open-from-pipedrive" connectSdk={connect} />);
    expect(html).toContain('<h1>Open this app from Pipedrive</h1>');
    expect(connect).not.toHaveBeenCalled();
  });

  it('offers the install in a new tab and a reload button', () => {
    const html = renderToStaticMarkup(
      <FloatingWindowApp view="install" installUrl={'/api/auth/login?x=1&y=2'} connectSdk={fakeConnect()} />,
    );
    expect(html).toMatch(/<a class="button primary" href="\/api\/auth\/login\?x=1&amp;y=2" target="_blank" rel="noopener noreferrer">Install in Pipedrive<\/a>/);
    expect(html).toContain(">I&#x27;ve installed it — reload</button>");
  });

  it('asks an account whose access was revoked or disconnected to reconnect', () => {
    const html = renderToStaticMarkup(
      <FloatingWindowApp view="install" installUrl="/api/auth/login" reason="disconnected" connectSdk={fakeConnect()} />,
    );
    expect(html).toContain('<h1>Reconnect your Pipedrive account</h1>');
    expect(html).toContain('<a class="button primary" href="/api/auth/login" target="_blank" rel="noopener noreferrer">Reconnect Pipedrive</a>');
    expect(html).not.toContain('Install in Pipedrive');
  });

  it('greets the user and shows a labelled search box, the loading list and the dial pad', () => {
    const html = renderToStaticMarkup(
      <FloatingWindowApp
        view="window"
        user={{ id: 1, name: '<b>Mallory</b>' }}
        company={{ id: 2, name: 'Acme' }}
        theme="dark"
        connectSdk={fakeConnect()}
      />,
    );
    expect(html).toContain('<h1>Hello, &lt;b&gt;Mallory&lt;/b&gt;</h1>');
    expect(html).toContain('data-theme="dark"');

    const searchId = labelFor(html, 'Search contacts');
    expect(searchId).toBeDefined();
    expect(html).toContain(`id="${searchId}" class="input" type="search"`);

    const phoneId = labelFor(html, 'Phone number');
    expect(phoneId).toBeDefined();
    expect(html).toContain(`id="${phoneId}" class="input" type="tel"`);
    expect(html).toContain('<button type="submit" class="button primary">Call</button>');

    expect(html).toContain('role="status" aria-live="polite">Loading contacts…</div>');
  });
});
