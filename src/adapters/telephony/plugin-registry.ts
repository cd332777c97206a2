import type { TelephonyProvider } from '@/application/ports/telephony-provider.port';
import type { TelephonyPlugin, TelephonyRoute } from './plugin';

export interface MatchedRoute {
  readonly plugin: TelephonyPlugin;
  readonly route: TelephonyRoute;
  readonly params: Readonly<Record<string, string>>;
}

/** Every plugged-in provider by name; finds the provider of a call and the route of a request. */
export class TelephonyPluginRegistry {
  private readonly plugins = new Map<string, TelephonyPlugin>();

  constructor(plugins: readonly TelephonyPlugin[]) {
    for (const plugin of plugins) {
      if (this.plugins.has(plugin.name)) throw new Error(`two telephony plugins are named ${plugin.name}`);
      this.plugins.set(plugin.name, plugin);
    }
  }

  get(name: string): TelephonyPlugin | undefined {
    return this.plugins.get(name);
  }

  list(): TelephonyPlugin[] {
    return [...this.plugins.values()];
  }

  /** The provider a company that chose `name` places calls with. */
  providerNamed(name: string): TelephonyProvider {
    const provider = this.plugins.get(name)?.provider;
    if (provider === undefined) throw new Error(`no telephony provider is named ${name}`);
    return provider;
  }

  /** The provider that owns an existing call's id (undefined for ids nobody recognises). */
  providerOwning(providerCallId: string): TelephonyProvider | undefined {
    for (const plugin of this.plugins.values()) {
      if (plugin.provider !== undefined && plugin.ownsProviderCallId(providerCallId)) return plugin.provider;
    }
    return undefined;
  }

  /** The route serving `/api/telephony/<provider>/<path...>`, with its parameters. */
  match(providerName: string, path: readonly string[]): MatchedRoute | undefined {
    const plugin = this.plugins.get(providerName);
    if (plugin === undefined) return undefined;
    for (const [pattern, route] of Object.entries(plugin.routes)) {
      const params = matchPath(pattern, path);
      if (params !== undefined) return { plugin, route, params };
    }
    return undefined;
  }
}

/** `calls/:callId/events` against `['calls', 'abc', 'events']` → `{ callId: 'abc' }`. */
export function matchPath(pattern: string, path: readonly string[]): Record<string, string> | undefined {
  const parts = pattern === '' ? [] : pattern.split('/');
  if (parts.length !== path.length) return undefined;
  const params: Record<string, string> = {};
  for (const [index, part] of parts.entries()) {
    const segment = path[index] as string;
    if (part.startsWith(':')) params[part.slice(1)] = segment;
    else if (part !== segment) return undefined;
  }
  return params;
}
