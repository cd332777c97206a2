ALTER TABLE "accounts" ADD COLUMN "refresh_lock_owner" text;--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "refresh_lock_expires_at" bigint;