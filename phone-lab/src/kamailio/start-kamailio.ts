import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ManagedProcess, withLog } from '../processes/managed-process';
import { canConnectTcp, pollUntil } from '../processes/wait';
import { renderKamailioConfig, type KamailioConfigSettings } from './config-template';

export interface KamailioStartSettings {
  binary: string;
  workDir: string;
  config: KamailioConfigSettings;
  startTimeoutMs: number;
}

/** Writes kamailio.cfg into the work dir and runs Kamailio in the foreground until stopped. */
export async function startKamailio(settings: KamailioStartSettings): Promise<ManagedProcess> {
  const configFile = join(settings.workDir, 'kamailio.cfg');
  writeFileSync(configFile, renderKamailioConfig(settings.config));
  const kamailio = new ManagedProcess({
    name: 'kamailio',
    command: settings.binary,
    // -DD: stay in the foreground (children still fork); -E: log to stderr, i.e. our log file;
    // -Y: runtime files in the work dir instead of /run/kamailio; small memory pools (MB).
    args: ['-DD', '-E', '-f', configFile, '-Y', settings.workDir, '-m', '64', '-M', '8'],
    logFile: join(settings.workDir, 'kamailio.log'),
    cwd: settings.workDir,
  });
  try {
    // The TCP (WebSocket) listener opens after the UDP one, so it is the last sign of readiness.
    await kamailio.whileRunning(
      pollUntil(
        `Kamailio to listen on tcp 127.0.0.1:${settings.config.webSocketPort}`,
        () => canConnectTcp('127.0.0.1', settings.config.webSocketPort),
        settings.startTimeoutMs,
        30,
      ),
    );
  } catch (error) {
    await kamailio.stop();
    throw withLog(error, kamailio);
  }
  return kamailio;
}
