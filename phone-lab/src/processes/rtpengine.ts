import { createSocket } from 'node:dgram';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { ManagedProcess, withLog } from './managed-process';
import { pollUntil } from './wait';

export interface RtpengineSettings {
  binary: string;
  workDir: string;
  /** UDP port of the `ng` control protocol Kamailio speaks. */
  ngPort: number;
  mediaPortMin: number;
  mediaPortMax: number;
  startTimeoutMs: number;
}

/**
 * rtpengine in userspace only: `--table=-1` means no kernel forwarding table, so it needs neither
 * the kernel module nor capabilities. `--config-file=none` keeps /etc/rtpengine out of the lab.
 */
export async function startRtpengine(settings: RtpengineSettings): Promise<ManagedProcess> {
  const rtpengine = new ManagedProcess({
    name: 'rtpengine',
    command: settings.binary,
    args: [
      '--config-file=none',
      '--table=-1',
      '--interface=127.0.0.1',
      `--listen-ng=127.0.0.1:${settings.ngPort}`,
      `--port-min=${settings.mediaPortMin}`,
      `--port-max=${settings.mediaPortMax}`,
      '--foreground',
      '--log-stderr',
      '--log-level=6',
      ...(process.env.PHONE_LAB_RTPENGINE_DEBUG === '1' ? ['--log-level-control=7'] : []),
      // Calls are deleted at once on BYE instead of lingering 30 s holding ports.
      '--delete-delay=0',
      '--num-threads=2',
    ],
    logFile: join(settings.workDir, 'rtpengine.log'),
  });
  try {
    await rtpengine.whileRunning(
      pollUntil(`rtpengine to answer ping on udp 127.0.0.1:${settings.ngPort}`, () => pingNg(settings.ngPort), settings.startTimeoutMs, 50),
    );
  } catch (error) {
    await rtpengine.stop();
    throw withLog(error, rtpengine);
  }
  return rtpengine;
}

/** One `ng` ping: "<cookie> d7:command4:pinge" answered by "<cookie> d6:result4:ponge". */
export function pingNg(port: number, timeoutMs = 200): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const cookie = randomBytes(6).toString('hex');
    const finish = (ok: boolean) => {
      clearTimeout(timer);
      socket.close();
      resolve(ok);
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('message', (message) => {
      const text = message.toString('latin1');
      if (text.startsWith(cookie)) finish(text.includes('4:pong'));
    });
    socket.on('error', () => finish(false));
    socket.send(`${cookie} d7:command4:pinge`, port, '127.0.0.1');
  });
}
