CREATE TABLE "provider_pool_steps" (
	"org_id" uuid NOT NULL,
	"pool_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"provider_id" uuid NOT NULL,
	"command" jsonb NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_pool_steps_org_id_pool_id_seq_pk" PRIMARY KEY("org_id","pool_id","seq")
);
--> statement-breakpoint
CREATE TABLE "provider_pools" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"definition" jsonb NOT NULL,
	"required_for_pilot" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_pools_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "provider_profiles" (
	"org_id" uuid NOT NULL,
	"profile" jsonb NOT NULL,
	"grading_answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"field_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "provider_profiles_org_id_pk" PRIMARY KEY("org_id")
);
--> statement-breakpoint
ALTER TABLE "provider_pool_steps" ADD CONSTRAINT "provider_pool_steps_org_id_pool_id_provider_pools_org_id_id_fk" FOREIGN KEY ("org_id","pool_id") REFERENCES "public"."provider_pools"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_pools" ADD CONSTRAINT "provider_pools_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_pools" ADD CONSTRAINT "provider_pools_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "provider_profiles" ADD CONSTRAINT "provider_profiles_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "provider_pool_steps_provider_idx" ON "provider_pool_steps" USING btree ("provider_id");--> statement-breakpoint
CREATE INDEX "provider_pools_id_idx" ON "provider_pools" USING btree ("id");