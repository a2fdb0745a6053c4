#!/usr/bin/env python3
# tests/cli/store-downgrade-v4.py DB - turn a schema-4 store back into a
# schema-3 one (sentence text in the `sentences` table, no view), for the
# tests of the migrations that follow: the table gets its text column back
# (at the end: statements name their columns) and its old name, which
# points mentions' foreign key at it again. Migrations 6 (mentions'
# date_source and place_source) and 5 (the timeline rows of month- and
# year-precise events, their triggers and index) are taken away first.
import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
c.execute("PRAGMA legacy_alter_table=OFF")
c.executescript("""
BEGIN;
ALTER TABLE mentions DROP COLUMN date_source;
ALTER TABLE mentions DROP COLUMN place_source;
DROP TRIGGER IF EXISTS events_tlc_insert;
DROP TRIGGER IF EXISTS events_tlc_delete;
DROP TRIGGER IF EXISTS events_tlc_update;
DROP INDEX IF EXISTS documents_language;
DELETE FROM timeline_counts WHERE by IN (3, 4);
ALTER TABLE sentence_spans ADD COLUMN text TEXT;
UPDATE sentence_spans SET text = (SELECT text FROM sentences v WHERE v.id = sentence_spans.id);
DROP VIEW sentences;
ALTER TABLE sentence_spans RENAME TO sentences;
DELETE FROM migrations WHERE version >= 4;
UPDATE meta SET value = '3' WHERE key = 'schema_version';
COMMIT;
""")
c.close()
