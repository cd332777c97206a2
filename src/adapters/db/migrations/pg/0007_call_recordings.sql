-- Call recordings (until attached to the Pipedrive call log), the company's "Record calls" setting, and outbox writes that wait for a named write.
CREATE TABLE "call_recordings" (
	"call_id" text PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"content_type" text NOT NULL,
	"bytes" "bytea",
	"size" integer NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "company_settings" ADD COLUMN "record_calls" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "after_key" text;