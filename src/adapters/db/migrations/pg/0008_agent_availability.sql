-- "Available" / "Do not disturb" per agent (company + user), shared by all their tabs and every app instance; no row = available.
CREATE TABLE "agent_availability" (
	"company_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"available" boolean NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "agent_availability_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
