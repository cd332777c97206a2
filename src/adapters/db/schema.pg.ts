import { bigint, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

// Keep in step with schema.sqlite.ts: same tables, same columns, same meaning. Timestamps are epoch
// milliseconds (bigint read as number) so repositories map rows the same way on both engines.

/** One row per Pipedrive user who installed the app; tokens are encrypted (see token-cipher.ts). */
export const accounts = pgTable(
  'accounts',
  {
    companyId: integer('company_id').notNull(),
    userId: integer('user_id').notNull(),
    name: text('name').notNull(),
    email: text('email').notNull(),
    companyName: text('company_name').notNull(),
    apiDomain: text('api_domain').notNull(),
    scopes: text('scopes').notNull(),
    accessTokenEncrypted: text('access_token_encrypted'),
    refreshTokenEncrypted: text('refresh_token_encrypted'),
    accessTokenExpiresAt: bigint('access_token_expires_at', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['connected', 'disconnected'] }).notNull(),
    tokenVersion: integer('token_version').notNull().default(0),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);
