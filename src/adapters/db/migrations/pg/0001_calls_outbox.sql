CREATE TABLE "call_agents" (
	"call_id" text NOT NULL,
	"user_id" integer NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "call_agents_call_id_user_id_role_pk" PRIMARY KEY("call_id","user_id","role")
);
--> statement-breakpoint
CREATE TABLE "caller_preferences" (
	"company_id" integer NOT NULL,
	"phone_e164" text NOT NULL,
	"person_id" integer NOT NULL,
	"deal_id" integer,
	"chosen_at" bigint NOT NULL,
	CONSTRAINT "caller_preferences_company_id_phone_e164_pk" PRIMARY KEY("company_id","phone_e164")
);
--> statement-breakpoint
CREATE TABLE "calls" (
	"id" text PRIMARY KEY NOT NULL,
	"company_id" integer NOT NULL,
	"provider_call_id" text,
	"direction" text NOT NULL,
	"state" text NOT NULL,
	"agent_user_id" integer,
	"created_at" bigint NOT NULL,
	"ringing_at" bigint,
	"ended_at" bigint,
	"missed_scope" text,
	"is_call_logged" boolean NOT NULL,
	"version" integer NOT NULL,
	"call" jsonb NOT NULL,
	"ringing" jsonb,
	"caller" jsonb,
	"missed_by" jsonb,
	"agent_tab_id" text
);
--> statement-breakpoint
CREATE TABLE "missed_calls_seen" (
	"company_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"seen_at" bigint NOT NULL,
	CONSTRAINT "missed_calls_seen_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"sequence" bigserial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"company_id" integer NOT NULL,
	"acting_user_id" integer,
	"call_id" text NOT NULL,
	"write" jsonb NOT NULL,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"last_error" text,
	"outcome_unknown" boolean DEFAULT false NOT NULL,
	"result" jsonb,
	"enqueued_at" bigint NOT NULL,
	"delivered_at" bigint,
	"lease_owner" text,
	"lease_expires_at" bigint
);
--> statement-breakpoint
CREATE INDEX "call_agents_user_role_idx" ON "call_agents" USING btree ("user_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "calls_provider_call_id_unique" ON "calls" USING btree ("provider_call_id");--> statement-breakpoint
CREATE INDEX "calls_company_state_idx" ON "calls" USING btree ("company_id","state");--> statement-breakpoint
CREATE INDEX "calls_state_ringing_at_idx" ON "calls" USING btree ("state","ringing_at");--> statement-breakpoint
CREATE INDEX "calls_state_logged_ended_at_idx" ON "calls" USING btree ("state","is_call_logged","ended_at");--> statement-breakpoint
CREATE INDEX "calls_company_created_at_idx" ON "calls" USING btree ("company_id","created_at");--> statement-breakpoint
CREATE INDEX "calls_company_missed_ended_at_idx" ON "calls" USING btree ("company_id","missed_scope","ended_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_idempotency_key_unique" ON "outbox" USING btree ("idempotency_key");--> statement-breakpoint
CREATE INDEX "outbox_status_next_attempt_idx" ON "outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "outbox_call_sequence_idx" ON "outbox" USING btree ("call_id","sequence");