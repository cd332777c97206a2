import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

// Keep in step with schema.pg.ts: same tables, same columns, same meaning. Timestamps are epoch
// milliseconds on both engines so repositories map rows the same way.

/** One row per Pipedrive user who installed the app; tokens are encrypted (see token-cipher.ts). */
export const accounts = sqliteTable(
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
    accessTokenExpiresAt: integer('access_token_expires_at').notNull(),
    status: text('status', { enum: ['connected', 'disconnected'] }).notNull(),
    tokenVersion: integer('token_version').notNull().default(0),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (table) => [primaryKey({ columns: [table.companyId, table.userId] })],
);
