CREATE TABLE `call_agents` (
	`call_id` text NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`call_id`, `user_id`, `role`)
);
--> statement-breakpoint
CREATE INDEX `call_agents_user_role_idx` ON `call_agents` (`user_id`,`role`);--> statement-breakpoint
CREATE TABLE `caller_preferences` (
	`company_id` integer NOT NULL,
	`phone_e164` text NOT NULL,
	`person_id` integer NOT NULL,
	`deal_id` integer,
	`chosen_at` integer NOT NULL,
	PRIMARY KEY(`company_id`, `phone_e164`)
);
--> statement-breakpoint
CREATE TABLE `calls` (
	`id` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`provider_call_id` text,
	`direction` text NOT NULL,
	`state` text NOT NULL,
	`agent_user_id` integer,
	`created_at` integer NOT NULL,
	`ringing_at` integer,
	`ended_at` integer,
	`missed_scope` text,
	`is_call_logged` integer NOT NULL,
	`version` integer NOT NULL,
	`call` text NOT NULL,
	`ringing` text,
	`caller` text,
	`missed_by` text,
	`agent_tab_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `calls_provider_call_id_unique` ON `calls` (`provider_call_id`);--> statement-breakpoint
CREATE INDEX `calls_company_state_idx` ON `calls` (`company_id`,`state`);--> statement-breakpoint
CREATE INDEX `calls_state_ringing_at_idx` ON `calls` (`state`,`ringing_at`);--> statement-breakpoint
CREATE INDEX `calls_state_logged_ended_at_idx` ON `calls` (`state`,`is_call_logged`,`ended_at`);--> statement-breakpoint
CREATE INDEX `calls_company_created_at_idx` ON `calls` (`company_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `calls_company_missed_ended_at_idx` ON `calls` (`company_id`,`missed_scope`,`ended_at`);--> statement-breakpoint
CREATE TABLE `missed_calls_seen` (
	`company_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`seen_at` integer NOT NULL,
	PRIMARY KEY(`company_id`, `user_id`)
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`sequence` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idempotency_key` text NOT NULL,
	`company_id` integer NOT NULL,
	`acting_user_id` integer,
	`call_id` text NOT NULL,
	`write` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`outcome_unknown` integer DEFAULT false NOT NULL,
	`result` text,
	`enqueued_at` integer NOT NULL,
	`delivered_at` integer,
	`lease_owner` text,
	`lease_expires_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_key_unique` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_status_next_attempt_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_call_sequence_idx` ON `outbox` (`call_id`,`sequence`);