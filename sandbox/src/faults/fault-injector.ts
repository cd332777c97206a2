/**
 * Test-only fault injection: the next N requests whose method and path match a rule misbehave.
 * - `error`: answer a 5xx in Pipedrive's error envelope without running the handler;
 * - `rate_limit`: answer 429 with rate-limit headers without running the handler;
 * - `latency`: wait `latencyMs` first, then answer normally;
 * - `drop_after_write`: run the handler (the write happens) and destroy the connection instead of answering;
 * - `slow_after_write`: run the handler (the write happens), then wait `latencyMs` before answering
 *   (a client with a shorter timeout gives up on a write that did land);
 * - `error_page_after_write`: run the handler (the write happens), then answer `status` (default 502)
 *   with an HTML page, as a load balancer or gateway in front of Pipedrive does when its upstream
 *   was slow or dropped the answer.
 */
export type FaultKind = 'error' | 'rate_limit' | 'latency' | 'drop_after_write' | 'slow_after_write' | 'error_page_after_write';

export interface FaultRule {
  id: number;
  kind: FaultKind;
  /** HTTP method, or '*' for any. */
  method: string;
  /** Path pattern; '*' matches any run of characters (e.g. `/api/v1/callLogs*`). Query strings are ignored. */
  path: string;
  /** How many more requests this rule affects. */
  remaining: number;
  status?: number;
  latencyMs?: number;
}

export type NewFaultRule = Omit<FaultRule, 'id'>;

function toRegExp(pattern: string): RegExp {
  const escaped = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}

export class FaultInjector {
  private rules: (FaultRule & { regexp: RegExp })[] = [];
  private nextId = 1;

  add(rule: NewFaultRule): FaultRule {
    const stored = { ...rule, method: rule.method.toUpperCase(), id: this.nextId++, regexp: toRegExp(rule.path) };
    this.rules.push(stored);
    return this.describe(stored);
  }

  /** Consumes one use of the first matching rule. */
  take(method: string, path: string): FaultRule | undefined {
    const rule = this.rules.find((r) => (r.method === '*' || r.method === method.toUpperCase()) && r.regexp.test(path));
    if (!rule) return undefined;
    rule.remaining -= 1;
    if (rule.remaining <= 0) this.rules = this.rules.filter((r) => r !== rule);
    return this.describe(rule);
  }

  list(): FaultRule[] {
    return this.rules.map((r) => this.describe(r));
  }

  clear(): void {
    this.rules = [];
  }

  private describe(rule: FaultRule & { regexp?: RegExp }): FaultRule {
    const { regexp: _regexp, ...rest } = rule;
    return rest;
  }
}
