import { resolve } from 'node:path';
import { z } from 'zod';
import { startSandbox } from './index';
import { DEFAULT_STATE_FILE } from './persistence/state-file';

/** CLI: `tsx sandbox/src/main.ts`, configured from the environment. */
const envSchema = z.object({
  SANDBOX_PORT: z.coerce.number().int().min(0).max(65535).default(3100),
  SANDBOX_HOST: z.string().default('127.0.0.1'),
  SANDBOX_CLIENT_ID: z.string().min(1).default('sandbox-client-id'),
  SANDBOX_CLIENT_SECRET: z.string().min(1).default('sandbox-client-secret'),
  SANDBOX_REDIRECT_URI: z.string().url().default('http://localhost:3000/api/auth/callback'),
  SANDBOX_WINDOW_URL: z.string().url().default('http://localhost:3000/'),
  SANDBOX_JWT_SECRET: z.string().min(1).optional(),
  SANDBOX_APP_NAME: z.string().min(1).optional(),
  SANDBOX_SCOPES: z.string().optional(),
  SANDBOX_TEST_CONTROLS: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  SANDBOX_PERSON_COUNT: z.coerce.number().int().min(1).max(1_000_000).default(300),
  SANDBOX_LATENCY_MS: z.coerce.number().int().min(0).default(0),
  SANDBOX_ACCESS_TOKEN_TTL: z.coerce.number().int().positive().default(3600),
  SANDBOX_ROTATE_REFRESH_TOKENS: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  SANDBOX_ACCESS_LOG: z.enum(['true', 'false', '1', '0']).default('false').transform((v) => v === 'true' || v === '1'),
  /**
   * Where data and installs survive restarts; `memory` keeps everything in memory instead. Empty
   * means the default, as a copied `.env.example` leaves it.
   */
  SANDBOX_STATE_FILE: z
    .string()
    .default('')
    .transform((v) => v.trim() || DEFAULT_STATE_FILE)
    .transform((v) => (v === 'memory' ? undefined : resolve(v))),
});

async function main(): Promise<void> {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`Invalid ${issue.path.join('.')}: ${issue.message}`);
    process.exit(2);
  }
  const env = parsed.data;
  const sandbox = await startSandbox({
    port: env.SANDBOX_PORT,
    host: env.SANDBOX_HOST,
    app: {
      clientId: env.SANDBOX_CLIENT_ID,
      clientSecret: env.SANDBOX_CLIENT_SECRET,
      redirectUri: env.SANDBOX_REDIRECT_URI,
      floatingWindowUrl: env.SANDBOX_WINDOW_URL,
      jwtSecret: env.SANDBOX_JWT_SECRET,
      name: env.SANDBOX_APP_NAME,
      scopes: env.SANDBOX_SCOPES?.split(',').map((s) => s.trim()).filter(Boolean),
    },
    testControls: env.SANDBOX_TEST_CONTROLS,
    personCount: env.SANDBOX_PERSON_COUNT,
    latencyMs: env.SANDBOX_LATENCY_MS,
    accessTokenTtlSeconds: env.SANDBOX_ACCESS_TOKEN_TTL,
    rotateRefreshTokens: env.SANDBOX_ROTATE_REFRESH_TOKENS,
    logger: env.SANDBOX_ACCESS_LOG ? (line) => console.log(line) : undefined,
    stateFile: env.SANDBOX_STATE_FILE,
  });
  console.log(`Pipedrive sandbox listening on ${sandbox.url}`);
  console.log(
    env.SANDBOX_STATE_FILE
      ? `Sandbox state: ${env.SANDBOX_STATE_FILE} (npm run sandbox:reset to start over)`
      : 'Sandbox state: in memory only (SANDBOX_STATE_FILE=memory)',
  );
  const stop = (): void => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
