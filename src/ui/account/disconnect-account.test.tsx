import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DisconnectAccountView } from './disconnect-account';
import { disconnectReducer, INITIAL_DISCONNECT_STATE, parseDisconnectAnswer, type DisconnectEvent, type DisconnectState } from './disconnect-state';

const noop = () => undefined;
const render = (state: DisconnectState) => renderToStaticMarkup(<DisconnectAccountView state={state} onAsk={noop} onCancel={noop} onConfirm={noop} />);
const run = (...events: DisconnectEvent[]) => events.reduce(disconnectReducer, INITIAL_DISCONNECT_STATE);

describe('Disconnect Pipedrive', () => {
  it('needs a confirmation: one click only asks', () => {
    expect(run({ type: 'confirmed' })).toEqual({ status: 'idle' });
    expect(run({ type: 'asked' })).toEqual({ status: 'confirming' });
    expect(run({ type: 'asked' }, { type: 'cancelled' })).toEqual({ status: 'idle' });
    expect(run({ type: 'asked' }, { type: 'confirmed' })).toEqual({ status: 'disconnecting' });
  });

  it('shows the server’s answer, or the failure and a way to try again', () => {
    const answered = run({ type: 'asked' }, { type: 'confirmed' }, { type: 'answered', revokedAtPipedrive: false, message: 'tokens deleted, revoke not confirmed' });
    expect(answered).toEqual({ status: 'done', revokedAtPipedrive: false, message: 'tokens deleted, revoke not confirmed' });
    const failed = run({ type: 'asked' }, { type: 'confirmed' }, { type: 'failed', error: 'offline' });
    expect(failed).toEqual({ status: 'failed', error: 'offline' });
    expect(disconnectReducer(failed, { type: 'asked' })).toEqual({ status: 'confirming' });
  });

  it('renders the button, then the question with "Yes, disconnect" and "Cancel"', () => {
    expect(render({ status: 'idle' })).toContain('<button type="button" class="button secondary">Disconnect Pipedrive</button>');
    const confirming = render({ status: 'confirming' });
    expect(confirming).toContain('role="alertdialog"');
    expect(confirming).toContain('Disconnect this app from Pipedrive?');
    expect(confirming).toContain('<button type="button" class="button danger">Yes, disconnect</button>');
    expect(confirming).toContain('>Cancel</button>');
    expect(render({ status: 'disconnecting' })).toContain('disabled="">Disconnecting…</button>');
  });

  it('after disconnecting, says what happened (as text) and offers to reconnect', () => {
    const html = render({ status: 'done', revokedAtPipedrive: false, message: '<b>not confirmed</b>' });
    expect(html).toContain('&lt;b&gt;not confirmed&lt;/b&gt;');
    expect(html).toContain('class="notice warning" role="status"');
    expect(html).toContain('<a class="button primary" href="/api/auth/login" target="_blank" rel="noopener noreferrer">Reconnect Pipedrive</a>');
    expect(render({ status: 'failed', error: 'offline' })).toContain('role="alert">Could not disconnect. offline</p>');
  });

  it('accepts only the documented answer', () => {
    expect(parseDisconnectAnswer({ disconnected: true, revokedAtPipedrive: true, message: 'ok' })).toEqual({ revokedAtPipedrive: true, message: 'ok' });
    expect(() => parseDisconnectAnswer({ revokedAtPipedrive: true, message: 'ok' })).toThrow();
    expect(() => parseDisconnectAnswer(null)).toThrow();
  });
});
