-- What the agent typed so far for a call: survives a reload, reaches the other tabs, and goes into the automatic log.
CREATE TABLE `call_notes_drafts` (
	`call_id` text PRIMARY KEY NOT NULL,
	`company_id` integer NOT NULL,
	`text` text NOT NULL,
	`updated_at` integer NOT NULL
);
