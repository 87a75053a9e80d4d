-- ecrf's 0033_functional_hepatocytes_moved_to_cips_bal: the SQL of each of its operations as written, statement for
-- statement, captured on a database in the state the migration meets, by
--     python -m tests.operations.render_once ecrf 0033
-- and run by the migration (RenderOnce). Do not edit: write a new migration.

--
-- Raw SQL operation
--

DO $$
BEGIN
    IF to_regclass('cips_bal_functionalhepatocytes') IS NULL
       AND EXISTS (SELECT 1 FROM "ecrf_treatmentsession" WHERE "functional_percent" IS NOT NULL)
    THEN
        RAISE EXCEPTION 'Install studies.cips_bal (ECRF_STUDIES) before migrating: it keeps '
                        'the sessions'' functional fractions.';
    END IF;
END
$$;

--
-- Remove trigger insert_insert from model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession";
--
-- Remove trigger update_update from model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession";
--
-- Remove trigger delete_delete from model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession";
--
-- Remove field functional_percent from treatmentsession
--
ALTER TABLE "ecrf_treatmentsession" DROP COLUMN "functional_percent" CASCADE;
--
-- Remove field functional_percent from treatmentsessionevent
--
ALTER TABLE "ecrf_treatmentsessionevent" DROP COLUMN "functional_percent" CASCADE;
--
-- Create trigger insert_insert on model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_ab6eb()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_insert_insert_ab6eb
                AFTER INSERT ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_ab6eb();

            COMMENT ON TRIGGER pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession" IS 'd87b52544946eb79d2e22015f2156c85c9872428';
        
--
-- Create trigger update_update on model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_5b4d0()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_update_update_5b4d0
                AFTER UPDATE ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_5b4d0();

            COMMENT ON TRIGGER pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession" IS '72ae02da5641aca59160b963e51701a70271d0dd';
        
--
-- Create trigger delete_delete on model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_a20e7()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (OLD."access_side", OLD."access_site", OLD."anticoagulation", OLD."blood_flow_ml_min", OLD."catheter_size_fr", OLD."catheter_type", OLD."cell_lot", OLD."completed_as_planned", OLD."created_at", OLD."created_by_id", OLD."device_serial", OLD."ended_at", OLD."form_status", OLD."gross_minutes", OLD."id", OLD."interruption_minutes", OLD."net_minutes", OLD."number", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."planned_minutes", OLD."plasma_flow_ml_min", OLD."started_at", OLD."subject_id", OLD."termination_details", OLD."termination_reason", OLD."total_cells_e9", OLD."updated_at", OLD."version", OLD."viability_percent", OLD."void_reason", OLD."voided_at", OLD."voided_by_id", OLD."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_delete_delete_a20e7
                AFTER DELETE ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_a20e7();

            COMMENT ON TRIGGER pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession" IS '76392c956be2093a595a1da4d72696a43b46eb11';
        

-- ==== backwards: the same operations unapplied, last first ====

--
-- Create trigger delete_delete on model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession";
--
-- Create trigger update_update on model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession";
--
-- Create trigger insert_insert on model treatmentsession
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession";
--
-- Remove field functional_percent from treatmentsessionevent
--
ALTER TABLE "ecrf_treatmentsessionevent" ADD COLUMN "functional_percent" numeric(4, 1) NULL;
--
-- Remove field functional_percent from treatmentsession
--
ALTER TABLE "ecrf_treatmentsession" ADD COLUMN "functional_percent" numeric(4, 1) NULL;
--
-- Remove trigger delete_delete from model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_a20e7()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "functional_percent", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (OLD."access_side", OLD."access_site", OLD."anticoagulation", OLD."blood_flow_ml_min", OLD."catheter_size_fr", OLD."catheter_type", OLD."cell_lot", OLD."completed_as_planned", OLD."created_at", OLD."created_by_id", OLD."device_serial", OLD."ended_at", OLD."form_status", OLD."functional_percent", OLD."gross_minutes", OLD."id", OLD."interruption_minutes", OLD."net_minutes", OLD."number", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."planned_minutes", OLD."plasma_flow_ml_min", OLD."started_at", OLD."subject_id", OLD."termination_details", OLD."termination_reason", OLD."total_cells_e9", OLD."updated_at", OLD."version", OLD."viability_percent", OLD."void_reason", OLD."voided_at", OLD."voided_by_id", OLD."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_delete_delete_a20e7
                AFTER DELETE ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_a20e7();

            COMMENT ON TRIGGER pgtrigger_delete_delete_a20e7 ON "ecrf_treatmentsession" IS 'd836b96024b5d1e43f53231b423dcd013651319f';
        
--
-- Remove trigger update_update from model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_5b4d0()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "functional_percent", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."functional_percent", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_update_update_5b4d0
                AFTER UPDATE ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_5b4d0();

            COMMENT ON TRIGGER pgtrigger_update_update_5b4d0 ON "ecrf_treatmentsession" IS 'ae9e847dd5167f6a82cd6375fe40d6a653665a7d';
        
--
-- Remove trigger insert_insert from model treatmentsession
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_ab6eb()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "functional_percent", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."functional_percent", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession";
            CREATE  TRIGGER pgtrigger_insert_insert_ab6eb
                AFTER INSERT ON "ecrf_treatmentsession"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_ab6eb();

            COMMENT ON TRIGGER pgtrigger_insert_insert_ab6eb ON "ecrf_treatmentsession" IS '457892316d498d5162122d3377d3bb84654ea79c';
        
--
-- Raw SQL operation
--

UPDATE "ecrf_treatmentsession" s SET "functional_percent" = f."functional_percent"
  FROM "cips_bal_functionalhepatocytes" f
 WHERE f."session_id" = s."id" AND f."voided_at" IS NULL;

