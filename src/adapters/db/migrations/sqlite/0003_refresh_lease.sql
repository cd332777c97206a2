ALTER TABLE `accounts` ADD `refresh_lock_owner` text;--> statement-breakpoint
ALTER TABLE `accounts` ADD `refresh_lock_expires_at` integer;