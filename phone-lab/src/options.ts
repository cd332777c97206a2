/** What `startPhoneLab` accepts; everything has a default. */
export interface PhoneLabOptions {
  /** SIP domain and digest realm (default "phone-lab.test"). A name, never 127.0.0.1 (see README). */
  domain?: string;
  /** Kamailio's WebSocket port for browsers (ws://127.0.0.1:<port>); default: a free port. */
  webSocketPort?: number;
  /** Kamailio's UDP SIP port for the phones; default: a free port. */
  sipUdpPort?: number;
  /** rtpengine's ng control port (UDP); default: a free port. */
  rtpengineNgPort?: number;
  /** rtpengine's media ports; default: 200 ports from a random free start. */
  mediaPorts?: { min: number; max: number };
  /** The customer phone's SIP port (UDP+TCP; TLS takes the next port) and ctrl_tcp port; default: free ports. */
  customerSipPort?: number;
  customerControlPort?: number;
  /** Agents who may register (browsers or test phones). Default agent1/agent1-secret, agent2/agent2-secret. */
  agents?: AgentCredentials[];
  numbers?: Partial<LabNumbers>;
  /** Who the ring-group number rings; default every agent. */
  ringGroupMembers?: string[];
  /** How long the no-answer number rings before 480; default 4000 ms. */
  noAnswerTimeoutMs?: number;
  /** Tone the customer phone sends (default 440 Hz). */
  customerToneHz?: number;
  /** Customer answers by itself (default true). */
  customerAutoAnswer?: boolean;
  /** Record what the customer hears (default true; ~1.5 MB/s, deleted by stop()). */
  recordCustomer?: boolean;
  /** Keep the temp dir after stop() (logs, recordings), for debugging; default false. */
  keepWorkDir?: boolean;
  /** Per process; default 10 000 ms. */
  startTimeoutMs?: number;
}

export interface AgentCredentials {
  username: string;
  password: string;
}

/** Numbers a browser dials as sip:<number>@<domain>. */
export interface LabNumbers {
  /** Reaches the customer phone (auto-answers, 440 Hz). */
  customer: string;
  /** Answers 486 Busy Here. */
  busy: string;
  /** Rings, never answers; 480 after noAnswerTimeoutMs. */
  noAnswer: string;
  /** Rings every ring-group member in parallel; the first to answer wins, the others get CANCEL. */
  ringGroup: string;
}

export const DEFAULT_DOMAIN = 'phone-lab.test';
export const DEFAULT_AGENTS: readonly AgentCredentials[] = [
  { username: 'agent1', password: 'agent1-secret' },
  { username: 'agent2', password: 'agent2-secret' },
];
export const DEFAULT_NUMBERS: Readonly<LabNumbers> = {
  customer: '+15550100',
  busy: '+15550486',
  noAnswer: '+15550480',
  ringGroup: '+15550200',
};
/** Usernames the lab's own phones take; agents may not use them. */
export const CUSTOMER_USER = 'customer';
export const RINGER_USER = 'ringer';

// These end up inside Kamailio's config and baresip's accounts file: keep them to safe characters.
const USERNAME = /^[A-Za-z0-9._-]{1,64}$/;
const PASSWORD = /^[A-Za-z0-9._~!$%^&*()+=@-]{1,128}$/;
const NUMBER = /^\+?[0-9]{2,20}$/;
const DOMAIN = /^(?=.*[A-Za-z])[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$/;

export function validateOptions(options: PhoneLabOptions): void {
  const domain = options.domain ?? DEFAULT_DOMAIN;
  if (!DOMAIN.test(domain)) {
    throw new Error(`domain must be a host name such as ${DEFAULT_DOMAIN} (not an IP address: Kamailio would alias it), got ${JSON.stringify(domain)}`);
  }
  for (const agent of options.agents ?? []) {
    if (!USERNAME.test(agent.username)) throw new Error(`agent username ${JSON.stringify(agent.username)} must match ${USERNAME}`);
    if (!PASSWORD.test(agent.password)) throw new Error(`password of ${agent.username} must match ${PASSWORD}`);
    if (agent.username === CUSTOMER_USER || agent.username === RINGER_USER) {
      throw new Error(`"${agent.username}" is the lab's own phone; pick another agent username`);
    }
  }
  for (const [name, number] of Object.entries(options.numbers ?? {})) {
    if (!NUMBER.test(number)) throw new Error(`numbers.${name} must be digits with an optional +, got ${JSON.stringify(number)}`);
  }
  const agents = new Set((options.agents ?? DEFAULT_AGENTS).map((agent) => agent.username));
  for (const member of options.ringGroupMembers ?? []) {
    if (!agents.has(member)) throw new Error(`ring-group member ${member} is not one of the agents`);
  }
  if ((options.ringGroupMembers ?? [...agents]).length === 0) throw new Error('the ring group needs at least one member');
}
