CREATE TABLE "accounts" (
	"company_id" integer NOT NULL,
	"user_id" integer NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"company_name" text NOT NULL,
	"api_domain" text NOT NULL,
	"scopes" text NOT NULL,
	"access_token_encrypted" text,
	"refresh_token_encrypted" text,
	"access_token_expires_at" bigint NOT NULL,
	"status" text NOT NULL,
	"token_version" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	CONSTRAINT "accounts_company_id_user_id_pk" PRIMARY KEY("company_id","user_id")
);
