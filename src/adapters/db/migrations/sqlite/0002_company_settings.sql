CREATE TABLE `company_settings` (
	`company_id` integer PRIMARY KEY NOT NULL,
	`default_region` text,
	`create_callback_for_missed_calls` integer NOT NULL,
	`company_phone_number` text,
	`ring_timeout_seconds` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by_user_id` integer NOT NULL
);
