CREATE TABLE "delivery_changes" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"before" jsonb NOT NULL,
	"after" jsonb NOT NULL,
	"reason" text NOT NULL,
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_changes_org_id_project_id_id_pk" PRIMARY KEY("org_id","project_id","id")
);
--> statement-breakpoint
CREATE TABLE "delivery_cost_entries" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"period" integer NOT NULL,
	"amount" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_cost_entries_org_id_project_id_id_pk" PRIMARY KEY("org_id","project_id","id")
);
--> statement-breakpoint
CREATE TABLE "delivery_gate_passes" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"gate_id" text NOT NULL,
	"party" text NOT NULL,
	"passed_by" uuid,
	"passed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_gate_passes_org_id_project_id_gate_id_pk" PRIMARY KEY("org_id","project_id","gate_id")
);
--> statement-breakpoint
CREATE TABLE "delivery_milestones" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"title" text NOT NULL,
	"due" text NOT NULL,
	"done_on" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_milestones_org_id_project_id_id_pk" PRIMARY KEY("org_id","project_id","id")
);
--> statement-breakpoint
CREATE TABLE "delivery_projects" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid,
	"initiative_id" text NOT NULL,
	"scenario" text NOT NULL,
	"name" jsonb NOT NULL,
	"scope" jsonb NOT NULL,
	"provider" text,
	"budget" jsonb NOT NULL,
	"start_period" integer NOT NULL,
	"finish_period" integer NOT NULL,
	"calendar" jsonb NOT NULL,
	"kpi_targets" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"risks" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"closed_through" integer,
	"pack_id" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"field_versions" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_projects_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "delivery_team_members" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"role" text NOT NULL,
	"name" text NOT NULL,
	"user_id" uuid,
	"added_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_team_members_org_id_project_id_id_pk" PRIMARY KEY("org_id","project_id","id")
);
--> statement-breakpoint
CREATE TABLE "delivery_ticks" (
	"org_id" uuid NOT NULL,
	"project_id" uuid NOT NULL,
	"checklist_id" text NOT NULL,
	"item_id" text NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"ticked_by" uuid,
	"ticked_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delivery_ticks_org_id_project_id_checklist_id_item_id_pk" PRIMARY KEY("org_id","project_id","checklist_id","item_id")
);
--> statement-breakpoint
ALTER TABLE "delivery_changes" ADD CONSTRAINT "delivery_changes_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_changes" ADD CONSTRAINT "delivery_changes_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_cost_entries" ADD CONSTRAINT "delivery_cost_entries_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_cost_entries" ADD CONSTRAINT "delivery_cost_entries_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_gate_passes" ADD CONSTRAINT "delivery_gate_passes_passed_by_users_id_fk" FOREIGN KEY ("passed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_gate_passes" ADD CONSTRAINT "delivery_gate_passes_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_milestones" ADD CONSTRAINT "delivery_milestones_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD CONSTRAINT "delivery_projects_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD CONSTRAINT "delivery_projects_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_projects" ADD CONSTRAINT "delivery_projects_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_team_members" ADD CONSTRAINT "delivery_team_members_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_team_members" ADD CONSTRAINT "delivery_team_members_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ticks" ADD CONSTRAINT "delivery_ticks_ticked_by_users_id_fk" FOREIGN KEY ("ticked_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delivery_ticks" ADD CONSTRAINT "delivery_ticks_org_id_project_id_delivery_projects_org_id_id_fk" FOREIGN KEY ("org_id","project_id") REFERENCES "public"."delivery_projects"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "delivery_projects_plan_initiative_idx" ON "delivery_projects" USING btree ("org_id","plan_id","initiative_id");