-- Call recordings (until attached to the Pipedrive call log), the company's "Record calls" setting, and outbox writes that wait for a named write.
CREATE TABLE `call_recordings` (
	`call_id` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`content_type` text NOT NULL,
	`bytes` blob,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `company_settings` ADD `record_calls` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `after_key` text;