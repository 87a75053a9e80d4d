-- ecrf's 0029_arm_and_site_chinese_names: the SQL of each of its operations as written, statement for
-- statement, captured on a database in the state the migration meets, by
--     python -m tests.operations.render_once ecrf 0029
-- and run by the migration (RenderOnce). Do not edit: write a new migration.

--
-- Remove trigger insert_insert from model arm
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_70e46 ON "ecrf_arm";
--
-- Remove trigger update_update from model arm
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_904b6 ON "ecrf_arm";
--
-- Remove trigger delete_delete from model arm
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_033de ON "ecrf_arm";
--
-- Add field label_zh to arm
--
ALTER TABLE "ecrf_arm" ADD COLUMN "label_zh" varchar(100) DEFAULT '' NOT NULL;
ALTER TABLE "ecrf_arm" ALTER COLUMN "label_zh" DROP DEFAULT;
--
-- Add field label_zh to armevent
--
ALTER TABLE "ecrf_armevent" ADD COLUMN "label_zh" varchar(100) DEFAULT '' NOT NULL;
ALTER TABLE "ecrf_armevent" ALTER COLUMN "label_zh" DROP DEFAULT;
--
-- Add field name_zh to site
--
ALTER TABLE "ecrf_site" ADD COLUMN "name_zh" varchar(200) DEFAULT '' NOT NULL;
ALTER TABLE "ecrf_site" ALTER COLUMN "name_zh" DROP DEFAULT;
--
-- Create trigger insert_insert on model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_70e46()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "label_zh", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (NEW."capacity", NEW."code", NEW."id", NEW."is_open", NEW."label", NEW."label_zh", NEW."order", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."planned_minutes", NEW."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_70e46 ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_insert_insert_70e46
                AFTER INSERT ON "ecrf_arm"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_70e46();

            COMMENT ON TRIGGER pgtrigger_insert_insert_70e46 ON "ecrf_arm" IS 'a940145e743249f25bf13588f14e46a331dbfd4c';
        
--
-- Create trigger update_update on model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_904b6()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "label_zh", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (NEW."capacity", NEW."code", NEW."id", NEW."is_open", NEW."label", NEW."label_zh", NEW."order", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."planned_minutes", NEW."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_904b6 ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_update_update_904b6
                AFTER UPDATE ON "ecrf_arm"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_904b6();

            COMMENT ON TRIGGER pgtrigger_update_update_904b6 ON "ecrf_arm" IS '28e24e25686322fadcbe950b0619515f88bb65f5';
        
--
-- Create trigger delete_delete on model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_033de()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "label_zh", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (OLD."capacity", OLD."code", OLD."id", OLD."is_open", OLD."label", OLD."label_zh", OLD."order", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."planned_minutes", OLD."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_033de ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_delete_delete_033de
                AFTER DELETE ON "ecrf_arm"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_033de();

            COMMENT ON TRIGGER pgtrigger_delete_delete_033de ON "ecrf_arm" IS '1e12e9532a7d6ebadd8c259389540212cc556074';
        

-- ==== backwards: the same operations unapplied, last first ====

--
-- Create trigger delete_delete on model arm
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_033de ON "ecrf_arm";
--
-- Create trigger update_update on model arm
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_904b6 ON "ecrf_arm";
--
-- Create trigger insert_insert on model arm
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_70e46 ON "ecrf_arm";
--
-- Add field name_zh to site
--
ALTER TABLE "ecrf_site" DROP COLUMN "name_zh" CASCADE;
--
-- Add field label_zh to armevent
--
ALTER TABLE "ecrf_armevent" DROP COLUMN "label_zh" CASCADE;
--
-- Add field label_zh to arm
--
ALTER TABLE "ecrf_arm" DROP COLUMN "label_zh" CASCADE;
--
-- Remove trigger delete_delete from model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_033de()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (OLD."capacity", OLD."code", OLD."id", OLD."is_open", OLD."label", OLD."order", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."planned_minutes", OLD."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_033de ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_delete_delete_033de
                AFTER DELETE ON "ecrf_arm"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_033de();

            COMMENT ON TRIGGER pgtrigger_delete_delete_033de ON "ecrf_arm" IS 'c7a0764b995667d41a4adcd7a6e4cd3a75deefbc';
        
--
-- Remove trigger update_update from model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_904b6()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (NEW."capacity", NEW."code", NEW."id", NEW."is_open", NEW."label", NEW."order", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."planned_minutes", NEW."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_904b6 ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_update_update_904b6
                AFTER UPDATE ON "ecrf_arm"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_904b6();

            COMMENT ON TRIGGER pgtrigger_update_update_904b6 ON "ecrf_arm" IS '4ad0dd5e816e50f8893ecfa8f6fd5950a9f59f71';
        
--
-- Remove trigger insert_insert from model arm
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_70e46()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_armevent" ("capacity", "code", "id", "is_open", "label", "order", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "study_id") VALUES (NEW."capacity", NEW."code", NEW."id", NEW."is_open", NEW."label", NEW."order", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."planned_minutes", NEW."study_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_70e46 ON "ecrf_arm";
            CREATE  TRIGGER pgtrigger_insert_insert_70e46
                AFTER INSERT ON "ecrf_arm"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_70e46();

            COMMENT ON TRIGGER pgtrigger_insert_insert_70e46 ON "ecrf_arm" IS '5469280bb994a019900fe7d3e114cd18f480ca74';
        
