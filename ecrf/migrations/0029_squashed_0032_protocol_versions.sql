-- ecrf's 0029_arm_and_site_chinese_names, 0030_export_log_casebook_and_archive, 0031_protocol_versions: the SQL of each operation,
-- statement for statement, captured on a database in the state it meets, by
--     python -m tests.operations.squash ecrf 0029 0032 protocol_versions
-- Applied by 0029_squashed_0032_protocol_versions.py. Do not edit: write it again.

-- ecrf.0029_arm_and_site_chinese_names
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
        
-- ecrf.0030_export_log_casebook_and_archive
--
-- Alter field format on exportlog
--
-- (no-op)
--
-- Alter field format on exportlogevent
--
-- (no-op)
-- ecrf.0031_protocol_versions
--
-- Create model Reconsent
--
CREATE TABLE "ecrf_reconsent" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "version" integer NOT NULL CHECK ("version" >= 0), "created_at" timestamp with time zone NOT NULL, "updated_at" timestamp with time zone NOT NULL, "voided_at" timestamp with time zone NULL, "void_reason" text NOT NULL, "form_status" varchar(20) NOT NULL, "reconsent_date" date NOT NULL, "consent_version" varchar(20) NOT NULL);
--
-- Create model ReconsentEvent
--
CREATE TABLE "ecrf_reconsentevent" ("pgh_id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "pgh_created_at" timestamp with time zone NOT NULL, "pgh_label" text NOT NULL, "id" bigint NOT NULL, "version" integer NOT NULL CHECK ("version" >= 0), "created_at" timestamp with time zone NOT NULL, "updated_at" timestamp with time zone NOT NULL, "voided_at" timestamp with time zone NULL, "void_reason" text NOT NULL, "form_status" varchar(20) NOT NULL, "reconsent_date" date NOT NULL, "consent_version" varchar(20) NOT NULL);
--
-- Create model SiteVersion
--
CREATE TABLE "ecrf_siteversion" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "ethics_approved_on" date NULL, "in_force_from" date NOT NULL, "printed_name" varchar(150) NOT NULL, "signed_at" timestamp with time zone NOT NULL, "signature_meaning" varchar(200) NOT NULL, "recorded_by_migration" boolean NOT NULL);
--
-- Create model SiteVersionEvent
--
CREATE TABLE "ecrf_siteversionevent" ("pgh_id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "pgh_created_at" timestamp with time zone NOT NULL, "pgh_label" text NOT NULL, "id" bigint NOT NULL, "ethics_approved_on" date NULL, "in_force_from" date NOT NULL, "printed_name" varchar(150) NOT NULL, "signed_at" timestamp with time zone NOT NULL, "signature_meaning" varchar(200) NOT NULL, "recorded_by_migration" boolean NOT NULL);
--
-- Create model StudyVersion
--
CREATE TABLE "ecrf_studyversion" ("id" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "number" varchar(20) NOT NULL, "declared" varchar(20) NOT NULL, "options" jsonb NOT NULL, "date" date NOT NULL, "summary" text NOT NULL, "created_at" timestamp with time zone NOT NULL);
--
-- Create model StudyVersionEvent
--
CREATE TABLE "ecrf_studyversionevent" ("pgh_id" integer NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, "pgh_created_at" timestamp with time zone NOT NULL, "pgh_label" text NOT NULL, "id" bigint NOT NULL, "number" varchar(20) NOT NULL, "declared" varchar(20) NOT NULL, "options" jsonb NOT NULL, "date" date NOT NULL, "summary" text NOT NULL, "created_at" timestamp with time zone NOT NULL);
--
-- Remove trigger insert_insert from model subject
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_6feb4 ON "ecrf_subject";
--
-- Remove trigger update_update from model subject
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_d1e91 ON "ecrf_subject";
--
-- Remove trigger delete_delete from model subject
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_06c20 ON "ecrf_subject";
--
-- Create trigger insert_insert on model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_6feb4()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "protocol_version_id", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."breastfeeding", NEW."childbearing_potential", NEW."consent_date", NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."date_of_birth", NEW."height_cm", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."pregnancy_test", NEW."protocol_version_id", NEW."screening_date", NEW."screening_number", NEW."sex", NEW."site_id", NEW."status", NEW."study_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_6feb4 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_insert_insert_6feb4
                AFTER INSERT ON "ecrf_subject"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_6feb4();

            COMMENT ON TRIGGER pgtrigger_insert_insert_6feb4 ON "ecrf_subject" IS '4a87951669c10fbb9d023af4f11dc3cf6b6b3cff';
        
--
-- Create trigger update_update on model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_d1e91()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "protocol_version_id", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."breastfeeding", NEW."childbearing_potential", NEW."consent_date", NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."date_of_birth", NEW."height_cm", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."pregnancy_test", NEW."protocol_version_id", NEW."screening_date", NEW."screening_number", NEW."sex", NEW."site_id", NEW."status", NEW."study_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_d1e91 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_update_update_d1e91
                AFTER UPDATE ON "ecrf_subject"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_d1e91();

            COMMENT ON TRIGGER pgtrigger_update_update_d1e91 ON "ecrf_subject" IS '1c6e3facb2d8cfc142f0dd7af8c2b5a0806fd2b7';
        
--
-- Create trigger delete_delete on model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_06c20()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "protocol_version_id", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (OLD."breastfeeding", OLD."childbearing_potential", OLD."consent_date", OLD."consent_version", OLD."created_at", OLD."created_by_id", OLD."date_of_birth", OLD."height_cm", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."pregnancy_test", OLD."protocol_version_id", OLD."screening_date", OLD."screening_number", OLD."sex", OLD."site_id", OLD."status", OLD."study_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id", OLD."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_06c20 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_delete_delete_06c20
                AFTER DELETE ON "ecrf_subject"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_06c20();

            COMMENT ON TRIGGER pgtrigger_delete_delete_06c20 ON "ecrf_subject" IS '8130eac32deca4ea64c8f795e1c793a2343651f4';
        
--
-- Add field created_by to reconsent
--
ALTER TABLE "ecrf_reconsent" ADD COLUMN "created_by_id" integer NOT NULL CONSTRAINT "ecrf_reconsent_created_by_id_8e0dfd28_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_reconsent_created_by_id_8e0dfd28_fk_auth_user_id" IMMEDIATE;
--
-- Add field subject to reconsent
--
ALTER TABLE "ecrf_reconsent" ADD COLUMN "subject_id" bigint NOT NULL CONSTRAINT "ecrf_reconsent_subject_id_2dcdfdcc_fk_ecrf_subject_id" REFERENCES "ecrf_subject"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_reconsent_subject_id_2dcdfdcc_fk_ecrf_subject_id" IMMEDIATE;
--
-- Add field voided_by to reconsent
--
ALTER TABLE "ecrf_reconsent" ADD COLUMN "voided_by_id" integer NULL CONSTRAINT "ecrf_reconsent_voided_by_id_00d00bf4_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_reconsent_voided_by_id_00d00bf4_fk_auth_user_id" IMMEDIATE;
--
-- Add field created_by to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "created_by_id" integer NOT NULL;
--
-- Add field pgh_context to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "pgh_context_id" uuid NULL;
--
-- Add field pgh_obj to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "pgh_obj_id" bigint NOT NULL;
--
-- Add field subject to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "subject_id" bigint NOT NULL;
--
-- Add field voided_by to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "voided_by_id" integer NULL;
--
-- Add field signed_by to siteversion
--
ALTER TABLE "ecrf_siteversion" ADD COLUMN "signed_by_id" integer NULL CONSTRAINT "ecrf_siteversion_signed_by_id_ce694767_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_siteversion_signed_by_id_ce694767_fk_auth_user_id" IMMEDIATE;
--
-- Add field site to siteversion
--
ALTER TABLE "ecrf_siteversion" ADD COLUMN "site_id" bigint NOT NULL CONSTRAINT "ecrf_siteversion_site_id_9898ecee_fk_ecrf_site_id" REFERENCES "ecrf_site"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_siteversion_site_id_9898ecee_fk_ecrf_site_id" IMMEDIATE;
--
-- Add field pgh_context to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" ADD COLUMN "pgh_context_id" uuid NULL;
--
-- Add field pgh_obj to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" ADD COLUMN "pgh_obj_id" bigint NOT NULL;
--
-- Add field signed_by to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" ADD COLUMN "signed_by_id" integer NULL;
--
-- Add field site to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" ADD COLUMN "site_id" bigint NOT NULL;
--
-- Add field created_by to studyversion
--
ALTER TABLE "ecrf_studyversion" ADD COLUMN "created_by_id" integer NULL CONSTRAINT "ecrf_studyversion_created_by_id_9edbaaac_fk_auth_user_id" REFERENCES "auth_user"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_studyversion_created_by_id_9edbaaac_fk_auth_user_id" IMMEDIATE;
--
-- Add field study to studyversion
--
ALTER TABLE "ecrf_studyversion" ADD COLUMN "study_id" bigint NOT NULL CONSTRAINT "ecrf_studyversion_study_id_daa0fa02_fk_ecrf_study_id" REFERENCES "ecrf_study"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_studyversion_study_id_daa0fa02_fk_ecrf_study_id" IMMEDIATE;
--
-- Add field version to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" ADD COLUMN "version_id" bigint NOT NULL;
--
-- Add field version to siteversion
--
ALTER TABLE "ecrf_siteversion" ADD COLUMN "version_id" bigint NOT NULL CONSTRAINT "ecrf_siteversion_version_id_f53bf239_fk_ecrf_studyversion_id" REFERENCES "ecrf_studyversion"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_siteversion_version_id_f53bf239_fk_ecrf_studyversion_id" IMMEDIATE;
--
-- Add field protocol_version to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" ADD COLUMN "protocol_version_id" bigint NOT NULL;
--
-- Add field protocol_version to reconsent
--
ALTER TABLE "ecrf_reconsent" ADD COLUMN "protocol_version_id" bigint NOT NULL CONSTRAINT "ecrf_reconsent_protocol_version_id_5aeefc44_fk_ecrf_stud" REFERENCES "ecrf_studyversion"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_reconsent_protocol_version_id_5aeefc44_fk_ecrf_stud" IMMEDIATE;
--
-- Add field protocol_version to subject
--
ALTER TABLE "ecrf_subject" ADD COLUMN "protocol_version_id" bigint NULL CONSTRAINT "ecrf_subject_protocol_version_id_01025c88_fk_ecrf_stud" REFERENCES "ecrf_studyversion"("id") DEFERRABLE INITIALLY DEFERRED; SET CONSTRAINTS "ecrf_subject_protocol_version_id_01025c88_fk_ecrf_stud" IMMEDIATE;
--
-- Add field protocol_version to subjectevent
--
ALTER TABLE "ecrf_subjectevent" ADD COLUMN "protocol_version_id" bigint NULL;
--
-- Add field created_by to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" ADD COLUMN "created_by_id" integer NULL;
--
-- Add field pgh_context to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" ADD COLUMN "pgh_context_id" uuid NULL;
--
-- Add field pgh_obj to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" ADD COLUMN "pgh_obj_id" bigint NOT NULL;
--
-- Add field study to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" ADD COLUMN "study_id" bigint NOT NULL;
--
-- Create constraint study_version_number_unique_in_study on model studyversion
--
ALTER TABLE "ecrf_studyversion" ADD CONSTRAINT "study_version_number_unique_in_study" UNIQUE ("study_id", "number");
--
-- Create trigger study_version_append_only on model studyversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_study_version_append_only_5f7cc()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_study_version_append_only_5f7cc ON "ecrf_studyversion";
            CREATE  TRIGGER pgtrigger_study_version_append_only_5f7cc
                BEFORE UPDATE OR DELETE ON "ecrf_studyversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_study_version_append_only_5f7cc();

            COMMENT ON TRIGGER pgtrigger_study_version_append_only_5f7cc ON "ecrf_studyversion" IS '68090f0f08621d311f41fd72c1e39313a6c80ddc';
        
--
-- Create trigger insert_insert on model studyversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_f304a()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_studyversionevent" ("created_at", "created_by_id", "date", "declared", "id", "number", "options", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "study_id", "summary") VALUES (NEW."created_at", NEW."created_by_id", NEW."date", NEW."declared", NEW."id", NEW."number", NEW."options", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."study_id", NEW."summary"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_f304a ON "ecrf_studyversion";
            CREATE  TRIGGER pgtrigger_insert_insert_f304a
                AFTER INSERT ON "ecrf_studyversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_f304a();

            COMMENT ON TRIGGER pgtrigger_insert_insert_f304a ON "ecrf_studyversion" IS 'd9b8e07c53d7788c2a7b2fceca49e012f34116c5';
        
--
-- Create trigger update_update on model studyversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_f479a()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_studyversionevent" ("created_at", "created_by_id", "date", "declared", "id", "number", "options", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "study_id", "summary") VALUES (NEW."created_at", NEW."created_by_id", NEW."date", NEW."declared", NEW."id", NEW."number", NEW."options", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."study_id", NEW."summary"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_f479a ON "ecrf_studyversion";
            CREATE  TRIGGER pgtrigger_update_update_f479a
                AFTER UPDATE ON "ecrf_studyversion"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_f479a();

            COMMENT ON TRIGGER pgtrigger_update_update_f479a ON "ecrf_studyversion" IS 'd49bfd049d56041f3a7380c011e4bb92d2f5ecc5';
        
--
-- Create trigger delete_delete on model studyversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_12df3()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_studyversionevent" ("created_at", "created_by_id", "date", "declared", "id", "number", "options", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "study_id", "summary") VALUES (OLD."created_at", OLD."created_by_id", OLD."date", OLD."declared", OLD."id", OLD."number", OLD."options", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."study_id", OLD."summary"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_12df3 ON "ecrf_studyversion";
            CREATE  TRIGGER pgtrigger_delete_delete_12df3
                AFTER DELETE ON "ecrf_studyversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_12df3();

            COMMENT ON TRIGGER pgtrigger_delete_delete_12df3 ON "ecrf_studyversion" IS 'fe1e07850bbb9e2d5b75f3c1e46cc6c7efe384ce';
        
--
-- Create index ev_siteversion_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model siteversionevent
--
CREATE INDEX "ev_siteversion_last" ON "ecrf_siteversionevent" ("pgh_obj_id", "pgh_id" DESC) INCLUDE ("pgh_created_at", "pgh_context_id");
--
-- Create trigger append_only on model siteversionevent
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

            CREATE OR REPLACE FUNCTION pgtrigger_append_only_9583b()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_append_only_9583b ON "ecrf_siteversionevent";
            CREATE  TRIGGER pgtrigger_append_only_9583b
                BEFORE UPDATE OR DELETE ON "ecrf_siteversionevent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_append_only_9583b();

            COMMENT ON TRIGGER pgtrigger_append_only_9583b ON "ecrf_siteversionevent" IS '1714074417651e0c7493167908665a6fedab9992';
        
--
-- Create constraint site_version_one_per_day on model siteversion
--
ALTER TABLE "ecrf_siteversion" ADD CONSTRAINT "site_version_one_per_day" UNIQUE ("site_id", "in_force_from");
--
-- Create constraint site_version_signed_after_ethics_approval on model siteversion
--
ALTER TABLE "ecrf_siteversion" ADD CONSTRAINT "site_version_signed_after_ethics_approval" CHECK (("recorded_by_migration" OR ("ethics_approved_on" IS NOT NULL AND "signed_by_id" IS NOT NULL AND NOT ("printed_name" = '') AND NOT ("signature_meaning" = ''))));
--
-- Create constraint site_version_in_force_after_approval on model siteversion
--
ALTER TABLE "ecrf_siteversion" ADD CONSTRAINT "site_version_in_force_after_approval" CHECK (("ethics_approved_on" IS NULL OR "in_force_from" >= ("ethics_approved_on")));
--
-- Create trigger site_version_append_only on model siteversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_site_version_append_only_8c310()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_site_version_append_only_8c310 ON "ecrf_siteversion";
            CREATE  TRIGGER pgtrigger_site_version_append_only_8c310
                BEFORE UPDATE OR DELETE ON "ecrf_siteversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_site_version_append_only_8c310();

            COMMENT ON TRIGGER pgtrigger_site_version_append_only_8c310 ON "ecrf_siteversion" IS '6d47a3186c6e79ec97376038ede19679aced1b9f';
        
--
-- Create trigger insert_insert on model siteversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_c1f05()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_siteversionevent" ("ethics_approved_on", "id", "in_force_from", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "recorded_by_migration", "signature_meaning", "signed_at", "signed_by_id", "site_id", "version_id") VALUES (NEW."ethics_approved_on", NEW."id", NEW."in_force_from", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."printed_name", NEW."recorded_by_migration", NEW."signature_meaning", NEW."signed_at", NEW."signed_by_id", NEW."site_id", NEW."version_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_c1f05 ON "ecrf_siteversion";
            CREATE  TRIGGER pgtrigger_insert_insert_c1f05
                AFTER INSERT ON "ecrf_siteversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_c1f05();

            COMMENT ON TRIGGER pgtrigger_insert_insert_c1f05 ON "ecrf_siteversion" IS '73c71497d54873ef7482548c506075745f6b6285';
        
--
-- Create trigger update_update on model siteversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_5072d()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_siteversionevent" ("ethics_approved_on", "id", "in_force_from", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "recorded_by_migration", "signature_meaning", "signed_at", "signed_by_id", "site_id", "version_id") VALUES (NEW."ethics_approved_on", NEW."id", NEW."in_force_from", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."printed_name", NEW."recorded_by_migration", NEW."signature_meaning", NEW."signed_at", NEW."signed_by_id", NEW."site_id", NEW."version_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_5072d ON "ecrf_siteversion";
            CREATE  TRIGGER pgtrigger_update_update_5072d
                AFTER UPDATE ON "ecrf_siteversion"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_5072d();

            COMMENT ON TRIGGER pgtrigger_update_update_5072d ON "ecrf_siteversion" IS 'c2480fdbd682894ca791a503f7e69270d4075477';
        
--
-- Create trigger delete_delete on model siteversion
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_61e5b()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_siteversionevent" ("ethics_approved_on", "id", "in_force_from", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "recorded_by_migration", "signature_meaning", "signed_at", "signed_by_id", "site_id", "version_id") VALUES (OLD."ethics_approved_on", OLD."id", OLD."in_force_from", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."printed_name", OLD."recorded_by_migration", OLD."signature_meaning", OLD."signed_at", OLD."signed_by_id", OLD."site_id", OLD."version_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_61e5b ON "ecrf_siteversion";
            CREATE  TRIGGER pgtrigger_delete_delete_61e5b
                AFTER DELETE ON "ecrf_siteversion"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_61e5b();

            COMMENT ON TRIGGER pgtrigger_delete_delete_61e5b ON "ecrf_siteversion" IS '70fd35d4b485081c3363365202663c0cf27c0f27';
        
--
-- Create index ev_reconsent_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model reconsentevent
--
CREATE INDEX "ev_reconsent_last" ON "ecrf_reconsentevent" ("pgh_obj_id", "pgh_id" DESC) INCLUDE ("pgh_created_at", "pgh_context_id");
--
-- Create trigger append_only on model reconsentevent
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

            CREATE OR REPLACE FUNCTION pgtrigger_append_only_78018()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_append_only_78018 ON "ecrf_reconsentevent";
            CREATE  TRIGGER pgtrigger_append_only_78018
                BEFORE UPDATE OR DELETE ON "ecrf_reconsentevent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_append_only_78018();

            COMMENT ON TRIGGER pgtrigger_append_only_78018 ON "ecrf_reconsentevent" IS 'd556b2a1839a6336c4d402d1bb5bc588e5f4762e';
        
--
-- Create constraint reconsent_voided_has_reason on model reconsent
--
ALTER TABLE "ecrf_reconsent" ADD CONSTRAINT "reconsent_voided_has_reason" CHECK (("voided_at" IS NULL OR NOT ("void_reason" = '')));
--
-- Create trigger protect_delete on model reconsent
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

            CREATE OR REPLACE FUNCTION pgtrigger_protect_delete_dbd20()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_protect_delete_dbd20 ON "ecrf_reconsent";
            CREATE  TRIGGER pgtrigger_protect_delete_dbd20
                BEFORE DELETE ON "ecrf_reconsent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_protect_delete_dbd20();

            COMMENT ON TRIGGER pgtrigger_protect_delete_dbd20 ON "ecrf_reconsent" IS '8dc024474cfa0e7897c050e21d1ca04ccf3c20c8';
        
--
-- Create trigger refuse_when_locked on model reconsent
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

            CREATE OR REPLACE FUNCTION pgtrigger_refuse_when_locked_89832()
            RETURNS TRIGGER AS $$
                DECLARE lock_id BIGINT; lock_level VARCHAR(10);
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    
            SELECT lk."id", lk."level" INTO lock_id, lock_level
              FROM "ecrf_datalock" lk
             WHERE lk."released_at" IS NULL
               AND lk."level" IN ('frozen', 'locked')
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = NEW."subject_id"))
                   OR (lk."form_table" = '' AND lk."subject_id" = NEW."subject_id")
                   OR (lk."form_table" = 'ecrf_reconsent' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_refuse_when_locked_89832 ON "ecrf_reconsent";
            CREATE  TRIGGER pgtrigger_refuse_when_locked_89832
                BEFORE INSERT OR UPDATE ON "ecrf_reconsent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_refuse_when_locked_89832();

            COMMENT ON TRIGGER pgtrigger_refuse_when_locked_89832 ON "ecrf_reconsent" IS '69538c7a541405d620768863e6d86e5a8f2b06eb';
        
--
-- Create trigger insert_insert on model reconsent
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_0015c()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_reconsentevent" ("consent_version", "created_at", "created_by_id", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "protocol_version_id", "reconsent_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."form_status", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."protocol_version_id", NEW."reconsent_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_0015c ON "ecrf_reconsent";
            CREATE  TRIGGER pgtrigger_insert_insert_0015c
                AFTER INSERT ON "ecrf_reconsent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_0015c();

            COMMENT ON TRIGGER pgtrigger_insert_insert_0015c ON "ecrf_reconsent" IS '1343c919494f7cfba8de1abfc4ef09a3ae934f25';
        
--
-- Create trigger update_update on model reconsent
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_ee4a5()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_reconsentevent" ("consent_version", "created_at", "created_by_id", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "protocol_version_id", "reconsent_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."form_status", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."protocol_version_id", NEW."reconsent_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_ee4a5 ON "ecrf_reconsent";
            CREATE  TRIGGER pgtrigger_update_update_ee4a5
                AFTER UPDATE ON "ecrf_reconsent"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_ee4a5();

            COMMENT ON TRIGGER pgtrigger_update_update_ee4a5 ON "ecrf_reconsent" IS 'f3b710379fe625ade6c257f64c745307afbaf377';
        
--
-- Create trigger delete_delete on model reconsent
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_ca629()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_reconsentevent" ("consent_version", "created_at", "created_by_id", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "protocol_version_id", "reconsent_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."consent_version", OLD."created_at", OLD."created_by_id", OLD."form_status", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."protocol_version_id", OLD."reconsent_date", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_ca629 ON "ecrf_reconsent";
            CREATE  TRIGGER pgtrigger_delete_delete_ca629
                AFTER DELETE ON "ecrf_reconsent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_ca629();

            COMMENT ON TRIGGER pgtrigger_delete_delete_ca629 ON "ecrf_reconsent" IS '623ddc6df8a4e13c47360b8f36e45fd9cd26934b';
        
--
-- Create index ev_studyversion_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model studyversionevent
--
CREATE INDEX "ev_studyversion_last" ON "ecrf_studyversionevent" ("pgh_obj_id", "pgh_id" DESC) INCLUDE ("pgh_created_at", "pgh_context_id");
--
-- Create trigger append_only on model studyversionevent
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

            CREATE OR REPLACE FUNCTION pgtrigger_append_only_6d3c2()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_append_only_6d3c2 ON "ecrf_studyversionevent";
            CREATE  TRIGGER pgtrigger_append_only_6d3c2
                BEFORE UPDATE OR DELETE ON "ecrf_studyversionevent"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_append_only_6d3c2();

            COMMENT ON TRIGGER pgtrigger_append_only_6d3c2 ON "ecrf_studyversionevent" IS '8e1edd46cab5ddfa8886f21c4c05deda9d4832ab';
        
CREATE INDEX "ecrf_reconsent_created_by_id_8e0dfd28" ON "ecrf_reconsent" ("created_by_id");
CREATE INDEX "ecrf_reconsent_subject_id_2dcdfdcc" ON "ecrf_reconsent" ("subject_id");
CREATE INDEX "ecrf_reconsent_voided_by_id_00d00bf4" ON "ecrf_reconsent" ("voided_by_id");
CREATE INDEX "ecrf_reconsentevent_created_by_id_ee52dde0" ON "ecrf_reconsentevent" ("created_by_id");
CREATE INDEX "ecrf_reconsentevent_pgh_context_id_3cb64db3" ON "ecrf_reconsentevent" ("pgh_context_id");
CREATE INDEX "ecrf_reconsentevent_subject_id_ad941385" ON "ecrf_reconsentevent" ("subject_id");
CREATE INDEX "ecrf_reconsentevent_voided_by_id_0ade567b" ON "ecrf_reconsentevent" ("voided_by_id");
CREATE INDEX "ecrf_siteversion_signed_by_id_ce694767" ON "ecrf_siteversion" ("signed_by_id");
CREATE INDEX "ecrf_siteversion_site_id_9898ecee" ON "ecrf_siteversion" ("site_id");
CREATE INDEX "ecrf_siteversionevent_pgh_context_id_53ce76dd" ON "ecrf_siteversionevent" ("pgh_context_id");
CREATE INDEX "ecrf_siteversionevent_signed_by_id_7b9ace08" ON "ecrf_siteversionevent" ("signed_by_id");
CREATE INDEX "ecrf_siteversionevent_site_id_81ce7b99" ON "ecrf_siteversionevent" ("site_id");
CREATE INDEX "ecrf_studyversion_created_by_id_9edbaaac" ON "ecrf_studyversion" ("created_by_id");
CREATE INDEX "ecrf_studyversion_study_id_daa0fa02" ON "ecrf_studyversion" ("study_id");
CREATE INDEX "ecrf_siteversionevent_version_id_19713a8e" ON "ecrf_siteversionevent" ("version_id");
CREATE INDEX "ecrf_siteversion_version_id_f53bf239" ON "ecrf_siteversion" ("version_id");
CREATE INDEX "ecrf_reconsentevent_protocol_version_id_78d6542f" ON "ecrf_reconsentevent" ("protocol_version_id");
CREATE INDEX "ecrf_reconsent_protocol_version_id_5aeefc44" ON "ecrf_reconsent" ("protocol_version_id");
CREATE INDEX "ecrf_subject_protocol_version_id_01025c88" ON "ecrf_subject" ("protocol_version_id");
CREATE INDEX "ecrf_subjectevent_protocol_version_id_6e0d1441" ON "ecrf_subjectevent" ("protocol_version_id");
CREATE INDEX "ecrf_studyversionevent_created_by_id_8a2329ca" ON "ecrf_studyversionevent" ("created_by_id");
CREATE INDEX "ecrf_studyversionevent_pgh_context_id_556b9686" ON "ecrf_studyversionevent" ("pgh_context_id");
CREATE INDEX "ecrf_studyversionevent_study_id_ce663d43" ON "ecrf_studyversionevent" ("study_id");

-- ==== backwards: the same migrations unapplied, last first ====

-- ecrf.0031_protocol_versions unapplied
--
-- Create trigger append_only on model studyversionevent
--
DROP TRIGGER IF EXISTS pgtrigger_append_only_6d3c2 ON "ecrf_studyversionevent";
--
-- Create index ev_studyversion_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model studyversionevent
--
DROP INDEX IF EXISTS "ev_studyversion_last";
--
-- Create trigger delete_delete on model reconsent
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_ca629 ON "ecrf_reconsent";
--
-- Create trigger update_update on model reconsent
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_ee4a5 ON "ecrf_reconsent";
--
-- Create trigger insert_insert on model reconsent
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_0015c ON "ecrf_reconsent";
--
-- Create trigger refuse_when_locked on model reconsent
--
DROP TRIGGER IF EXISTS pgtrigger_refuse_when_locked_89832 ON "ecrf_reconsent";
--
-- Create trigger protect_delete on model reconsent
--
DROP TRIGGER IF EXISTS pgtrigger_protect_delete_dbd20 ON "ecrf_reconsent";
--
-- Create constraint reconsent_voided_has_reason on model reconsent
--
ALTER TABLE "ecrf_reconsent" DROP CONSTRAINT "reconsent_voided_has_reason";
--
-- Create trigger append_only on model reconsentevent
--
DROP TRIGGER IF EXISTS pgtrigger_append_only_78018 ON "ecrf_reconsentevent";
--
-- Create index ev_reconsent_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model reconsentevent
--
DROP INDEX IF EXISTS "ev_reconsent_last";
--
-- Create trigger delete_delete on model siteversion
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_61e5b ON "ecrf_siteversion";
--
-- Create trigger update_update on model siteversion
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_5072d ON "ecrf_siteversion";
--
-- Create trigger insert_insert on model siteversion
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_c1f05 ON "ecrf_siteversion";
--
-- Create trigger site_version_append_only on model siteversion
--
DROP TRIGGER IF EXISTS pgtrigger_site_version_append_only_8c310 ON "ecrf_siteversion";
--
-- Create constraint site_version_in_force_after_approval on model siteversion
--
ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "site_version_in_force_after_approval";
--
-- Create constraint site_version_signed_after_ethics_approval on model siteversion
--
ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "site_version_signed_after_ethics_approval";
--
-- Create constraint site_version_one_per_day on model siteversion
--
ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "site_version_one_per_day";
--
-- Create trigger append_only on model siteversionevent
--
DROP TRIGGER IF EXISTS pgtrigger_append_only_9583b ON "ecrf_siteversionevent";
--
-- Create index ev_siteversion_last on F(pgh_obj), OrderBy(F(pgh_id), descending=True) on model siteversionevent
--
DROP INDEX IF EXISTS "ev_siteversion_last";
--
-- Create trigger delete_delete on model studyversion
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_12df3 ON "ecrf_studyversion";
--
-- Create trigger update_update on model studyversion
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_f479a ON "ecrf_studyversion";
--
-- Create trigger insert_insert on model studyversion
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_f304a ON "ecrf_studyversion";
--
-- Create trigger study_version_append_only on model studyversion
--
DROP TRIGGER IF EXISTS pgtrigger_study_version_append_only_5f7cc ON "ecrf_studyversion";
--
-- Create constraint study_version_number_unique_in_study on model studyversion
--
ALTER TABLE "ecrf_studyversion" DROP CONSTRAINT "study_version_number_unique_in_study";
--
-- Add field study to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" DROP COLUMN "study_id" CASCADE;
--
-- Add field pgh_obj to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" DROP COLUMN "pgh_obj_id" CASCADE;
--
-- Add field pgh_context to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" DROP COLUMN "pgh_context_id" CASCADE;
--
-- Add field created_by to studyversionevent
--
ALTER TABLE "ecrf_studyversionevent" DROP COLUMN "created_by_id" CASCADE;
--
-- Add field protocol_version to subjectevent
--
ALTER TABLE "ecrf_subjectevent" DROP COLUMN "protocol_version_id" CASCADE;
--
-- Add field protocol_version to subject
--
SET CONSTRAINTS "ecrf_subject_protocol_version_id_01025c88_fk_ecrf_stud" IMMEDIATE; ALTER TABLE "ecrf_subject" DROP CONSTRAINT "ecrf_subject_protocol_version_id_01025c88_fk_ecrf_stud";
ALTER TABLE "ecrf_subject" DROP COLUMN "protocol_version_id" CASCADE;
--
-- Add field protocol_version to reconsent
--
SET CONSTRAINTS "ecrf_reconsent_protocol_version_id_5aeefc44_fk_ecrf_stud" IMMEDIATE; ALTER TABLE "ecrf_reconsent" DROP CONSTRAINT "ecrf_reconsent_protocol_version_id_5aeefc44_fk_ecrf_stud";
ALTER TABLE "ecrf_reconsent" DROP COLUMN "protocol_version_id" CASCADE;
--
-- Add field protocol_version to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "protocol_version_id" CASCADE;
--
-- Add field version to siteversion
--
SET CONSTRAINTS "ecrf_siteversion_version_id_f53bf239_fk_ecrf_studyversion_id" IMMEDIATE; ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "ecrf_siteversion_version_id_f53bf239_fk_ecrf_studyversion_id";
ALTER TABLE "ecrf_siteversion" DROP COLUMN "version_id" CASCADE;
--
-- Add field version to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" DROP COLUMN "version_id" CASCADE;
--
-- Add field study to studyversion
--
SET CONSTRAINTS "ecrf_studyversion_study_id_daa0fa02_fk_ecrf_study_id" IMMEDIATE; ALTER TABLE "ecrf_studyversion" DROP CONSTRAINT "ecrf_studyversion_study_id_daa0fa02_fk_ecrf_study_id";
ALTER TABLE "ecrf_studyversion" DROP COLUMN "study_id" CASCADE;
--
-- Add field created_by to studyversion
--
SET CONSTRAINTS "ecrf_studyversion_created_by_id_9edbaaac_fk_auth_user_id" IMMEDIATE; ALTER TABLE "ecrf_studyversion" DROP CONSTRAINT "ecrf_studyversion_created_by_id_9edbaaac_fk_auth_user_id";
ALTER TABLE "ecrf_studyversion" DROP COLUMN "created_by_id" CASCADE;
--
-- Add field site to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" DROP COLUMN "site_id" CASCADE;
--
-- Add field signed_by to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" DROP COLUMN "signed_by_id" CASCADE;
--
-- Add field pgh_obj to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" DROP COLUMN "pgh_obj_id" CASCADE;
--
-- Add field pgh_context to siteversionevent
--
ALTER TABLE "ecrf_siteversionevent" DROP COLUMN "pgh_context_id" CASCADE;
--
-- Add field site to siteversion
--
SET CONSTRAINTS "ecrf_siteversion_site_id_9898ecee_fk_ecrf_site_id" IMMEDIATE; ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "ecrf_siteversion_site_id_9898ecee_fk_ecrf_site_id";
ALTER TABLE "ecrf_siteversion" DROP COLUMN "site_id" CASCADE;
--
-- Add field signed_by to siteversion
--
SET CONSTRAINTS "ecrf_siteversion_signed_by_id_ce694767_fk_auth_user_id" IMMEDIATE; ALTER TABLE "ecrf_siteversion" DROP CONSTRAINT "ecrf_siteversion_signed_by_id_ce694767_fk_auth_user_id";
ALTER TABLE "ecrf_siteversion" DROP COLUMN "signed_by_id" CASCADE;
--
-- Add field voided_by to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "voided_by_id" CASCADE;
--
-- Add field subject to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "subject_id" CASCADE;
--
-- Add field pgh_obj to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "pgh_obj_id" CASCADE;
--
-- Add field pgh_context to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "pgh_context_id" CASCADE;
--
-- Add field created_by to reconsentevent
--
ALTER TABLE "ecrf_reconsentevent" DROP COLUMN "created_by_id" CASCADE;
--
-- Add field voided_by to reconsent
--
SET CONSTRAINTS "ecrf_reconsent_voided_by_id_00d00bf4_fk_auth_user_id" IMMEDIATE; ALTER TABLE "ecrf_reconsent" DROP CONSTRAINT "ecrf_reconsent_voided_by_id_00d00bf4_fk_auth_user_id";
ALTER TABLE "ecrf_reconsent" DROP COLUMN "voided_by_id" CASCADE;
--
-- Add field subject to reconsent
--
SET CONSTRAINTS "ecrf_reconsent_subject_id_2dcdfdcc_fk_ecrf_subject_id" IMMEDIATE; ALTER TABLE "ecrf_reconsent" DROP CONSTRAINT "ecrf_reconsent_subject_id_2dcdfdcc_fk_ecrf_subject_id";
ALTER TABLE "ecrf_reconsent" DROP COLUMN "subject_id" CASCADE;
--
-- Add field created_by to reconsent
--
SET CONSTRAINTS "ecrf_reconsent_created_by_id_8e0dfd28_fk_auth_user_id" IMMEDIATE; ALTER TABLE "ecrf_reconsent" DROP CONSTRAINT "ecrf_reconsent_created_by_id_8e0dfd28_fk_auth_user_id";
ALTER TABLE "ecrf_reconsent" DROP COLUMN "created_by_id" CASCADE;
--
-- Create trigger delete_delete on model subject
--
DROP TRIGGER IF EXISTS pgtrigger_delete_delete_06c20 ON "ecrf_subject";
--
-- Create trigger update_update on model subject
--
DROP TRIGGER IF EXISTS pgtrigger_update_update_d1e91 ON "ecrf_subject";
--
-- Create trigger insert_insert on model subject
--
DROP TRIGGER IF EXISTS pgtrigger_insert_insert_6feb4 ON "ecrf_subject";
--
-- Remove trigger delete_delete from model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_delete_delete_06c20()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (OLD."breastfeeding", OLD."childbearing_potential", OLD."consent_date", OLD."consent_version", OLD."created_at", OLD."created_by_id", OLD."date_of_birth", OLD."height_cm", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."pregnancy_test", OLD."screening_date", OLD."screening_number", OLD."sex", OLD."site_id", OLD."status", OLD."study_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id", OLD."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_delete_delete_06c20 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_delete_delete_06c20
                AFTER DELETE ON "ecrf_subject"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_delete_delete_06c20();

            COMMENT ON TRIGGER pgtrigger_delete_delete_06c20 ON "ecrf_subject" IS '984674e09ce3b08648dc634b2fc43c50861719ea';
        
--
-- Remove trigger update_update from model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_update_update_d1e91()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."breastfeeding", NEW."childbearing_potential", NEW."consent_date", NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."date_of_birth", NEW."height_cm", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."pregnancy_test", NEW."screening_date", NEW."screening_number", NEW."sex", NEW."site_id", NEW."status", NEW."study_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_update_update_d1e91 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_update_update_d1e91
                AFTER UPDATE ON "ecrf_subject"
                
                
                FOR EACH ROW WHEN (OLD.* IS DISTINCT FROM NEW.*)
                EXECUTE PROCEDURE pgtrigger_update_update_d1e91();

            COMMENT ON TRIGGER pgtrigger_update_update_d1e91 ON "ecrf_subject" IS 'b566a6cba1860a83c2b22a7fe6b46e8b238233ac';
        
--
-- Remove trigger insert_insert from model subject
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

            CREATE OR REPLACE FUNCTION pgtrigger_insert_insert_6feb4()
            RETURNS TRIGGER AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_subjectevent" ("breastfeeding", "childbearing_potential", "consent_date", "consent_version", "created_at", "created_by_id", "date_of_birth", "height_cm", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "pregnancy_test", "screening_date", "screening_number", "sex", "site_id", "status", "study_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."breastfeeding", NEW."childbearing_potential", NEW."consent_date", NEW."consent_version", NEW."created_at", NEW."created_by_id", NEW."date_of_birth", NEW."height_cm", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."pregnancy_test", NEW."screening_date", NEW."screening_number", NEW."sex", NEW."site_id", NEW."status", NEW."study_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;
                END;
            $$ LANGUAGE plpgsql;

            DROP TRIGGER IF EXISTS pgtrigger_insert_insert_6feb4 ON "ecrf_subject";
            CREATE  TRIGGER pgtrigger_insert_insert_6feb4
                AFTER INSERT ON "ecrf_subject"
                
                
                FOR EACH ROW 
                EXECUTE PROCEDURE pgtrigger_insert_insert_6feb4();

            COMMENT ON TRIGGER pgtrigger_insert_insert_6feb4 ON "ecrf_subject" IS 'd5a3a8f7a911256d9bb7dd07abd31eb35590905f';
        
--
-- Create model StudyVersionEvent
--
DROP TABLE "ecrf_studyversionevent" CASCADE;
--
-- Create model StudyVersion
--
DROP TABLE "ecrf_studyversion" CASCADE;
--
-- Create model SiteVersionEvent
--
DROP TABLE "ecrf_siteversionevent" CASCADE;
--
-- Create model SiteVersion
--
DROP TABLE "ecrf_siteversion" CASCADE;
--
-- Create model ReconsentEvent
--
DROP TABLE "ecrf_reconsentevent" CASCADE;
--
-- Create model Reconsent
--
DROP TABLE "ecrf_reconsent" CASCADE;
-- ecrf.0030_export_log_casebook_and_archive unapplied
--
-- Alter field format on exportlogevent
--
-- (no-op)
--
-- Alter field format on exportlog
--
-- (no-op)
-- ecrf.0029_arm_and_site_chinese_names unapplied
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
        
