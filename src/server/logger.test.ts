import { describe, expect, it } from 'vitest';
import { createLogger, maskPhoneNumber, wantsPrettyLogs } from './logger';

describe('logger', () => {
  it('redacts credentials at the top level and one level down', () => {
    const lines: string[] = [];
    const logger = createLogger({ level: 'info', pretty: false, destination: { write: (line: string) => lines.push(line) } });
    logger.child({ module: 'test' }).info(
      {
        accessToken: 'secret-a',
        refresh_token: 'secret-b',
        grant: { access_token: 'secret-c', token: 'secret-d' },
        req: { headers: { authorization: 'Bearer secret-e', cookie: 'caller_session=secret-f', 'x-pipedrive-token': 'secret-g' } },
        companyId: 42,
      },
      'hello',
    );
    const output = lines.join('');
    expect(output).not.toMatch(/secret-[a-g]/);
    expect(output).toContain('"companyId":42');
    expect(output).toContain('"module":"test"');
  });

  it('keeps only the last four digits of a phone number', () => {
    expect(maskPhoneNumber('+1 415 555 0134')).toBe('…0134');
    expect(maskPhoneNumber('12')).toBe('****');
  });

  it('pretty-prints only to a terminal, and never in a real production deployment', () => {
    expect(wantsPrettyLogs({ isProduction: false, sandboxMode: false }, true)).toBe(true);
    expect(wantsPrettyLogs({ isProduction: true, sandboxMode: true }, true)).toBe(true);
    expect(wantsPrettyLogs({ isProduction: true, sandboxMode: false }, true)).toBe(false);
    expect(wantsPrettyLogs({ isProduction: false, sandboxMode: true }, false)).toBe(false);
  });
});
