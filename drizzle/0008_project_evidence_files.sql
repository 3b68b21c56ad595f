ALTER TABLE "evidence_files" ALTER COLUMN "assessment_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD COLUMN "project_id" uuid;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_project_idx" ON "evidence_files" USING btree ("org_id","project_id","item_id");--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_one_owner" CHECK (("evidence_files"."assessment_id" is null) <> ("evidence_files"."project_id" is null));