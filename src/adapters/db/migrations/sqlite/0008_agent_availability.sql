-- "Available" / "Do not disturb" per agent (company + user), shared by all their tabs and every app instance; no row = available.
CREATE TABLE `agent_availability` (
	`company_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`available` integer NOT NULL,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`company_id`, `user_id`)
);
