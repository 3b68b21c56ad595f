CREATE TABLE "kpi_manual_values" (
	"org_id" uuid NOT NULL,
	"kpi_id" text NOT NULL,
	"period" text NOT NULL,
	"value" double precision NOT NULL,
	"note" text DEFAULT '' NOT NULL,
	"entered_by" uuid,
	"entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "kpi_manual_values_org_id_kpi_id_period_pk" PRIMARY KEY("org_id","kpi_id","period")
);
--> statement-breakpoint
CREATE TABLE "ledger_imports" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"kind" text NOT NULL,
	"format" text NOT NULL,
	"sha256" text NOT NULL,
	"layout" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"row_count" integer NOT NULL,
	"date_from" text,
	"date_to" text,
	"status" text NOT NULL,
	"problems" jsonb NOT NULL,
	"imported_by" uuid,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_imports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "ledger_mappings" (
	"org_id" uuid NOT NULL,
	"layout" text NOT NULL,
	"kind" text NOT NULL,
	"mapping" jsonb NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ledger_mappings_org_id_layout_pk" PRIMARY KEY("org_id","layout")
);
--> statement-breakpoint
CREATE TABLE "ledger_rows" (
	"org_id" uuid NOT NULL,
	"import_id" uuid NOT NULL,
	"row" integer NOT NULL,
	"date" text NOT NULL,
	"values" jsonb NOT NULL,
	CONSTRAINT "ledger_rows_org_id_import_id_row_pk" PRIMARY KEY("org_id","import_id","row")
);
--> statement-breakpoint
CREATE TABLE "ledger_upload_chunks" (
	"org_id" uuid NOT NULL,
	"upload_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"content" "bytea" NOT NULL,
	CONSTRAINT "ledger_upload_chunks_org_id_upload_id_seq_pk" PRIMARY KEY("org_id","upload_id","seq")
);
--> statement-breakpoint
CREATE TABLE "ledger_uploads" (
	"org_id" uuid NOT NULL,
	"id" uuid DEFAULT gen_random_uuid() NOT NULL,
	"file_name" text NOT NULL,
	"format" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"layout" text NOT NULL,
	"headers" jsonb NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "ledger_uploads_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kpi_manual_values" ADD CONSTRAINT "kpi_manual_values_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_imports" ADD CONSTRAINT "ledger_imports_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_imports" ADD CONSTRAINT "ledger_imports_imported_by_users_id_fk" FOREIGN KEY ("imported_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_mappings" ADD CONSTRAINT "ledger_mappings_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_mappings" ADD CONSTRAINT "ledger_mappings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_rows" ADD CONSTRAINT "ledger_rows_org_id_import_id_ledger_imports_org_id_id_fk" FOREIGN KEY ("org_id","import_id") REFERENCES "public"."ledger_imports"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_upload_chunks" ADD CONSTRAINT "ledger_upload_chunks_org_id_upload_id_ledger_uploads_org_id_id_fk" FOREIGN KEY ("org_id","upload_id") REFERENCES "public"."ledger_uploads"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_uploads" ADD CONSTRAINT "ledger_uploads_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ledger_uploads" ADD CONSTRAINT "ledger_uploads_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "ledger_imports_file_idx" ON "ledger_imports" USING btree ("org_id","sha256");--> statement-breakpoint
CREATE INDEX "ledger_rows_date_idx" ON "ledger_rows" USING btree ("org_id","date");