import { describe, expect, it } from 'vitest';
import { FakeTelephonyProvider } from '@/application/ports/testing';
import type { TelephonyPlugin } from './plugin';
import { matchPath, TelephonyPluginRegistry } from './plugin-registry';

function plugin(name: string, owns: (id: string) => boolean, routes: TelephonyPlugin['routes'] = {}): TelephonyPlugin {
  const provider = new FakeTelephonyProvider();
  return { name, configSchema: undefined as never, config: {}, provider, ownsProviderCallId: owns, toProviderCallStatus: () => undefined, routes };
}

const route = { caller: 'window' as const, maxBodyBytes: 1024, methods: {} };

describe('TelephonyPluginRegistry', () => {
  const sip = plugin('sip', (id) => id.startsWith('sip:'), { account: route, 'calls/:callId/events': route });
  const mock = plugin('mock', (id) => id.startsWith('mock-'));
  const registry = new TelephonyPluginRegistry([sip, mock]);

  it('finds the provider a company chose and the provider owning a call', () => {
    expect(registry.providerNamed('sip')).toBe(sip.provider);
    expect(registry.providerOwning('mock-out-1')).toBe(mock.provider);
    expect(registry.providerOwning('CA123')).toBeUndefined();
    expect(() => registry.providerNamed('skype')).toThrow(/skype/);
  });

  it('matches sub-paths with parameters and nothing else', () => {
    expect(registry.match('sip', ['calls', 'c-1', 'events'])).toMatchObject({ plugin: sip, params: { callId: 'c-1' } });
    expect(registry.match('sip', ['account'])?.params).toEqual({});
    expect(registry.match('sip', ['calls', 'c-1'])).toBeUndefined();
    expect(registry.match('mock', ['account'])).toBeUndefined();
    expect(registry.match('nobody', [])).toBeUndefined();
  });

  it('refuses two plug-ins of one name', () => {
    expect(() => new TelephonyPluginRegistry([mock, mock])).toThrow(/two telephony plugins/);
  });
});

describe('matchPath', () => {
  it('needs the same number of segments', () => {
    expect(matchPath('', [])).toEqual({});
    expect(matchPath('voice', ['voice', 'x'])).toBeUndefined();
    expect(matchPath(':a/:b', ['1', '2'])).toEqual({ a: '1', b: '2' });
  });
});
