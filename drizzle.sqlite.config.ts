import { defineConfig } from 'drizzle-kit';

// `npx drizzle-kit generate --config drizzle.sqlite.config.ts` after changing schema.sqlite.ts.
export default defineConfig({
  dialect: 'sqlite',
  schema: './src/adapters/db/schema.sqlite.ts',
  out: './src/adapters/db/migrations/sqlite',
});
