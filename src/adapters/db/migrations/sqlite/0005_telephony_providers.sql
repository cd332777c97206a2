-- Per-company telephony provider and SIP server, agents' SIP accounts, and the liveness of SIP calls.
CREATE TABLE `sip_accounts` (
	`company_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`username` text NOT NULL,
	`password_encrypted` text NOT NULL,
	`caller_id` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`company_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `sip_live_calls` (
	`call_id` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`last_heard_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `sip_live_calls_last_heard_at_idx` ON `sip_live_calls` (`last_heard_at`);--> statement-breakpoint
ALTER TABLE `company_settings` ADD `telephony_provider` text;--> statement-breakpoint
ALTER TABLE `company_settings` ADD `sip_websocket_url` text;--> statement-breakpoint
ALTER TABLE `company_settings` ADD `sip_domain` text;