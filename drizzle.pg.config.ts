import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config drizzle.pg.config.ts` after changing schema.pg.ts.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/adapters/db/schema.pg.ts',
  out: './src/adapters/db/migrations/pg',
});
