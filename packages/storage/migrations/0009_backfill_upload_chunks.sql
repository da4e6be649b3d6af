-- Uploads stored before the file was kept in pieces: each becomes one piece (a file of any size reads
-- back whole; only new uploads are cut at 512 KiB), and its size is recorded.
INSERT INTO "sheet_import_chunks" ("import_id", "seq", "data")
SELECT "id", 0, "content" FROM "sheet_imports" WHERE length("content") > 0;
--> statement-breakpoint
UPDATE "sheet_imports" SET "content_bytes" = length("content");
