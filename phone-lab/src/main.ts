import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { startPhoneLab, type PhoneLab } from './index';
import { DEFAULT_AGENTS, DEFAULT_DOMAIN } from './options';

/** CLI: `npm run phone-lab`. Fixed ports (so the app's settings stay valid), configured from the environment. */
const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const envSchema = z.object({
  PHONE_LAB_WS_PORT: port(5066),
  PHONE_LAB_SIP_PORT: port(5060),
  PHONE_LAB_RTPENGINE_PORT: port(2223),
  PHONE_LAB_MEDIA_PORTS: z
    .string()
    .regex(/^\d+-\d+$/, 'like 30000-30199')
    .default('30000-30199')
    .transform((range) => {
      const [min, max] = range.split('-').map(Number) as [number, number];
      return { min, max };
    }),
  PHONE_LAB_CUSTOMER_SIP_PORT: port(5062),
  PHONE_LAB_CUSTOMER_CONTROL_PORT: port(4444),
  PHONE_LAB_DOMAIN: z.string().min(1).default(DEFAULT_DOMAIN),
  /** "user:password,user:password" */
  PHONE_LAB_AGENTS: z
    .string()
    .default(DEFAULT_AGENTS.map((agent) => `${agent.username}:${agent.password}`).join(','))
    .transform((list) =>
      list
        .split(',')
        .filter(Boolean)
        .map((pair) => {
          const separator = pair.indexOf(':');
          return { username: pair.slice(0, separator), password: pair.slice(separator + 1) };
        }),
    ),
  PHONE_LAB_NO_ANSWER_MS: z.coerce.number().int().min(500).default(15_000),
  PHONE_LAB_RECORD: z.enum(['true', 'false', '1', '0']).default('false').transform((value) => value === 'true' || value === '1'),
});

function describe(lab: PhoneLab): string {
  const agentLines = lab.agents.map((agent) => `    ${agent.username.padEnd(10)} password ${agent.password}   (sip:${agent.username}@${lab.domain})`);
  return [
    'Phone lab running (Kamailio + rtpengine + baresip on 127.0.0.1).',
    '',
    `  WebSocket URL  ${lab.webSocketUrl}`,
    `  SIP domain     ${lab.domain}   (also the digest realm)`,
    `  SIP over UDP   ${lab.sipUdpAddress}   (for desk phones / softphones; outbound proxy)`,
    '  Agents:',
    ...agentLines,
    '  Numbers to dial (sip:<number>@<domain>):',
    `    ${lab.numbers.customer.padEnd(12)} the customer: answers at once, plays a 440 Hz tone`,
    `    ${lab.numbers.busy.padEnd(12)} answers 486 Busy Here`,
    `    ${lab.numbers.noAnswer.padEnd(12)} rings, never answers, 480 after the timeout`,
    `    ${lab.numbers.ringGroup.padEnd(12)} rings ${lab.agents.map((agent) => agent.username).join(' and ')} at once`,
    '',
    appLine(lab),
    '',
    'Commands for the customer phone (type and press Enter):',
    '  call <user or number>   e.g. "call agent1" or "call ' + lab.numbers.ringGroup + '" to ring the agents',
    '  answer | hangup | dtmf <digits> | quit        Ctrl-C stops the lab.',
  ].join('\n');
}

/** `--lab-only`: the lab alone (the app runs elsewhere); otherwise `npm start` comes up pointed at it. */
const withApp = !process.argv.includes('--lab-only');

function appLine(lab: PhoneLab): string {
  const settings = `TELEPHONY_PROVIDER=sip SIP_WEBSOCKET_URL=${lab.webSocketUrl} SIP_DOMAIN=${lab.domain}`;
  return withApp
    ? `The app starts below with ${settings}: in the window, save agent1's SIP account in Settings.`
    : `Start the app with:\n  ${settings} npm start`;
}

/**
 * The app and its sandbox, exactly as `npm start` runs them, with the lab as the default SIP
 * server of every company that has not chosen another provider. The lab talks to it only through
 * these settings, as a real PBX would.
 */
function startApp(lab: PhoneLab): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
    stdio: ['ignore', 'inherit', 'inherit'],
    env: { ...process.env, TELEPHONY_PROVIDER: 'sip', SIP_WEBSOCKET_URL: lab.webSocketUrl, SIP_DOMAIN: lab.domain },
  });
}

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`Invalid ${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const env = parsed.data;
  const lab = await startPhoneLab({
    domain: env.PHONE_LAB_DOMAIN,
    webSocketPort: env.PHONE_LAB_WS_PORT,
    sipUdpPort: env.PHONE_LAB_SIP_PORT,
    rtpengineNgPort: env.PHONE_LAB_RTPENGINE_PORT,
    mediaPorts: env.PHONE_LAB_MEDIA_PORTS,
    customerSipPort: env.PHONE_LAB_CUSTOMER_SIP_PORT,
    customerControlPort: env.PHONE_LAB_CUSTOMER_CONTROL_PORT,
    agents: env.PHONE_LAB_AGENTS,
    noAnswerTimeoutMs: env.PHONE_LAB_NO_ANSWER_MS,
    recordCustomer: env.PHONE_LAB_RECORD,
  });
  console.log(describe(lab));
  lab.customer.on((event) => console.log(`[customer] ${JSON.stringify(event)}`));
  const app = withApp ? startApp(lab) : null;

  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    console.log('Stopping the phone lab…');
    const appStopped = new Promise<void>((resolve) => {
      if (app === null || app.exitCode !== null) return resolve();
      app.once('exit', () => resolve());
      app.kill('SIGTERM');
    });
    appStopped.then(() => lab.stop()).then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  // One command, one lifetime: the app exiting (a bad setting, say) stops the lab too.
  app?.once('exit', stop);

  const input = createInterface({ input: process.stdin });
  // On a terminal readline takes Ctrl-C for itself (and would only pause): stop the lab instead.
  input.on('SIGINT', stop);
  input.on('line', (line) => {
    const [command, argument = ''] = line.trim().split(/\s+/, 2);
    const run = async (): Promise<void> => {
      switch (command) {
        case 'call':
          return lab.customer.dial(argument.startsWith('sip:') ? argument : lab.uri(argument));
        case 'answer':
          return lab.customer.answer();
        case 'hangup':
          return lab.customer.hangUp();
        case 'dtmf':
          return lab.customer.sendDtmf(argument);
        case 'quit':
          return stop();
        case '':
          return;
        default:
          console.log(`unknown command "${command}"`);
      }
    };
    run().catch((error: unknown) => console.error(error instanceof Error ? error.message : error));
  });
  // Without a terminal (stdin closed), keep running until a signal.
  input.on('close', () => undefined);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
