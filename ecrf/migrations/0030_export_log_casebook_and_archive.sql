-- ecrf's 0030_export_log_casebook_and_archive: the SQL of each of its operations as written, statement for
-- statement, captured on a database in the state the migration meets, by
--     python -m tests.operations.render_once ecrf 0030
-- and run by the migration (RenderOnce). Do not edit: write a new migration.

--
-- Alter field format on exportlog
--
-- (no-op)
--
-- Alter field format on exportlogevent
--
-- (no-op)

-- ==== backwards: the same operations unapplied, last first ====

--
-- Alter field format on exportlogevent
--
-- (no-op)
--
-- Alter field format on exportlog
--
-- (no-op)
