-- ecrf's 0034_small_for_size_moved_to_cips_bal: the SQL of each of its operations as written, statement for
-- statement, captured on a database in the state the migration meets, by
--     python -m tests.operations.render_once ecrf 0034
-- and run by the migration (RenderOnce). Do not edit: write a new migration.

--
-- Raw SQL operation
--

DO $$
BEGIN
    IF to_regclass('cips_bal_smallforsizeoperation') IS NULL
       AND EXISTS (SELECT 1 FROM "ecrf_liverfailurediagnosis"
                    WHERE "sfss_operation" <> '' OR "sfss_operation_date" IS NOT NULL
                       OR "graft_weight_g" IS NOT NULL)
    THEN
        RAISE EXCEPTION 'Install studies.cips_bal (ECRF_STUDIES) before migrating: it keeps '
                        'the diagnoses'' small-for-size operations.';
    END IF;
END
$$;

--
-- Remove trigger insert_insert from model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis";
--
-- Remove trigger update_update from model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis";
--
-- Remove trigger delete_delete from model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis";
--
-- Remove constraint liver_failure_sfss_has_operation from model liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" DROP CONSTRAINT "liver_failure_sfss_has_operation";
--
-- Remove field graft_weight_g from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" DROP COLUMN "graft_weight_g" CASCADE;
--
-- Remove field sfss_operation from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" DROP COLUMN "sfss_operation" CASCADE;
--
-- Remove field sfss_operation_date from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" DROP COLUMN "sfss_operation_date" CASCADE;
--
-- Remove field graft_weight_g from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" DROP COLUMN "graft_weight_g" CASCADE;
--
-- Remove field sfss_operation from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" DROP COLUMN "sfss_operation" CASCADE;
--
-- Remove field sfss_operation_date from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" DROP COLUMN "sfss_operation_date" CASCADE;
--
-- Create trigger insert_insert on model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_849c1()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_insert_insert_849c1
                AFTER INSERT ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_849c1();

            COMMENT ON TRIGGER pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis" IS '69465b8f7a97f902119dbedeecd94c6002110cdc';
        
--
-- Create trigger update_update on model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_59790()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_update_update_59790
                AFTER UPDATE ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_59790();

            COMMENT ON TRIGGER pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis" IS '26f7c82344abe2769b54d6ca92e02b5f0525dc1c';
        
--
-- Create trigger delete_delete on model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_78699()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."aetiology", OLD."category", OLD."chronic_liver_disease", OLD."cirrhosis", OLD."created_at", OLD."created_by_id", OLD."diagnosed_on", OLD."form_status", OLD."guideline", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_delete_delete_78699
                AFTER DELETE ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_78699();

            COMMENT ON TRIGGER pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis" IS '6c4e8b31747e9216abf41246c82ac4ee784a3a91';
        

-- ==== backwards: the same operations unapplied, last first ====

--
-- Create trigger delete_delete on model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis";
--
-- Create trigger update_update on model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis";
--
-- Create trigger insert_insert on model liverfailurediagnosis
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis";
--
-- Remove field sfss_operation_date from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" ADD COLUMN "sfss_operation_date" date NULL;
--
-- Remove field sfss_operation from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" ADD COLUMN "sfss_operation" varchar(15) DEFAULT '' NOT NULL;
ALTER TABLE "ecrf_liverfailurediagnosisevent" ALTER COLUMN "sfss_operation" DROP DEFAULT;
--
-- Remove field graft_weight_g from liverfailurediagnosisevent
--
ALTER TABLE "ecrf_liverfailurediagnosisevent" ADD COLUMN "graft_weight_g" smallint NULL CHECK ("graft_weight_g" >= 0);
--
-- Remove field sfss_operation_date from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" ADD COLUMN "sfss_operation_date" date NULL;
--
-- Remove field sfss_operation from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" ADD COLUMN "sfss_operation" varchar(15) DEFAULT '' NOT NULL;
ALTER TABLE "ecrf_liverfailurediagnosis" ALTER COLUMN "sfss_operation" DROP DEFAULT;
--
-- Remove field graft_weight_g from liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" ADD COLUMN "graft_weight_g" smallint NULL CHECK ("graft_weight_g" >= 0);
--
-- Remove constraint liver_failure_sfss_has_operation from model liverfailurediagnosis
--
ALTER TABLE "ecrf_liverfailurediagnosis" ADD CONSTRAINT "liver_failure_sfss_has_operation" CHECK ((NOT ("category" = 'SFSS') OR (NOT ("sfss_operation" = '') AND "sfss_operation_date" IS NOT NULL)));
--
-- Remove trigger delete_delete from model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_78699()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "graft_weight_g", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."aetiology", OLD."category", OLD."chronic_liver_disease", OLD."cirrhosis", OLD."created_at", OLD."created_by_id", OLD."diagnosed_on", OLD."form_status", OLD."graft_weight_g", OLD."guideline", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."sfss_operation", OLD."sfss_operation_date", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_delete_delete_78699
                AFTER DELETE ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_78699();

            COMMENT ON TRIGGER pgtrigger_delete_delete_78699 ON "ecrf_liverfailurediagnosis" IS 'd431593679f599c8f3ccb5daf886ac572ef33b30';
        
--
-- Remove trigger update_update from model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_59790()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "graft_weight_g", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."graft_weight_g", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."sfss_operation", NEW."sfss_operation_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_update_update_59790
                AFTER UPDATE ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_59790();

            COMMENT ON TRIGGER pgtrigger_update_update_59790 ON "ecrf_liverfailurediagnosis" IS 'ec16a9b094af5078102fb0e1a35f7b952e0a9c0a';
        
--
-- Remove trigger insert_insert from model liverfailurediagnosis
--

            CREATE OR REPLACE FUNCTION "public"._pgtrigger_should_ignore(
                trigger_name NAME
            )
            RETURNS BOOLEAN AS $$
                DECLARE
                    _pgtrigger_ignore TEXT[];
                    _result BOOLEAN;
                BEGIN
                    BEGIN
                        SELECT INTO _pgtrigger_ignore
                            CURRENT_SETTING('pgtrigger.ignore');
                        EXCEPTION WHEN OTHERS THEN
                    END;
                    IF _pgtrigger_ignore IS NOT NULL THEN
                        SELECT trigger_name = ANY(_pgtrigger_ignore)
                        INTO _result;
                        RETURN _result;
                    ELSE
                        RETURN FALSE;
                    END IF;
                END;
            $$ LANGUAGE plpgsql;

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_849c1()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "graft_weight_g", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."graft_weight_g", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."sfss_operation", NEW."sfss_operation_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis";
            CREATE  TRIGGER pgtrigger_insert_insert_849c1
                AFTER INSERT ON "ecrf_liverfailurediagnosis"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_849c1();

            COMMENT ON TRIGGER pgtrigger_insert_insert_849c1 ON "ecrf_liverfailurediagnosis" IS '0406a7e979822e6f0c4c88566e9cc9f70be065f3';
        
--
-- Raw SQL operation
--

UPDATE "ecrf_liverfailurediagnosis" d
   SET "sfss_operation" = o."sfss_operation", "sfss_operation_date" = o."sfss_operation_date",
       "graft_weight_g" = o."graft_weight_g"
  FROM "cips_bal_smallforsizeoperation" o
 WHERE o."diagnosis_id" = d."id" AND o."voided_at" IS NULL;

