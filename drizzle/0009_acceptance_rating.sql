ALTER TABLE "delivery_projects" ADD COLUMN "acceptance_rating" integer;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD COLUMN "acceptance_comment" text;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD COLUMN "acceptance_rated_by" uuid;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD COLUMN "acceptance_rated_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD CONSTRAINT "delivery_projects_acceptance_rated_by_users_id_fk" FOREIGN KEY ("acceptance_rated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;