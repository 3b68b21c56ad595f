CREATE TABLE "delivery_provider_invitations" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"provider_org_id" uuid NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"invited_by" uuid,
	"invited_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_by" uuid,
	"responded_at" timestamp with time zone,
	"revoked_by" uuid,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "delivery_provider_invitations_org_id_project_id_id_pk" PRIMARY KEY("org_id","project_id","id")
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ALTER COLUMN "assessment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "delivery_provider_invitations" ADD CONSTRAINT "delivery_provider_invitations_provider_org_id_organisations_id_fk" FOREIGN KEY ("provider_org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_provider_invitations" ADD CONSTRAINT "delivery_provider_invitations_invited_by_users_id_fk" FOREIGN KEY ("invited_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_provider_invitations" ADD CONSTRAINT "delivery_provider_invitations_responded_by_users_id_fk" FOREIGN KEY ("responded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_provider_invitations" ADD CONSTRAINT "delivery_provider_invitations_revoked_by_users_id_fk" FOREIGN KEY ("revoked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_provider_invitations" ADD CONSTRAINT "delivery_provider_invitations_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_provider_invitations_open_idx" ON "delivery_provider_invitations" USING btree ("org_id","project_id","provider_org_id") WHERE status in ('pending', 'accepted');--> statement-breakpoint
CREATE INDEX "delivery_provider_invitations_provider_idx" ON "delivery_provider_invitations" USING btree ("provider_org_id","status");--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_project_idx" ON "evidence_files" USING btree ("org_id","project_id","item_id");--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_one_owner" CHECK (("evidence_files"."assessment_id" is null) <> ("evidence_files"."project_id" is null));