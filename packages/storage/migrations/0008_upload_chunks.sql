CREATE TABLE "sheet_import_chunks" (
	"import_id" uuid NOT NULL,
	"seq" integer NOT NULL,
	"data" "bytea" NOT NULL,
	CONSTRAINT "sheet_import_chunks_import_id_seq_pk" PRIMARY KEY("import_id","seq")
);
--> statement-breakpoint
ALTER TABLE "sheet_imports" ADD COLUMN "content_bytes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "sheet_import_chunks" ADD CONSTRAINT "sheet_import_chunks_import_id_sheet_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."sheet_imports"("id") ON DELETE cascade ON UPDATE no action;