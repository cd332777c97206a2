/**
 * The app's process: parses the configuration, then serves Next.js pages, the API and Socket.IO
 * on one port (src/server/app-server.ts). `npm start` runs this (with the sandbox when no
 * CLIENT_ID is set); see .env.example for the variables.
 */
import 'dotenv/config';
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { ConfigError, parseConfig } from '@/server/config';
import { startAppServer } from '@/server/app-server';

// Scripts and tests may start the app in-process: `startAppServer(parseConfig(env))` → `{ url, close }`.
export { startAppServer } from '@/server/app-server';
export { parseConfig } from '@/server/config';

/** Longest graceful shutdown (the outbox drain itself stops after 20 s). */
const SHUTDOWN_LIMIT_MS = 28_000;

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const server = await startAppServer(config);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.context.logger.info({ signal }, 'shutting down: finishing requests and due wrap-up deliveries');
    // Orchestrators kill after their grace period anyway (Kubernetes: 30 s); exit a little earlier, on our terms.
    setTimeout(() => {
      server.context.logger.error({ afterMs: SHUTDOWN_LIMIT_MS }, 'shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_LIMIT_MS).unref();
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        server.context.logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function isEntryPoint(): boolean {
  const entry = process.argv[1];
  return entry !== undefined && import.meta.url === pathToFileURL(realpathSync(entry)).href;
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
