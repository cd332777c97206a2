import type { ResolvedSandboxOptions } from '../context';
import type { Clock } from '../clock';
import type { Grant } from '../oauth/grant-store';
import type { InMemoryStore } from '../store/in-memory-store';

export interface ApiRequest {
  params: Record<string, string>;
  query: URLSearchParams;
  /** Parsed JSON (or, on v1, form) body; undefined for requests without one. */
  body: unknown;
  grant: Grant;
  store: InMemoryStore;
  clock: Clock;
  options: ResolvedSandboxOptions;
}

export interface ApiReply {
  status?: number;
  data: unknown;
  additional_data?: unknown;
}

export interface ApiRoute {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  /** e.g. `/api/v2/persons/:id`; `:name` segments become params. */
  pattern: string;
  /** Any one of these granted scopes allows the call (as in the official client's security metadata). */
  scopes: readonly string[];
  /** Daily-budget token cost. */
  cost: number;
  /** Counts against the search burst limit (10 per 2 s) instead of the general one. */
  isSearch?: boolean;
  handler(req: ApiRequest): ApiReply | Promise<ApiReply>;
}

/** Token costs: v1 figures are Pipedrive's documented ones; v2 ones ("up to half") follow a third-party table. */
export const COST = {
  v1GetOne: 2, v1List: 20, v1Write: 10, v1Search: 40,
  v2GetOne: 1, v2List: 10, v2Write: 5, v2Search: 20,
} as const;

export function compilePattern(pattern: string): { regexp: RegExp; names: string[] } {
  const names: string[] = [];
  const source = pattern
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { regexp: new RegExp(`^${source}/?$`), names };
}
