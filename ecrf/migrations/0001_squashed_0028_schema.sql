-- ecrf's schema as migrations 0001-0028 built it: `pg_dump --schema-only --no-owner
-- --no-privileges` of a database migrated through them, less what the other apps'
-- migrations made (django.contrib, axes, pghistory). Applied by
-- 0001_squashed_0028_schema.py; tests/operations/test_squashed_migrations.py proves that
-- it builds what the chain builds. Do not edit: a change to the schema is a new migration.

-- The check that pgtrigger builds into every trigger function below ("is this trigger
-- ignored in this session?"), in the version that ignores nothing (ecrf/privileges.py,
-- which `migrate` applies again after every run). The chain's trigger installs created
-- it; a later migration's data step may fire these triggers before `migrate` ends.
CREATE OR REPLACE FUNCTION public._pgtrigger_should_ignore(trigger_name name) RETURNS boolean
    LANGUAGE sql IMMUTABLE
    AS $$
    -- ecrf/privileges.py: no session setting may skip an audit, append-only,
    -- no-delete or lock trigger (issue 17).
    SELECT FALSE
$$;

--
-- Name: pgtrigger_append_only_008cc(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_008cc() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_0e397(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_0e397() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_134a3(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_134a3() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_16cde(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_16cde() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_1d989(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_1d989() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_2f127(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_2f127() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_33624(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_33624() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_33776(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_33776() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_3d6e2(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_3d6e2() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_3e0b5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_3e0b5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_509ec(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_509ec() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_5922e(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_5922e() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_6ae13(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_6ae13() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_6eea7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_6eea7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_76abd(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_76abd() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_77f1b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_77f1b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_78c8a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_78c8a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_7d7c2(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_7d7c2() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_83aa8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_83aa8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_8bfc7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_8bfc7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_902f2(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_902f2() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_911af(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_911af() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_956c0(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_956c0() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_a163f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_a163f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_a51a2(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_a51a2() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_ae038(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_ae038() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_b6b1e(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_b6b1e() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_bbd16(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_bbd16() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_bc659(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_bc659() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_c743a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_c743a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_cd9ec(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_cd9ec() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_e0cca(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_e0cca() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_f06f8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_f06f8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_f76f7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_f76f7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_append_only_fc231(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_append_only_fc231() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_audit_context_append_only_8a713(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_audit_context_append_only_8a713() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update rows from % table', TG_TABLE_NAME;
                END;
            $$;


--
-- Name: pgtrigger_audit_context_no_delete_55a6a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_audit_context_no_delete_55a6a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_committee_decision_append_only_e6d68(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_committee_decision_append_only_e6d68() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_delete_delete_033de(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_033de() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_delete_delete_06c20(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_06c20() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_delete_delete_0ae57(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_0ae57() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_committeedecisionevent" ("additional_subjects", "arm_id", "decision", "id", "meeting_date", "mtd_minutes", "opened_arm_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "rationale", "signature_meaning", "signed_at", "signed_by_id", "study_id") VALUES (OLD."additional_subjects", OLD."arm_id", OLD."decision", OLD."id", OLD."meeting_date", OLD."mtd_minutes", OLD."opened_arm_id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."printed_name", OLD."rationale", OLD."signature_meaning", OLD."signed_at", OLD."signed_by_id", OLD."study_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_0d28d(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_0d28d() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_alertevent" ("adverse_event_id", "created_at", "deviation_id", "due_at", "email_attempts", "email_error", "emailed_at", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "read_at", "recipient_id", "subject_id", "trigger") VALUES (OLD."adverse_event_id", OLD."created_at", OLD."deviation_id", OLD."due_at", OLD."email_attempts", OLD."email_error", OLD."emailed_at", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."read_at", OLD."recipient_id", OLD."subject_id", OLD."trigger"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_1733d(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_1733d() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sourceverificationevent" ("content_type_id", "form_version", "id", "note", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "verified_at", "verified_by_id") VALUES (OLD."content_type_id", OLD."form_version", OLD."id", OLD."note", OLD."object_id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."verified_at", OLD."verified_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_24698(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_24698() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventcodingevent" ("adverse_event_id", "coded_at", "coded_by_id", "coded_text", "created_at", "created_by_id", "dictionary", "id", "llt_code", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "soc", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."adverse_event_id", OLD."coded_at", OLD."coded_by_id", OLD."coded_text", OLD."created_at", OLD."created_by_id", OLD."dictionary", OLD."id", OLD."llt_code", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."soc", OLD."term", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_2575b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_2575b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_procedureevent" ("created_at", "created_by_id", "details", "ended_on", "form_status", "id", "name", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "started_on", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."details", OLD."ended_on", OLD."form_status", OLD."id", OLD."name", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."started_on", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_2d3fd(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_2d3fd() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_eligibilityanswerevent" ("answer", "created_at", "created_by_id", "criterion_code", "criterion_text", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."answer", OLD."created_at", OLD."created_by_id", OLD."criterion_code", OLD."criterion_text", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_30142(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_30142() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_datalockevent" ("form_id", "form_table", "id", "level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "release_reason", "released_at", "released_by_id", "set_at", "set_by_id", "study_id", "subject_id") VALUES (OLD."form_id", OLD."form_table", OLD."id", OLD."level", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."reason", OLD."release_reason", OLD."released_at", OLD."released_by_id", OLD."set_at", OLD."set_by_id", OLD."study_id", OLD."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_31d2a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_31d2a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventreviewevent" ("adverse_event_id", "comment", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reviewed_at", "reviewer_id") VALUES (OLD."adverse_event_id", OLD."comment", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."reviewed_at", OLD."reviewer_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_3d0c8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_3d0c8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_vitalsignsevent" ("created_at", "created_by_id", "diastolic_bp", "form_status", "heart_rate", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "respiratory_rate", "session_id", "spo2_percent", "subject_id", "systolic_bp", "temperature_c", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."diastolic_bp", OLD."form_status", OLD."heart_rate", OLD."id", OLD."measured_at", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."respiratory_rate", OLD."session_id", OLD."spo2_percent", OLD."subject_id", OLD."systolic_bp", OLD."temperature_c", OLD."timepoint", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_3e81b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_3e81b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_screenfailureevent" ("created_at", "created_by_id", "date", "failed_criteria", "id", "other_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."date", OLD."failed_criteria", OLD."id", OLD."other_reason", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_43bf5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_43bf5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_devicecheckevent" ("comment", "created_at", "created_by_id", "criterion", "id", "passed", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."comment", OLD."created_at", OLD."created_by_id", OLD."criterion", OLD."id", OLD."passed", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."session_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_5421f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_5421f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataquerymessageevent" ("at", "author_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "query_id", "text") VALUES (OLD."at", OLD."author_id", OLD."id", OLD."kind", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."query_id", OLD."text"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_54ed3(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_54ed3() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_anticoagulationcheckevent" ("act_seconds", "aptt_seconds", "created_at", "created_by_id", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "post_filter_ica", "session_id", "systemic_ica", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."act_seconds", OLD."aptt_seconds", OLD."created_at", OLD."created_by_id", OLD."id", OLD."measured_at", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."post_filter_ica", OLD."session_id", OLD."systemic_ica", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_681ed(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_681ed() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labpanelevent" ("created_at", "created_by_id", "form_status", "id", "laboratory", "panel", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sampled_at", "session_id", "subject_id", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."form_status", OLD."id", OLD."laboratory", OLD."panel", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."sampled_at", OLD."session_id", OLD."subject_id", OLD."timepoint", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_6f258(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_6f258() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_gaterefusalevent" ("arm_id", "at", "channel", "id", "message", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rules", "subject_id", "user_id") VALUES (OLD."arm_id", OLD."at", OLD."channel", OLD."id", OLD."message", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."rules", OLD."subject_id", OLD."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_7073f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_7073f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_concomitantmedicationevent" ("category", "created_at", "created_by_id", "dose", "dose_unit", "end_date", "form_status", "frequency", "id", "indication", "name", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "route", "start_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."category", OLD."created_at", OLD."created_by_id", OLD."dose", OLD."dose_unit", OLD."end_date", OLD."form_status", OLD."frequency", OLD."id", OLD."indication", OLD."name", OLD."ongoing", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."route", OLD."start_date", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_70823(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_70823() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventevent" ("action_taken", "congenital_anomaly", "created_at", "created_by_id", "ctcae_code", "ctcae_term", "disability", "dlt", "dlt_candidate", "expected", "form_status", "grade", "hospitalisation", "id", "important_medical_event", "intervention_required", "life_threatening", "number", "ongoing", "onset_date", "onset_time", "other_specify", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "related_cells", "related_device", "related_procedure", "resolved_date", "results_in_death", "serious", "soc", "subject_id", "timing", "updated_at", "verbatim_term", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."action_taken", OLD."congenital_anomaly", OLD."created_at", OLD."created_by_id", OLD."ctcae_code", OLD."ctcae_term", OLD."disability", OLD."dlt", OLD."dlt_candidate", OLD."expected", OLD."form_status", OLD."grade", OLD."hospitalisation", OLD."id", OLD."important_medical_event", OLD."intervention_required", OLD."life_threatening", OLD."number", OLD."ongoing", OLD."onset_date", OLD."onset_time", OLD."other_specify", OLD."outcome", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."related_cells", OLD."related_device", OLD."related_procedure", OLD."resolved_date", OLD."results_in_death", OLD."serious", OLD."soc", OLD."subject_id", OLD."timing", OLD."updated_at", OLD."verbatim_term", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_7134c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_7134c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labresultevent" ("created_at", "created_by_id", "ctcae_grade", "ctcae_term", "flag", "id", "lln", "not_done_reason", "panel_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "qualitative", "sampled_at", "standard_value", "subject_id", "test_code", "uln", "unit", "updated_at", "value", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."ctcae_grade", OLD."ctcae_term", OLD."flag", OLD."id", OLD."lln", OLD."not_done_reason", OLD."panel_id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."qualitative", OLD."sampled_at", OLD."standard_value", OLD."subject_id", OLD."test_code", OLD."uln", OLD."unit", OLD."updated_at", OLD."value", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_727be(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_727be() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sessioninterruptionevent" ("circulation_stopped", "created_at", "created_by_id", "ended_at", "id", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "session_id", "started_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."circulation_stopped", OLD."created_at", OLD."created_by_id", OLD."ended_at", OLD."id", OLD."outcome", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."reason", OLD."session_id", OLD."started_at", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_75d9c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_75d9c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataqueryevent" ("automatic", "content_type_id", "field", "id", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "raised_at", "raised_by_id", "record_label", "rule", "status", "study_id", "subject_id", "text", "updated_at", "version") VALUES (OLD."automatic", OLD."content_type_id", OLD."field", OLD."id", OLD."object_id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."raised_at", OLD."raised_by_id", OLD."record_label", OLD."rule", OLD."status", OLD."study_id", OLD."subject_id", OLD."text", OLD."updated_at", OLD."version"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_78699(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_78699() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_delete_delete_7c277(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_7c277() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_signatureevent" ("content_type_id", "form_version", "id", "manifest", "meaning", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "signed_at", "signer_id", "subject_id") VALUES (OLD."content_type_id", OLD."form_version", OLD."id", OLD."manifest", OLD."meaning", OLD."object_id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."printed_name", OLD."signed_at", OLD."signer_id", OLD."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_98910(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_98910() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_enrolmentevent" ("arm_id", "created_at", "created_by_id", "enrolment_date", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_first_treatment", "reason", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."arm_id", OLD."created_at", OLD."created_by_id", OLD."enrolment_date", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."planned_first_treatment", OLD."reason", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_a20e7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_a20e7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_delete_delete_a241b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_a241b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_saereportevent" ("adverse_event_id", "awareness_at", "created_at", "created_by_id", "id", "narrative", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "regulatory_submitted_at", "report_type", "reported_to_ethics_at", "reported_to_sponsor_at", "site_report_due_at", "sponsor_awareness_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."adverse_event_id", OLD."awareness_at", OLD."created_at", OLD."created_by_id", OLD."id", OLD."narrative", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."regulatory_submitted_at", OLD."report_type", OLD."reported_to_ethics_at", OLD."reported_to_sponsor_at", OLD."site_report_due_at", OLD."sponsor_awareness_at", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_ad164(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_ad164() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverimagingevent" ("created_at", "created_by_id", "examined_on", "findings", "form_status", "id", "lesion_size_mm", "modality", "new_lesion", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "visit", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."examined_on", OLD."findings", OLD."form_status", OLD."id", OLD."lesion_size_mm", OLD."modality", OLD."new_lesion", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."visit", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_b3392(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_b3392() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_exportlogevent" ("channel", "exported_at", "exported_by_id", "format", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "row_counts", "sha256", "sites", "size_bytes", "study_id", "total_rows") VALUES (OLD."channel", OLD."exported_at", OLD."exported_by_id", OLD."format", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."row_counts", OLD."sha256", OLD."sites", OLD."size_bytes", OLD."study_id", OLD."total_rows"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_c478b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_c478b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_membershipevent" ("id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role", "site_id", "user_id") VALUES (OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."role", OLD."site_id", OLD."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_d029c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_d029c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_referencerangeevent" ("age_max", "age_min", "id", "lln", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sex", "site_id", "test_code", "uln", "valid_from", "valid_to") VALUES (OLD."age_max", OLD."age_min", OLD."id", OLD."lln", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."sex", OLD."site_id", OLD."test_code", OLD."uln", OLD."valid_from", OLD."valid_to"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_d2e74(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_d2e74() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_deviationevent" ("automatic", "category", "corrective_action", "created_at", "created_by_id", "description", "explanation", "id", "occurred_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "resolved", "rule", "session_id", "severity", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."automatic", OLD."category", OLD."corrective_action", OLD."created_at", OLD."created_by_id", OLD."description", OLD."explanation", OLD."id", OLD."occurred_on", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."resolved", OLD."rule", OLD."session_id", OLD."severity", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_e1509(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_e1509() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_medicalhistoryevent" ("allergen", "category", "created_at", "created_by_id", "end", "form_status", "id", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "start", "subject_id", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."allergen", OLD."category", OLD."created_at", OLD."created_by_id", OLD."end", OLD."form_status", OLD."id", OLD."ongoing", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."start", OLD."subject_id", OLD."term", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_e9474(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_e9474() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dispositionevent" ("cause_of_death", "created_at", "created_by_id", "death_date", "disposition_date", "form_status", "id", "last_known_alive", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "status", "subject_id", "survival_status_fs28", "transplant_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."cause_of_death", OLD."created_at", OLD."created_by_id", OLD."death_date", OLD."disposition_date", OLD."form_status", OLD."id", OLD."last_known_alive", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."status", OLD."subject_id", OLD."survival_status_fs28", OLD."transplant_date", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_delete_delete_f61c7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_delete_delete_f61c7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_clinicalstatusevent" ("ascites", "assessed_on", "created_at", "created_by_id", "dialysed_twice_last_week", "encephalopathy_grade", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."ascites", OLD."assessed_on", OLD."created_at", OLD."created_by_id", OLD."dialysed_twice_last_week", OLD."encephalopathy_grade", OLD."form_status", OLD."id", _pgh_attach_context(), NOW(), 'delete', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_export_log_append_only_b8a7e(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_export_log_append_only_b8a7e() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_gate_refusal_append_only_d6176(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_gate_refusal_append_only_d6176() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_insert_insert_02886(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_02886() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventcodingevent" ("adverse_event_id", "coded_at", "coded_by_id", "coded_text", "created_at", "created_by_id", "dictionary", "id", "llt_code", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "soc", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."adverse_event_id", NEW."coded_at", NEW."coded_by_id", NEW."coded_text", NEW."created_at", NEW."created_by_id", NEW."dictionary", NEW."id", NEW."llt_code", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."soc", NEW."term", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_0ff1c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_0ff1c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_anticoagulationcheckevent" ("act_seconds", "aptt_seconds", "created_at", "created_by_id", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "post_filter_ica", "session_id", "systemic_ica", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."act_seconds", NEW."aptt_seconds", NEW."created_at", NEW."created_by_id", NEW."id", NEW."measured_at", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."post_filter_ica", NEW."session_id", NEW."systemic_ica", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_258df(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_258df() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sourceverificationevent" ("content_type_id", "form_version", "id", "note", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "verified_at", "verified_by_id") VALUES (NEW."content_type_id", NEW."form_version", NEW."id", NEW."note", NEW."object_id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."verified_at", NEW."verified_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_29a67(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_29a67() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverimagingevent" ("created_at", "created_by_id", "examined_on", "findings", "form_status", "id", "lesion_size_mm", "modality", "new_lesion", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "visit", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."examined_on", NEW."findings", NEW."form_status", NEW."id", NEW."lesion_size_mm", NEW."modality", NEW."new_lesion", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."visit", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_31873(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_31873() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventevent" ("action_taken", "congenital_anomaly", "created_at", "created_by_id", "ctcae_code", "ctcae_term", "disability", "dlt", "dlt_candidate", "expected", "form_status", "grade", "hospitalisation", "id", "important_medical_event", "intervention_required", "life_threatening", "number", "ongoing", "onset_date", "onset_time", "other_specify", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "related_cells", "related_device", "related_procedure", "resolved_date", "results_in_death", "serious", "soc", "subject_id", "timing", "updated_at", "verbatim_term", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."action_taken", NEW."congenital_anomaly", NEW."created_at", NEW."created_by_id", NEW."ctcae_code", NEW."ctcae_term", NEW."disability", NEW."dlt", NEW."dlt_candidate", NEW."expected", NEW."form_status", NEW."grade", NEW."hospitalisation", NEW."id", NEW."important_medical_event", NEW."intervention_required", NEW."life_threatening", NEW."number", NEW."ongoing", NEW."onset_date", NEW."onset_time", NEW."other_specify", NEW."outcome", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."related_cells", NEW."related_device", NEW."related_procedure", NEW."resolved_date", NEW."results_in_death", NEW."serious", NEW."soc", NEW."subject_id", NEW."timing", NEW."updated_at", NEW."verbatim_term", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_35809(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_35809() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_gaterefusalevent" ("arm_id", "at", "channel", "id", "message", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rules", "subject_id", "user_id") VALUES (NEW."arm_id", NEW."at", NEW."channel", NEW."id", NEW."message", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."rules", NEW."subject_id", NEW."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_48d99(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_48d99() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dispositionevent" ("cause_of_death", "created_at", "created_by_id", "death_date", "disposition_date", "form_status", "id", "last_known_alive", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "status", "subject_id", "survival_status_fs28", "transplant_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."cause_of_death", NEW."created_at", NEW."created_by_id", NEW."death_date", NEW."disposition_date", NEW."form_status", NEW."id", NEW."last_known_alive", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."status", NEW."subject_id", NEW."survival_status_fs28", NEW."transplant_date", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_4c43a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_4c43a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labresultevent" ("created_at", "created_by_id", "ctcae_grade", "ctcae_term", "flag", "id", "lln", "not_done_reason", "panel_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "qualitative", "sampled_at", "standard_value", "subject_id", "test_code", "uln", "unit", "updated_at", "value", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."ctcae_grade", NEW."ctcae_term", NEW."flag", NEW."id", NEW."lln", NEW."not_done_reason", NEW."panel_id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."qualitative", NEW."sampled_at", NEW."standard_value", NEW."subject_id", NEW."test_code", NEW."uln", NEW."unit", NEW."updated_at", NEW."value", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_4dcbf(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_4dcbf() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_alertevent" ("adverse_event_id", "created_at", "deviation_id", "due_at", "email_attempts", "email_error", "emailed_at", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "read_at", "recipient_id", "subject_id", "trigger") VALUES (NEW."adverse_event_id", NEW."created_at", NEW."deviation_id", NEW."due_at", NEW."email_attempts", NEW."email_error", NEW."emailed_at", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."read_at", NEW."recipient_id", NEW."subject_id", NEW."trigger"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_4ef62(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_4ef62() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sessioninterruptionevent" ("circulation_stopped", "created_at", "created_by_id", "ended_at", "id", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "session_id", "started_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."circulation_stopped", NEW."created_at", NEW."created_by_id", NEW."ended_at", NEW."id", NEW."outcome", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."reason", NEW."session_id", NEW."started_at", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_5c122(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_5c122() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_screenfailureevent" ("created_at", "created_by_id", "date", "failed_criteria", "id", "other_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."date", NEW."failed_criteria", NEW."id", NEW."other_reason", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_5c18e(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_5c18e() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_exportlogevent" ("channel", "exported_at", "exported_by_id", "format", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "row_counts", "sha256", "sites", "size_bytes", "study_id", "total_rows") VALUES (NEW."channel", NEW."exported_at", NEW."exported_by_id", NEW."format", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."row_counts", NEW."sha256", NEW."sites", NEW."size_bytes", NEW."study_id", NEW."total_rows"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_5c9d0(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_5c9d0() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_enrolmentevent" ("arm_id", "created_at", "created_by_id", "enrolment_date", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_first_treatment", "reason", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."arm_id", NEW."created_at", NEW."created_by_id", NEW."enrolment_date", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."planned_first_treatment", NEW."reason", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_60629(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_60629() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_concomitantmedicationevent" ("category", "created_at", "created_by_id", "dose", "dose_unit", "end_date", "form_status", "frequency", "id", "indication", "name", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "route", "start_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."category", NEW."created_at", NEW."created_by_id", NEW."dose", NEW."dose_unit", NEW."end_date", NEW."form_status", NEW."frequency", NEW."id", NEW."indication", NEW."name", NEW."ongoing", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."route", NEW."start_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_60d6c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_60d6c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_saereportevent" ("adverse_event_id", "awareness_at", "created_at", "created_by_id", "id", "narrative", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "regulatory_submitted_at", "report_type", "reported_to_ethics_at", "reported_to_sponsor_at", "site_report_due_at", "sponsor_awareness_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."adverse_event_id", NEW."awareness_at", NEW."created_at", NEW."created_by_id", NEW."id", NEW."narrative", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."regulatory_submitted_at", NEW."report_type", NEW."reported_to_ethics_at", NEW."reported_to_sponsor_at", NEW."site_report_due_at", NEW."sponsor_awareness_at", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_633f7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_633f7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_referencerangeevent" ("age_max", "age_min", "id", "lln", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sex", "site_id", "test_code", "uln", "valid_from", "valid_to") VALUES (NEW."age_max", NEW."age_min", NEW."id", NEW."lln", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."sex", NEW."site_id", NEW."test_code", NEW."uln", NEW."valid_from", NEW."valid_to"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_64b1c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_64b1c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_membershipevent" ("id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role", "site_id", "user_id") VALUES (NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."role", NEW."site_id", NEW."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_6feb4(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_6feb4() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_insert_insert_70e46(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_70e46() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_insert_insert_7d9bb(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_7d9bb() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labpanelevent" ("created_at", "created_by_id", "form_status", "id", "laboratory", "panel", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sampled_at", "session_id", "subject_id", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."form_status", NEW."id", NEW."laboratory", NEW."panel", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."sampled_at", NEW."session_id", NEW."subject_id", NEW."timepoint", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_834fd(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_834fd() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_medicalhistoryevent" ("allergen", "category", "created_at", "created_by_id", "end", "form_status", "id", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "start", "subject_id", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."allergen", NEW."category", NEW."created_at", NEW."created_by_id", NEW."end", NEW."form_status", NEW."id", NEW."ongoing", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."start", NEW."subject_id", NEW."term", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_849c1(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_849c1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_insert_insert_868f1(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_868f1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_datalockevent" ("form_id", "form_table", "id", "level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "release_reason", "released_at", "released_by_id", "set_at", "set_by_id", "study_id", "subject_id") VALUES (NEW."form_id", NEW."form_table", NEW."id", NEW."level", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."reason", NEW."release_reason", NEW."released_at", NEW."released_by_id", NEW."set_at", NEW."set_by_id", NEW."study_id", NEW."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_8d07a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_8d07a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_vitalsignsevent" ("created_at", "created_by_id", "diastolic_bp", "form_status", "heart_rate", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "respiratory_rate", "session_id", "spo2_percent", "subject_id", "systolic_bp", "temperature_c", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."diastolic_bp", NEW."form_status", NEW."heart_rate", NEW."id", NEW."measured_at", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."respiratory_rate", NEW."session_id", NEW."spo2_percent", NEW."subject_id", NEW."systolic_bp", NEW."temperature_c", NEW."timepoint", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_95e29(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_95e29() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_procedureevent" ("created_at", "created_by_id", "details", "ended_on", "form_status", "id", "name", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "started_on", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."details", NEW."ended_on", NEW."form_status", NEW."id", NEW."name", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."started_on", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_ab3a7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_ab3a7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventreviewevent" ("adverse_event_id", "comment", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reviewed_at", "reviewer_id") VALUES (NEW."adverse_event_id", NEW."comment", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."reviewed_at", NEW."reviewer_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_ab6eb(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_ab6eb() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_insert_insert_aee22(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_aee22() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_clinicalstatusevent" ("ascites", "assessed_on", "created_at", "created_by_id", "dialysed_twice_last_week", "encephalopathy_grade", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."ascites", NEW."assessed_on", NEW."created_at", NEW."created_by_id", NEW."dialysed_twice_last_week", NEW."encephalopathy_grade", NEW."form_status", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_c1c0c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_c1c0c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_devicecheckevent" ("comment", "created_at", "created_by_id", "criterion", "id", "passed", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."comment", NEW."created_at", NEW."created_by_id", NEW."criterion", NEW."id", NEW."passed", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_c32d5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_c32d5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_committeedecisionevent" ("additional_subjects", "arm_id", "decision", "id", "meeting_date", "mtd_minutes", "opened_arm_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "rationale", "signature_meaning", "signed_at", "signed_by_id", "study_id") VALUES (NEW."additional_subjects", NEW."arm_id", NEW."decision", NEW."id", NEW."meeting_date", NEW."mtd_minutes", NEW."opened_arm_id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."printed_name", NEW."rationale", NEW."signature_meaning", NEW."signed_at", NEW."signed_by_id", NEW."study_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_c919b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_c919b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataquerymessageevent" ("at", "author_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "query_id", "text") VALUES (NEW."at", NEW."author_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."query_id", NEW."text"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_c96b3(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_c96b3() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataqueryevent" ("automatic", "content_type_id", "field", "id", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "raised_at", "raised_by_id", "record_label", "rule", "status", "study_id", "subject_id", "text", "updated_at", "version") VALUES (NEW."automatic", NEW."content_type_id", NEW."field", NEW."id", NEW."object_id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."raised_at", NEW."raised_by_id", NEW."record_label", NEW."rule", NEW."status", NEW."study_id", NEW."subject_id", NEW."text", NEW."updated_at", NEW."version"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_d021e(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_d021e() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_eligibilityanswerevent" ("answer", "created_at", "created_by_id", "criterion_code", "criterion_text", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."answer", NEW."created_at", NEW."created_by_id", NEW."criterion_code", NEW."criterion_text", NEW."id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_e3fd7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_e3fd7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_signatureevent" ("content_type_id", "form_version", "id", "manifest", "meaning", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "signed_at", "signer_id", "subject_id") VALUES (NEW."content_type_id", NEW."form_version", NEW."id", NEW."manifest", NEW."meaning", NEW."object_id", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."printed_name", NEW."signed_at", NEW."signer_id", NEW."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_insert_insert_f31a8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_insert_insert_f31a8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_deviationevent" ("automatic", "category", "corrective_action", "created_at", "created_by_id", "description", "explanation", "id", "occurred_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "resolved", "rule", "session_id", "severity", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."automatic", NEW."category", NEW."corrective_action", NEW."created_at", NEW."created_by_id", NEW."description", NEW."explanation", NEW."id", NEW."occurred_on", _pgh_attach_context(), NOW(), 'insert', NEW."id", NEW."resolved", NEW."rule", NEW."session_id", NEW."severity", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_login_event_append_only_4108c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_login_event_append_only_4108c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_password_history_append_only_ee3ff(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_password_history_append_only_ee3ff() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    RAISE EXCEPTION 'pgtrigger: Cannot update rows from % table', TG_TABLE_NAME;
                END;
            $$;


--
-- Name: pgtrigger_protect_delete_20774(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_20774() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_28a20(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_28a20() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_3d2af(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_3d2af() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_41eb5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_41eb5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_4523b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_4523b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_490e5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_490e5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_4a1c6(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_4a1c6() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_539c0(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_539c0() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_55f6c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_55f6c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_633dc(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_633dc() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_641eb(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_641eb() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_8303b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_8303b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_83bab(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_83bab() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_a2ffe(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_a2ffe() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_a74ea(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_a74ea() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_b3dfc(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_b3dfc() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_b676d(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_b676d() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_c3183(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_c3183() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_d252a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_d252a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_d93e1(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_d93e1() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_f4dc6(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_f4dc6() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_f95f5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_f95f5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_protect_delete_ff665(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_protect_delete_ff665() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_refuse_when_locked_07aef(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_07aef() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_adverseevent" WHERE "id" = NEW."adverse_event_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_adverseevent" WHERE "id" = NEW."adverse_event_id"))
                   OR (lk."form_table" = 'ecrf_saereport' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_adverseevent' AND lk."form_id" = NEW."adverse_event_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_0c9bd(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_0c9bd() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id"))
                   OR (lk."form_table" = 'ecrf_anticoagulationcheck' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_treatmentsession' AND lk."form_id" = NEW."session_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_21ed0(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_21ed0() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_medicalhistory' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_2373b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_2373b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_eligibilityanswer' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_289c3(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_289c3() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_adverseevent' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_36a5a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_36a5a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND lk."level" IN ('locked')
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = NEW."study_id")
                   OR (lk."form_table" = '' AND lk."subject_id" = NEW."subject_id")
                   OR (lk."form_table" = 'ecrf_dataquery' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = (SELECT "app_label" || '_' || "model" FROM "django_content_type" WHERE "id" = NEW."content_type_id") AND lk."form_id" = NEW."object_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_3c845(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_3c845() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_vitalsigns' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_treatmentsession' AND lk."form_id" = NEW."session_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_3f742(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_3f742() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND lk."level" IN ('locked')
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = NEW."subject_id"))
                   OR (lk."form_table" = '' AND lk."subject_id" = NEW."subject_id")
                   OR (lk."form_table" = 'ecrf_signature' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = (SELECT "app_label" || '_' || "model" FROM "django_content_type" WHERE "id" = NEW."content_type_id") AND lk."form_id" = NEW."object_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_4027f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_4027f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id"))
                   OR (lk."form_table" = 'ecrf_sessioninterruption' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_treatmentsession' AND lk."form_id" = NEW."session_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_5af8d(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_5af8d() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_enrolment' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_60036(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_60036() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = NEW."study_id")
                   OR (lk."form_table" = '' AND lk."subject_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_subject' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_65aba(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_65aba() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_concomitantmedication' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_6cb89(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_6cb89() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_procedure' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_896ac(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_896ac() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_treatmentsession' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_8f0bb(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_8f0bb() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_disposition' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_944e5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_944e5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_liverimaging' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_a0d31(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_a0d31() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_liverfailurediagnosis' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_a5499(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_a5499() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_labresult' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_labpanel' AND lk."form_id" = NEW."panel_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_aeee6(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_aeee6() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_deviation' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_c41f7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_c41f7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_labpanel' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_d6c5f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_d6c5f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND lk."level" IN ('locked')
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = NEW."subject_id"))
                   OR (lk."form_table" = '' AND lk."subject_id" = NEW."subject_id")
                   OR (lk."form_table" = 'ecrf_sourceverification' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = (SELECT "app_label" || '_' || "model" FROM "django_content_type" WHERE "id" = NEW."content_type_id") AND lk."form_id" = NEW."object_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_e41b9(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_e41b9() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_screenfailure' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_eadf5(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_eadf5() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND lk."level" IN ('locked')
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_dataquery" WHERE "id" = NEW."query_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_dataquery" WHERE "id" = NEW."query_id"))
                   OR (lk."form_table" = 'ecrf_dataquerymessage' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_dataquery' AND lk."form_id" = NEW."query_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_eb72b(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_eb72b() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
                   OR (lk."form_table" = 'ecrf_clinicalstatus' AND lk."form_id" = NEW."id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_f334a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_f334a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id"))
                   OR (lk."form_table" = 'ecrf_devicecheck' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_treatmentsession' AND lk."form_id" = NEW."session_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_refuse_when_locked_fc5ae(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_refuse_when_locked_fc5ae() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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
               AND ((lk."form_table" = '' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_adverseevent" WHERE "id" = NEW."adverse_event_id")))
                   OR (lk."form_table" = '' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_adverseevent" WHERE "id" = NEW."adverse_event_id"))
                   OR (lk."form_table" = 'ecrf_adverseeventcoding' AND lk."form_id" = NEW."id")
                   OR (lk."form_table" = 'ecrf_adverseevent' AND lk."form_id" = NEW."adverse_event_id"))
             ORDER BY lk."level" = 'locked' DESC
             LIMIT 1;
            IF FOUND THEN
                RAISE EXCEPTION 'ecrf: % is % (data lock %)', TG_TABLE_NAME, lock_level, lock_id
                    USING ERRCODE = 'EL423', DETAIL = lock_level || ':' || lock_id;
            END IF;
            RETURN NEW;
        
                END;
            $$;


--
-- Name: pgtrigger_sdv_append_only_37732(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_sdv_append_only_37732() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_signature_append_only_afed4(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_signature_append_only_afed4() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_update_update_03236(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_03236() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_procedureevent" ("created_at", "created_by_id", "details", "ended_on", "form_status", "id", "name", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "started_on", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."details", NEW."ended_on", NEW."form_status", NEW."id", NEW."name", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."started_on", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_0c070(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_0c070() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sourceverificationevent" ("content_type_id", "form_version", "id", "note", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "verified_at", "verified_by_id") VALUES (NEW."content_type_id", NEW."form_version", NEW."id", NEW."note", NEW."object_id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."verified_at", NEW."verified_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_104ba(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_104ba() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_exportlogevent" ("channel", "exported_at", "exported_by_id", "format", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "row_counts", "sha256", "sites", "size_bytes", "study_id", "total_rows") VALUES (NEW."channel", NEW."exported_at", NEW."exported_by_id", NEW."format", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."row_counts", NEW."sha256", NEW."sites", NEW."size_bytes", NEW."study_id", NEW."total_rows"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_135af(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_135af() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventevent" ("action_taken", "congenital_anomaly", "created_at", "created_by_id", "ctcae_code", "ctcae_term", "disability", "dlt", "dlt_candidate", "expected", "form_status", "grade", "hospitalisation", "id", "important_medical_event", "intervention_required", "life_threatening", "number", "ongoing", "onset_date", "onset_time", "other_specify", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "related_cells", "related_device", "related_procedure", "resolved_date", "results_in_death", "serious", "soc", "subject_id", "timing", "updated_at", "verbatim_term", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."action_taken", NEW."congenital_anomaly", NEW."created_at", NEW."created_by_id", NEW."ctcae_code", NEW."ctcae_term", NEW."disability", NEW."dlt", NEW."dlt_candidate", NEW."expected", NEW."form_status", NEW."grade", NEW."hospitalisation", NEW."id", NEW."important_medical_event", NEW."intervention_required", NEW."life_threatening", NEW."number", NEW."ongoing", NEW."onset_date", NEW."onset_time", NEW."other_specify", NEW."outcome", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."related_cells", NEW."related_device", NEW."related_procedure", NEW."resolved_date", NEW."results_in_death", NEW."serious", NEW."soc", NEW."subject_id", NEW."timing", NEW."updated_at", NEW."verbatim_term", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_14bc7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_14bc7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_liverimagingevent" ("created_at", "created_by_id", "examined_on", "findings", "form_status", "id", "lesion_size_mm", "modality", "new_lesion", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "visit", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."examined_on", NEW."findings", NEW."form_status", NEW."id", NEW."lesion_size_mm", NEW."modality", NEW."new_lesion", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."visit", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_1ceff(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_1ceff() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_gaterefusalevent" ("arm_id", "at", "channel", "id", "message", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "rules", "subject_id", "user_id") VALUES (NEW."arm_id", NEW."at", NEW."channel", NEW."id", NEW."message", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."rules", NEW."subject_id", NEW."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_20fb7(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_20fb7() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventreviewevent" ("adverse_event_id", "comment", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reviewed_at", "reviewer_id") VALUES (NEW."adverse_event_id", NEW."comment", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."reviewed_at", NEW."reviewer_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_22a73(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_22a73() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_anticoagulationcheckevent" ("act_seconds", "aptt_seconds", "created_at", "created_by_id", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "post_filter_ica", "session_id", "systemic_ica", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."act_seconds", NEW."aptt_seconds", NEW."created_at", NEW."created_by_id", NEW."id", NEW."measured_at", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."post_filter_ica", NEW."session_id", NEW."systemic_ica", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_355ab(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_355ab() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_alertevent" ("adverse_event_id", "created_at", "deviation_id", "due_at", "email_attempts", "email_error", "emailed_at", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "read_at", "recipient_id", "subject_id", "trigger") VALUES (NEW."adverse_event_id", NEW."created_at", NEW."deviation_id", NEW."due_at", NEW."email_attempts", NEW."email_error", NEW."emailed_at", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."read_at", NEW."recipient_id", NEW."subject_id", NEW."trigger"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_435fa(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_435fa() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_datalockevent" ("form_id", "form_table", "id", "level", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "release_reason", "released_at", "released_by_id", "set_at", "set_by_id", "study_id", "subject_id") VALUES (NEW."form_id", NEW."form_table", NEW."id", NEW."level", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."reason", NEW."release_reason", NEW."released_at", NEW."released_by_id", NEW."set_at", NEW."set_by_id", NEW."study_id", NEW."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_51f2a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_51f2a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_deviationevent" ("automatic", "category", "corrective_action", "created_at", "created_by_id", "description", "explanation", "id", "occurred_on", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "resolved", "rule", "session_id", "severity", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."automatic", NEW."category", NEW."corrective_action", NEW."created_at", NEW."created_by_id", NEW."description", NEW."explanation", NEW."id", NEW."occurred_on", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."resolved", NEW."rule", NEW."session_id", NEW."severity", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_53408(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_53408() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_vitalsignsevent" ("created_at", "created_by_id", "diastolic_bp", "form_status", "heart_rate", "id", "measured_at", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "respiratory_rate", "session_id", "spo2_percent", "subject_id", "systolic_bp", "temperature_c", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."diastolic_bp", NEW."form_status", NEW."heart_rate", NEW."id", NEW."measured_at", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."respiratory_rate", NEW."session_id", NEW."spo2_percent", NEW."subject_id", NEW."systolic_bp", NEW."temperature_c", NEW."timepoint", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_59790(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_59790() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_update_update_5b4d0(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_5b4d0() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_update_update_5e42c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_5e42c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataqueryevent" ("automatic", "content_type_id", "field", "id", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "raised_at", "raised_by_id", "record_label", "rule", "status", "study_id", "subject_id", "text", "updated_at", "version") VALUES (NEW."automatic", NEW."content_type_id", NEW."field", NEW."id", NEW."object_id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."raised_at", NEW."raised_by_id", NEW."record_label", NEW."rule", NEW."status", NEW."study_id", NEW."subject_id", NEW."text", NEW."updated_at", NEW."version"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_64371(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_64371() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_enrolmentevent" ("arm_id", "created_at", "created_by_id", "enrolment_date", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_first_treatment", "reason", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."arm_id", NEW."created_at", NEW."created_by_id", NEW."enrolment_date", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."planned_first_treatment", NEW."reason", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_68c0c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_68c0c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_committeedecisionevent" ("additional_subjects", "arm_id", "decision", "id", "meeting_date", "mtd_minutes", "opened_arm_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "rationale", "signature_meaning", "signed_at", "signed_by_id", "study_id") VALUES (NEW."additional_subjects", NEW."arm_id", NEW."decision", NEW."id", NEW."meeting_date", NEW."mtd_minutes", NEW."opened_arm_id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."printed_name", NEW."rationale", NEW."signature_meaning", NEW."signed_at", NEW."signed_by_id", NEW."study_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_6e22d(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_6e22d() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labresultevent" ("created_at", "created_by_id", "ctcae_grade", "ctcae_term", "flag", "id", "lln", "not_done_reason", "panel_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "qualitative", "sampled_at", "standard_value", "subject_id", "test_code", "uln", "unit", "updated_at", "value", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."ctcae_grade", NEW."ctcae_term", NEW."flag", NEW."id", NEW."lln", NEW."not_done_reason", NEW."panel_id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."qualitative", NEW."sampled_at", NEW."standard_value", NEW."subject_id", NEW."test_code", NEW."uln", NEW."unit", NEW."updated_at", NEW."value", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_7a99f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_7a99f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_saereportevent" ("adverse_event_id", "awareness_at", "created_at", "created_by_id", "id", "narrative", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "regulatory_submitted_at", "report_type", "reported_to_ethics_at", "reported_to_sponsor_at", "site_report_due_at", "sponsor_awareness_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."adverse_event_id", NEW."awareness_at", NEW."created_at", NEW."created_by_id", NEW."id", NEW."narrative", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."regulatory_submitted_at", NEW."report_type", NEW."reported_to_ethics_at", NEW."reported_to_sponsor_at", NEW."site_report_due_at", NEW."sponsor_awareness_at", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_84c6a(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_84c6a() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_eligibilityanswerevent" ("answer", "created_at", "created_by_id", "criterion_code", "criterion_text", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."answer", NEW."created_at", NEW."created_by_id", NEW."criterion_code", NEW."criterion_text", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_904b6(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_904b6() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_update_update_99326(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_99326() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_sessioninterruptionevent" ("circulation_stopped", "created_at", "created_by_id", "ended_at", "id", "outcome", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "reason", "session_id", "started_at", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."circulation_stopped", NEW."created_at", NEW."created_by_id", NEW."ended_at", NEW."id", NEW."outcome", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."reason", NEW."session_id", NEW."started_at", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_9c166(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_9c166() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dispositionevent" ("cause_of_death", "created_at", "created_by_id", "death_date", "disposition_date", "form_status", "id", "last_known_alive", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "status", "subject_id", "survival_status_fs28", "transplant_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."cause_of_death", NEW."created_at", NEW."created_by_id", NEW."death_date", NEW."disposition_date", NEW."form_status", NEW."id", NEW."last_known_alive", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."status", NEW."subject_id", NEW."survival_status_fs28", NEW."transplant_date", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_9cb82(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_9cb82() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_dataquerymessageevent" ("at", "author_id", "id", "kind", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "query_id", "text") VALUES (NEW."at", NEW."author_id", NEW."id", NEW."kind", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."query_id", NEW."text"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_9ffda(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_9ffda() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_concomitantmedicationevent" ("category", "created_at", "created_by_id", "dose", "dose_unit", "end_date", "form_status", "frequency", "id", "indication", "name", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "route", "start_date", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."category", NEW."created_at", NEW."created_by_id", NEW."dose", NEW."dose_unit", NEW."end_date", NEW."form_status", NEW."frequency", NEW."id", NEW."indication", NEW."name", NEW."ongoing", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."route", NEW."start_date", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_a11d8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_a11d8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_screenfailureevent" ("created_at", "created_by_id", "date", "failed_criteria", "id", "other_reason", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."date", NEW."failed_criteria", NEW."id", NEW."other_reason", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_a8d17(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_a8d17() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_devicecheckevent" ("comment", "created_at", "created_by_id", "criterion", "id", "passed", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."comment", NEW."created_at", NEW."created_by_id", NEW."criterion", NEW."id", NEW."passed", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_ac3c8(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_ac3c8() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_membershipevent" ("id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "role", "site_id", "user_id") VALUES (NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."role", NEW."site_id", NEW."user_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_b840f(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_b840f() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_medicalhistoryevent" ("allergen", "category", "created_at", "created_by_id", "end", "form_status", "id", "ongoing", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "start", "subject_id", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."allergen", NEW."category", NEW."created_at", NEW."created_by_id", NEW."end", NEW."form_status", NEW."id", NEW."ongoing", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."start", NEW."subject_id", NEW."term", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_c7b20(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_c7b20() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_adverseeventcodingevent" ("adverse_event_id", "coded_at", "coded_by_id", "coded_text", "created_at", "created_by_id", "dictionary", "id", "llt_code", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "soc", "term", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."adverse_event_id", NEW."coded_at", NEW."coded_by_id", NEW."coded_text", NEW."created_at", NEW."created_by_id", NEW."dictionary", NEW."id", NEW."llt_code", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."soc", NEW."term", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_ccca4(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_ccca4() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_labpanelevent" ("created_at", "created_by_id", "form_status", "id", "laboratory", "panel", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sampled_at", "session_id", "subject_id", "timepoint", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."form_status", NEW."id", NEW."laboratory", NEW."panel", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."sampled_at", NEW."session_id", NEW."subject_id", NEW."timepoint", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_cf121(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_cf121() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_clinicalstatusevent" ("ascites", "assessed_on", "created_at", "created_by_id", "dialysed_twice_last_week", "encephalopathy_grade", "form_status", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."ascites", NEW."assessed_on", NEW."created_at", NEW."created_by_id", NEW."dialysed_twice_last_week", NEW."encephalopathy_grade", NEW."form_status", NEW."id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_d1e91(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_d1e91() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
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
            $$;


--
-- Name: pgtrigger_update_update_e2dec(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_e2dec() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_signatureevent" ("content_type_id", "form_version", "id", "manifest", "meaning", "object_id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "printed_name", "signed_at", "signer_id", "subject_id") VALUES (NEW."content_type_id", NEW."form_version", NEW."id", NEW."manifest", NEW."meaning", NEW."object_id", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."printed_name", NEW."signed_at", NEW."signer_id", NEW."subject_id"); RETURN NULL;
                END;
            $$;


--
-- Name: pgtrigger_update_update_e4b9c(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.pgtrigger_update_update_e4b9c() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
                
                BEGIN
                    IF ("public"._pgtrigger_should_ignore(TG_NAME) IS TRUE) THEN
                        IF (TG_OP = 'DELETE') THEN
                            RETURN OLD;
                        ELSE
                            RETURN NEW;
                        END IF;
                    END IF;
                    INSERT INTO "ecrf_referencerangeevent" ("age_max", "age_min", "id", "lln", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sex", "site_id", "test_code", "uln", "valid_from", "valid_to") VALUES (NEW."age_max", NEW."age_min", NEW."id", NEW."lln", _pgh_attach_context(), NOW(), 'update', NEW."id", NEW."sex", NEW."site_id", NEW."test_code", NEW."uln", NEW."valid_from", NEW."valid_to"); RETURN NULL;
                END;
            $$;




--
-- Name: ecrf_accountpreference; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_accountpreference (
    user_id integer NOT NULL,
    language character varying(10) NOT NULL,
    changed_at timestamp with time zone NOT NULL
);


--
-- Name: ecrf_adverseevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseevent (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    number smallint NOT NULL,
    verbatim_term character varying(200) NOT NULL,
    ctcae_code character varying(10) NOT NULL,
    ctcae_term character varying(120) NOT NULL,
    soc character varying(120) NOT NULL,
    other_specify character varying(200) NOT NULL,
    grade smallint NOT NULL,
    onset_date date NOT NULL,
    onset_time time without time zone,
    resolved_date date,
    ongoing boolean NOT NULL,
    timing character varying(20) NOT NULL,
    serious boolean NOT NULL,
    results_in_death boolean NOT NULL,
    life_threatening boolean NOT NULL,
    hospitalisation boolean NOT NULL,
    disability boolean NOT NULL,
    congenital_anomaly boolean NOT NULL,
    important_medical_event boolean NOT NULL,
    intervention_required boolean NOT NULL,
    related_device character varying(12) NOT NULL,
    related_cells character varying(12) NOT NULL,
    related_procedure character varying(12) NOT NULL,
    expected boolean,
    action_taken character varying(20) NOT NULL,
    outcome character varying(20) NOT NULL,
    dlt_candidate boolean NOT NULL,
    dlt boolean,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT adverseevent_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ae_grade_1_to_5 CHECK (((grade >= 1) AND (grade <= 5))),
    CONSTRAINT ae_grade_5_if_and_only_if_fatal CHECK ((((grade = 5) AND ((outcome)::text = 'fatal'::text)) OR ((NOT (grade = 5)) AND (NOT ((outcome)::text = 'fatal'::text))))),
    CONSTRAINT ae_resolved_after_onset CHECK (((resolved_date IS NULL) OR (resolved_date >= onset_date))),
    CONSTRAINT ae_serious_has_a_criterion CHECK (((NOT serious) OR results_in_death OR life_threatening OR hospitalisation OR disability OR congenital_anomaly OR important_medical_event OR intervention_required)),
    CONSTRAINT ecrf_adverseevent_grade_check CHECK ((grade >= 0)),
    CONSTRAINT ecrf_adverseevent_number_check CHECK ((number >= 0)),
    CONSTRAINT ecrf_adverseevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_adverseevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseeventcoding; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseeventcoding (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    voided_at timestamp with time zone,
    void_reason text NOT NULL,
    coded_text character varying(200) NOT NULL,
    llt_code character varying(10) NOT NULL,
    term character varying(120) NOT NULL,
    soc character varying(120) NOT NULL,
    dictionary character varying(30) NOT NULL,
    coded_at timestamp with time zone NOT NULL,
    adverse_event_id bigint NOT NULL,
    coded_by_id integer NOT NULL,
    created_by_id integer NOT NULL,
    voided_by_id integer,
    CONSTRAINT adverseeventcoding_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_adverseeventcoding_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_adverseeventcoding_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseeventcoding ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseeventcoding_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseeventcodingevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseeventcodingevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    voided_at timestamp with time zone,
    void_reason text NOT NULL,
    coded_text character varying(200) NOT NULL,
    llt_code character varying(10) NOT NULL,
    term character varying(120) NOT NULL,
    soc character varying(120) NOT NULL,
    dictionary character varying(30) NOT NULL,
    coded_at timestamp with time zone NOT NULL,
    adverse_event_id bigint NOT NULL,
    coded_by_id integer NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    voided_by_id integer,
    CONSTRAINT ecrf_adverseeventcodingevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_adverseeventcodingevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseeventcodingevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseeventcodingevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseeventevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseeventevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    number smallint NOT NULL,
    verbatim_term character varying(200) NOT NULL,
    ctcae_code character varying(10) NOT NULL,
    ctcae_term character varying(120) NOT NULL,
    soc character varying(120) NOT NULL,
    other_specify character varying(200) NOT NULL,
    grade smallint NOT NULL,
    onset_date date NOT NULL,
    onset_time time without time zone,
    resolved_date date,
    ongoing boolean NOT NULL,
    timing character varying(20) NOT NULL,
    serious boolean NOT NULL,
    results_in_death boolean NOT NULL,
    life_threatening boolean NOT NULL,
    hospitalisation boolean NOT NULL,
    disability boolean NOT NULL,
    congenital_anomaly boolean NOT NULL,
    important_medical_event boolean NOT NULL,
    intervention_required boolean NOT NULL,
    related_device character varying(12) NOT NULL,
    related_cells character varying(12) NOT NULL,
    related_procedure character varying(12) NOT NULL,
    expected boolean,
    action_taken character varying(20) NOT NULL,
    outcome character varying(20) NOT NULL,
    dlt_candidate boolean NOT NULL,
    dlt boolean,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_adverseeventevent_grade_check CHECK ((grade >= 0)),
    CONSTRAINT ecrf_adverseeventevent_number_check CHECK ((number >= 0)),
    CONSTRAINT ecrf_adverseeventevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_adverseeventevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseeventevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseeventevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseeventreview; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseeventreview (
    id bigint NOT NULL,
    reviewed_at timestamp with time zone NOT NULL,
    comment text NOT NULL,
    adverse_event_id bigint NOT NULL,
    reviewer_id integer NOT NULL
);


--
-- Name: ecrf_adverseeventreview_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseeventreview ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseeventreview_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseeventreviewevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_adverseeventreviewevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    reviewed_at timestamp with time zone NOT NULL,
    comment text NOT NULL,
    adverse_event_id bigint NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    reviewer_id integer NOT NULL
);


--
-- Name: ecrf_adverseeventreviewevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_adverseeventreviewevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_adverseeventreviewevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_alert; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_alert (
    id bigint NOT NULL,
    trigger character varying(30) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone,
    emailed_at timestamp with time zone,
    email_attempts smallint NOT NULL,
    email_error character varying(500) NOT NULL,
    read_at timestamp with time zone,
    adverse_event_id bigint,
    recipient_id integer NOT NULL,
    deviation_id bigint,
    subject_id bigint,
    CONSTRAINT alert_about_one_record CHECK ((((adverse_event_id IS NOT NULL) AND (deviation_id IS NULL)) OR ((adverse_event_id IS NULL) AND (deviation_id IS NOT NULL)))),
    CONSTRAINT alert_has_subject CHECK ((subject_id IS NOT NULL)),
    CONSTRAINT ecrf_alert_email_attempts_check CHECK ((email_attempts >= 0))
);


--
-- Name: ecrf_alert_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_alert ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_alert_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_alertevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_alertevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    trigger character varying(30) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    due_at timestamp with time zone,
    emailed_at timestamp with time zone,
    email_attempts smallint NOT NULL,
    email_error character varying(500) NOT NULL,
    read_at timestamp with time zone,
    adverse_event_id bigint,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    recipient_id integer NOT NULL,
    deviation_id bigint,
    subject_id bigint,
    CONSTRAINT ecrf_alertevent_email_attempts_check CHECK ((email_attempts >= 0))
);


--
-- Name: ecrf_alertevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_alertevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_alertevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_anticoagulationcheck; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_anticoagulationcheck (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    act_seconds smallint,
    aptt_seconds numeric(4,1),
    post_filter_ica numeric(3,2),
    systemic_ica numeric(3,2),
    created_by_id integer NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT anticoagulation_check_has_a_value CHECK (((act_seconds IS NOT NULL) OR (aptt_seconds IS NOT NULL) OR (post_filter_ica IS NOT NULL) OR (systemic_ica IS NOT NULL))),
    CONSTRAINT anticoagulationcheck_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_anticoagulationcheck_act_seconds_check CHECK ((act_seconds >= 0)),
    CONSTRAINT ecrf_anticoagulationcheck_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_anticoagulationcheck_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_anticoagulationcheck ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_anticoagulationcheck_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_anticoagulationcheckevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_anticoagulationcheckevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    act_seconds smallint,
    aptt_seconds numeric(4,1),
    post_filter_ica numeric(3,2),
    systemic_ica numeric(3,2),
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_anticoagulationcheckevent_act_seconds_check CHECK ((act_seconds >= 0)),
    CONSTRAINT ecrf_anticoagulationcheckevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_anticoagulationcheckevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_anticoagulationcheckevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_anticoagulationcheckevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_arm; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_arm (
    id bigint NOT NULL,
    code character varying(8) NOT NULL,
    label character varying(100) NOT NULL,
    "order" smallint NOT NULL,
    capacity smallint NOT NULL,
    is_open boolean NOT NULL,
    planned_minutes smallint,
    study_id bigint NOT NULL,
    CONSTRAINT ecrf_arm_capacity_check CHECK ((capacity >= 0)),
    CONSTRAINT ecrf_arm_order_check CHECK (("order" >= 0)),
    CONSTRAINT ecrf_arm_planned_minutes_check CHECK ((planned_minutes >= 0))
);


--
-- Name: ecrf_arm_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_arm ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_arm_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_armevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_armevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    code character varying(8) NOT NULL,
    label character varying(100) NOT NULL,
    "order" smallint NOT NULL,
    capacity smallint NOT NULL,
    is_open boolean NOT NULL,
    planned_minutes smallint,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    study_id bigint NOT NULL,
    CONSTRAINT ecrf_armevent_capacity_check CHECK ((capacity >= 0)),
    CONSTRAINT ecrf_armevent_order_check CHECK (("order" >= 0)),
    CONSTRAINT ecrf_armevent_planned_minutes_check CHECK ((planned_minutes >= 0))
);


--
-- Name: ecrf_armevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_armevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_armevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_clinicalstatus; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_clinicalstatus (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    assessed_on date NOT NULL,
    ascites character varying(16) NOT NULL,
    encephalopathy_grade smallint NOT NULL,
    dialysed_twice_last_week boolean NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT clinical_status_he_grade_0_to_4 CHECK ((encephalopathy_grade <= 4)),
    CONSTRAINT clinicalstatus_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_clinicalstatus_encephalopathy_grade_check CHECK ((encephalopathy_grade >= 0)),
    CONSTRAINT ecrf_clinicalstatus_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_clinicalstatus_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_clinicalstatus ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_clinicalstatus_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_clinicalstatusevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_clinicalstatusevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    assessed_on date NOT NULL,
    ascites character varying(16) NOT NULL,
    encephalopathy_grade smallint NOT NULL,
    dialysed_twice_last_week boolean NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_clinicalstatusevent_encephalopathy_grade_check CHECK ((encephalopathy_grade >= 0)),
    CONSTRAINT ecrf_clinicalstatusevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_clinicalstatusevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_clinicalstatusevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_clinicalstatusevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_committeedecision; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_committeedecision (
    id bigint NOT NULL,
    decision character varying(10) NOT NULL,
    mtd_minutes smallint,
    additional_subjects smallint,
    rationale text NOT NULL,
    meeting_date date NOT NULL,
    printed_name character varying(150) NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    signature_meaning character varying(200) NOT NULL,
    arm_id bigint NOT NULL,
    opened_arm_id bigint,
    signed_by_id integer NOT NULL,
    study_id bigint NOT NULL,
    CONSTRAINT committee_decision_signed_with_rationale CHECK (((NOT (rationale = ''::text)) AND (NOT ((printed_name)::text = ''::text)) AND (NOT ((signature_meaning)::text = ''::text)))),
    CONSTRAINT committee_expansion_has_a_size CHECK ((((additional_subjects >= 1) AND ((decision)::text = 'expand'::text)) OR ((NOT ((decision)::text = 'expand'::text)) AND (additional_subjects IS NULL)))),
    CONSTRAINT committee_mtd_only_when_setting_it CHECK (((((decision)::text = 'set_mtd'::text) AND (mtd_minutes IS NOT NULL)) OR ((NOT ((decision)::text = 'set_mtd'::text)) AND (mtd_minutes IS NULL)))),
    CONSTRAINT ecrf_committeedecision_additional_subjects_check CHECK ((additional_subjects >= 0)),
    CONSTRAINT ecrf_committeedecision_mtd_minutes_check CHECK ((mtd_minutes >= 0))
);


--
-- Name: ecrf_committeedecision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_committeedecision ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_committeedecision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_committeedecisionevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_committeedecisionevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    decision character varying(10) NOT NULL,
    mtd_minutes smallint,
    additional_subjects smallint,
    rationale text NOT NULL,
    meeting_date date NOT NULL,
    printed_name character varying(150) NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    signature_meaning character varying(200) NOT NULL,
    arm_id bigint NOT NULL,
    opened_arm_id bigint,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    signed_by_id integer NOT NULL,
    study_id bigint NOT NULL,
    CONSTRAINT ecrf_committeedecisionevent_additional_subjects_check CHECK ((additional_subjects >= 0)),
    CONSTRAINT ecrf_committeedecisionevent_mtd_minutes_check CHECK ((mtd_minutes >= 0))
);


--
-- Name: ecrf_committeedecisionevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_committeedecisionevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_committeedecisionevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_concomitantmedication; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_concomitantmedication (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    name character varying(200) NOT NULL,
    category character varying(20) NOT NULL,
    indication character varying(200) NOT NULL,
    dose numeric(10,3),
    dose_unit character varying(20) NOT NULL,
    frequency character varying(40) NOT NULL,
    route character varying(40) NOT NULL,
    start_date date NOT NULL,
    end_date date,
    ongoing boolean NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT concomitantmedication_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_concomitantmedication_version_check CHECK ((version >= 0)),
    CONSTRAINT medication_end_after_start CHECK (((end_date IS NULL) OR (end_date >= start_date))),
    CONSTRAINT medication_end_unless_ongoing CHECK ((ongoing OR (end_date IS NOT NULL)))
);


--
-- Name: ecrf_concomitantmedication_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_concomitantmedication ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_concomitantmedication_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_concomitantmedicationevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_concomitantmedicationevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    name character varying(200) NOT NULL,
    category character varying(20) NOT NULL,
    indication character varying(200) NOT NULL,
    dose numeric(10,3),
    dose_unit character varying(20) NOT NULL,
    frequency character varying(40) NOT NULL,
    route character varying(40) NOT NULL,
    start_date date NOT NULL,
    end_date date,
    ongoing boolean NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_concomitantmedicationevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_concomitantmedicationevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_concomitantmedicationevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_concomitantmedicationevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_datalock; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_datalock (
    id bigint NOT NULL,
    form_table character varying(63) NOT NULL,
    form_id bigint,
    level character varying(10) NOT NULL,
    reason text NOT NULL,
    set_at timestamp with time zone NOT NULL,
    released_at timestamp with time zone,
    release_reason text NOT NULL,
    released_by_id integer,
    set_by_id integer NOT NULL,
    study_id bigint NOT NULL,
    subject_id bigint,
    CONSTRAINT datalock_form_named_in_full CHECK ((((form_id IS NULL) AND ((form_table)::text = ''::text)) OR ((NOT ((form_table)::text = ''::text)) AND (form_id IS NOT NULL) AND (subject_id IS NOT NULL)))),
    CONSTRAINT datalock_has_reason CHECK ((NOT (reason = ''::text))),
    CONSTRAINT datalock_release_in_full CHECK ((((release_reason = ''::text) AND (released_at IS NULL) AND (released_by_id IS NULL)) OR ((released_at IS NOT NULL) AND (released_by_id IS NOT NULL) AND (NOT (release_reason = ''::text))))),
    CONSTRAINT ecrf_datalock_form_id_check CHECK ((form_id >= 0))
);


--
-- Name: ecrf_datalock_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_datalock ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_datalock_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_datalockevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_datalockevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    form_table character varying(63) NOT NULL,
    form_id bigint,
    level character varying(10) NOT NULL,
    reason text NOT NULL,
    set_at timestamp with time zone NOT NULL,
    released_at timestamp with time zone,
    release_reason text NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    released_by_id integer,
    set_by_id integer NOT NULL,
    study_id bigint NOT NULL,
    subject_id bigint,
    CONSTRAINT ecrf_datalockevent_form_id_check CHECK ((form_id >= 0))
);


--
-- Name: ecrf_datalockevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_datalockevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_datalockevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_dataquery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_dataquery (
    id bigint NOT NULL,
    object_id bigint NOT NULL,
    record_label character varying(200) NOT NULL,
    field character varying(60) NOT NULL,
    text text NOT NULL,
    status character varying(10) NOT NULL,
    automatic boolean NOT NULL,
    rule character varying(30) NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    content_type_id integer NOT NULL,
    raised_by_id integer,
    study_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    CONSTRAINT ecrf_dataquery_object_id_check CHECK ((object_id >= 0)),
    CONSTRAINT ecrf_dataquery_version_check CHECK ((version >= 0)),
    CONSTRAINT query_raised_by_a_person_or_a_rule CHECK ((((NOT automatic) AND (raised_by_id IS NOT NULL)) OR (automatic AND (raised_by_id IS NULL) AND (NOT ((rule)::text = ''::text)))))
);


--
-- Name: ecrf_dataquery_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_dataquery ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_dataquery_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_dataqueryevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_dataqueryevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    object_id bigint NOT NULL,
    record_label character varying(200) NOT NULL,
    field character varying(60) NOT NULL,
    text text NOT NULL,
    status character varying(10) NOT NULL,
    automatic boolean NOT NULL,
    rule character varying(30) NOT NULL,
    raised_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    content_type_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    raised_by_id integer,
    study_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    CONSTRAINT ecrf_dataqueryevent_object_id_check CHECK ((object_id >= 0)),
    CONSTRAINT ecrf_dataqueryevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_dataqueryevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_dataqueryevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_dataqueryevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_dataquerymessage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_dataquerymessage (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(10) NOT NULL,
    text text NOT NULL,
    author_id integer,
    query_id bigint NOT NULL,
    CONSTRAINT query_message_text_unless_close CHECK ((((kind)::text = 'close'::text) OR (NOT (text = ''::text))))
);


--
-- Name: ecrf_dataquerymessage_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_dataquerymessage ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_dataquerymessage_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_dataquerymessageevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_dataquerymessageevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    kind character varying(10) NOT NULL,
    text text NOT NULL,
    author_id integer,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    query_id bigint NOT NULL
);


--
-- Name: ecrf_dataquerymessageevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_dataquerymessageevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_dataquerymessageevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_deviation; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_deviation (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    rule character varying(30) NOT NULL,
    category character varying(20) NOT NULL,
    description text NOT NULL,
    occurred_on date NOT NULL,
    automatic boolean NOT NULL,
    severity character varying(5) NOT NULL,
    explanation text NOT NULL,
    corrective_action text NOT NULL,
    resolved boolean NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    session_id bigint,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT deviation_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_deviation_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_deviation_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_deviation ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_deviation_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_deviationevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_deviationevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    rule character varying(30) NOT NULL,
    category character varying(20) NOT NULL,
    description text NOT NULL,
    occurred_on date NOT NULL,
    automatic boolean NOT NULL,
    severity character varying(5) NOT NULL,
    explanation text NOT NULL,
    corrective_action text NOT NULL,
    resolved boolean NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    session_id bigint,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_deviationevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_deviationevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_deviationevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_deviationevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_devicecheck; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_devicecheck (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    criterion character varying(20) NOT NULL,
    passed boolean NOT NULL,
    comment character varying(200) NOT NULL,
    created_by_id integer NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT devicecheck_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_devicecheck_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_devicecheck_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_devicecheck ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_devicecheck_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_devicecheckevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_devicecheckevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    criterion character varying(20) NOT NULL,
    passed boolean NOT NULL,
    comment character varying(200) NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_devicecheckevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_devicecheckevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_devicecheckevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_devicecheckevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_disposition; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_disposition (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    status character varying(15) NOT NULL,
    disposition_date date NOT NULL,
    death_date date,
    cause_of_death character varying(200) NOT NULL,
    transplant_date date,
    survival_status_fs28 character varying(10) NOT NULL,
    last_known_alive date,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT disposition_died_has_death_date CHECK (((NOT ((status)::text = 'died'::text)) OR (death_date IS NOT NULL))),
    CONSTRAINT disposition_transplant_has_date CHECK (((NOT ((status)::text = 'transplanted'::text)) OR (transplant_date IS NOT NULL))),
    CONSTRAINT disposition_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT ecrf_disposition_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_disposition_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_disposition ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_disposition_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_dispositionevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_dispositionevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    status character varying(15) NOT NULL,
    disposition_date date NOT NULL,
    death_date date,
    cause_of_death character varying(200) NOT NULL,
    transplant_date date,
    survival_status_fs28 character varying(10) NOT NULL,
    last_known_alive date,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_dispositionevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_dispositionevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_dispositionevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_dispositionevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_eligibilityanswer; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_eligibilityanswer (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    criterion_code character varying(10) NOT NULL,
    criterion_text text NOT NULL,
    answer boolean NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_eligibilityanswer_version_check CHECK ((version >= 0)),
    CONSTRAINT eligibilityanswer_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_eligibilityanswer_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_eligibilityanswer ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_eligibilityanswer_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_eligibilityanswerevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_eligibilityanswerevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    criterion_code character varying(10) NOT NULL,
    criterion_text text NOT NULL,
    answer boolean NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_eligibilityanswerevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_eligibilityanswerevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_eligibilityanswerevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_eligibilityanswerevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_enrolment; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_enrolment (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    enrolment_date date NOT NULL,
    planned_first_treatment date NOT NULL,
    arm_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    reason text NOT NULL,
    CONSTRAINT ecrf_enrolment_version_check CHECK ((version >= 0)),
    CONSTRAINT enrolment_treatment_not_before_enrolment CHECK ((planned_first_treatment >= enrolment_date)),
    CONSTRAINT enrolment_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_enrolment_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_enrolment ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_enrolment_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_enrolmentevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_enrolmentevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    enrolment_date date NOT NULL,
    planned_first_treatment date NOT NULL,
    arm_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    reason text NOT NULL,
    CONSTRAINT ecrf_enrolmentevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_enrolmentevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_enrolmentevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_enrolmentevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_exportlog; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_exportlog (
    id bigint NOT NULL,
    format character varying(10) NOT NULL,
    exported_at timestamp with time zone NOT NULL,
    row_counts jsonb NOT NULL,
    total_rows integer NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    channel character varying(20) NOT NULL,
    exported_by_id integer,
    study_id bigint NOT NULL,
    sites character varying(10)[],
    CONSTRAINT ecrf_exportlog_size_bytes_check CHECK ((size_bytes >= 0)),
    CONSTRAINT ecrf_exportlog_total_rows_check CHECK ((total_rows >= 0))
);


--
-- Name: ecrf_exportlog_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_exportlog ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_exportlog_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_exportlogevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_exportlogevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    format character varying(10) NOT NULL,
    exported_at timestamp with time zone NOT NULL,
    row_counts jsonb NOT NULL,
    total_rows integer NOT NULL,
    size_bytes bigint NOT NULL,
    sha256 character varying(64) NOT NULL,
    channel character varying(20) NOT NULL,
    exported_by_id integer,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    study_id bigint NOT NULL,
    sites character varying(10)[],
    CONSTRAINT ecrf_exportlogevent_size_bytes_check CHECK ((size_bytes >= 0)),
    CONSTRAINT ecrf_exportlogevent_total_rows_check CHECK ((total_rows >= 0))
);


--
-- Name: ecrf_exportlogevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_exportlogevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_exportlogevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_gaterefusal; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_gaterefusal (
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    channel character varying(10) NOT NULL,
    rules character varying(200) NOT NULL,
    message text NOT NULL,
    arm_id bigint NOT NULL,
    subject_id bigint,
    user_id integer
);


--
-- Name: ecrf_gaterefusal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_gaterefusal ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_gaterefusal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_gaterefusalevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_gaterefusalevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    at timestamp with time zone NOT NULL,
    channel character varying(10) NOT NULL,
    rules character varying(200) NOT NULL,
    message text NOT NULL,
    arm_id bigint NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint,
    user_id integer
);


--
-- Name: ecrf_gaterefusalevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_gaterefusalevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_gaterefusalevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_labpanel; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_labpanel (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    panel character varying(20) NOT NULL,
    timepoint character varying(12) NOT NULL,
    sampled_at timestamp with time zone NOT NULL,
    laboratory character varying(100) NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    session_id bigint,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_labpanel_version_check CHECK ((version >= 0)),
    CONSTRAINT labpanel_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_labpanel_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_labpanel ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_labpanel_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_labpanelevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_labpanelevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    panel character varying(20) NOT NULL,
    timepoint character varying(12) NOT NULL,
    sampled_at timestamp with time zone NOT NULL,
    laboratory character varying(100) NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    session_id bigint,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_labpanelevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_labpanelevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_labpanelevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_labpanelevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_labresult; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_labresult (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    sampled_at timestamp with time zone NOT NULL,
    test_code character varying(10) NOT NULL,
    value numeric(14,4),
    unit character varying(20) NOT NULL,
    standard_value numeric(14,4),
    qualitative character varying(10) NOT NULL,
    lln numeric(14,4),
    uln numeric(14,4),
    flag character varying(1) NOT NULL,
    ctcae_grade smallint,
    ctcae_term character varying(60) NOT NULL,
    not_done_reason character varying(20) NOT NULL,
    created_by_id integer NOT NULL,
    panel_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_labresult_ctcae_grade_check CHECK ((ctcae_grade >= 0)),
    CONSTRAINT ecrf_labresult_version_check CHECK ((version >= 0)),
    CONSTRAINT lab_result_grade_0_to_5 CHECK (((ctcae_grade IS NULL) OR (ctcae_grade <= 5))),
    CONSTRAINT lab_result_has_value_or_reason CHECK ((((standard_value IS NOT NULL) AND (value IS NOT NULL)) OR (NOT ((qualitative)::text = ''::text)) OR (NOT ((not_done_reason)::text = ''::text)))),
    CONSTRAINT labresult_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_labresult_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_labresult ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_labresult_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_labresultevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_labresultevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    sampled_at timestamp with time zone NOT NULL,
    test_code character varying(10) NOT NULL,
    value numeric(14,4),
    unit character varying(20) NOT NULL,
    standard_value numeric(14,4),
    qualitative character varying(10) NOT NULL,
    lln numeric(14,4),
    uln numeric(14,4),
    flag character varying(1) NOT NULL,
    ctcae_grade smallint,
    ctcae_term character varying(60) NOT NULL,
    not_done_reason character varying(20) NOT NULL,
    created_by_id integer NOT NULL,
    panel_id bigint NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_labresultevent_ctcae_grade_check CHECK ((ctcae_grade >= 0)),
    CONSTRAINT ecrf_labresultevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_labresultevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_labresultevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_labresultevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_liverfailurediagnosis; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_liverfailurediagnosis (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    category character varying(4) NOT NULL,
    diagnosed_on date NOT NULL,
    guideline character varying(20) NOT NULL,
    chronic_liver_disease boolean,
    aetiology character varying(12)[] NOT NULL,
    cirrhosis character varying(15) NOT NULL,
    sfss_operation character varying(15) NOT NULL,
    sfss_operation_date date,
    graft_weight_g smallint,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_liverfailurediagnosis_graft_weight_g_check CHECK ((graft_weight_g >= 0)),
    CONSTRAINT ecrf_liverfailurediagnosis_version_check CHECK ((version >= 0)),
    CONSTRAINT liver_failure_sfss_has_operation CHECK (((NOT ((category)::text = 'SFSS'::text)) OR ((NOT ((sfss_operation)::text = ''::text)) AND (sfss_operation_date IS NOT NULL)))),
    CONSTRAINT liverfailurediagnosis_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_liverfailurediagnosis_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_liverfailurediagnosis ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_liverfailurediagnosis_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_liverfailurediagnosisevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_liverfailurediagnosisevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    category character varying(4) NOT NULL,
    diagnosed_on date NOT NULL,
    guideline character varying(20) NOT NULL,
    chronic_liver_disease boolean,
    aetiology character varying(12)[] NOT NULL,
    cirrhosis character varying(15) NOT NULL,
    sfss_operation character varying(15) NOT NULL,
    sfss_operation_date date,
    graft_weight_g smallint,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_liverfailurediagnosisevent_graft_weight_g_check CHECK ((graft_weight_g >= 0)),
    CONSTRAINT ecrf_liverfailurediagnosisevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_liverfailurediagnosisevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_liverfailurediagnosisevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_liverfailurediagnosisevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_liverimaging; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_liverimaging (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    voided_at timestamp with time zone,
    void_reason text NOT NULL,
    form_status character varying(20) NOT NULL,
    visit character varying(12) NOT NULL,
    examined_on date NOT NULL,
    modality character varying(12) NOT NULL,
    new_lesion boolean NOT NULL,
    lesion_size_mm smallint,
    findings text NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    voided_by_id integer,
    CONSTRAINT ecrf_liverimaging_lesion_size_mm_check CHECK ((lesion_size_mm >= 0)),
    CONSTRAINT ecrf_liverimaging_version_check CHECK ((version >= 0)),
    CONSTRAINT liverimaging_lesion_size_with_lesion CHECK ((((lesion_size_mm IS NOT NULL) AND new_lesion) OR ((lesion_size_mm IS NULL) AND (NOT new_lesion)))),
    CONSTRAINT liverimaging_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_liverimaging_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_liverimaging ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_liverimaging_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_liverimagingevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_liverimagingevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    voided_at timestamp with time zone,
    void_reason text NOT NULL,
    form_status character varying(20) NOT NULL,
    visit character varying(12) NOT NULL,
    examined_on date NOT NULL,
    modality character varying(12) NOT NULL,
    new_lesion boolean NOT NULL,
    lesion_size_mm smallint,
    findings text NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    voided_by_id integer,
    CONSTRAINT ecrf_liverimagingevent_lesion_size_mm_check CHECK ((lesion_size_mm >= 0)),
    CONSTRAINT ecrf_liverimagingevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_liverimagingevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_liverimagingevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_liverimagingevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_loginevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_loginevent (
    id bigint NOT NULL,
    kind character varying(20) NOT NULL,
    at timestamp with time zone NOT NULL,
    username character varying(150) NOT NULL,
    ip_address inet,
    user_agent character varying(300) NOT NULL,
    request_id character varying(64) NOT NULL,
    path character varying(200) NOT NULL,
    user_id integer
);


--
-- Name: ecrf_loginevent_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_loginevent ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_loginevent_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_medicalhistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_medicalhistory (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    term character varying(200) NOT NULL,
    category character varying(20) NOT NULL,
    start character varying(10) NOT NULL,
    ongoing boolean NOT NULL,
    "end" character varying(10) NOT NULL,
    allergen character varying(100) NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_medicalhistory_version_check CHECK ((version >= 0)),
    CONSTRAINT history_end_unless_ongoing CHECK ((ongoing OR (NOT (("end")::text = ''::text)))),
    CONSTRAINT medicalhistory_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_medicalhistory_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_medicalhistory ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_medicalhistory_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_medicalhistoryevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_medicalhistoryevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    term character varying(200) NOT NULL,
    category character varying(20) NOT NULL,
    start character varying(10) NOT NULL,
    ongoing boolean NOT NULL,
    "end" character varying(10) NOT NULL,
    allergen character varying(100) NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_medicalhistoryevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_medicalhistoryevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_medicalhistoryevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_medicalhistoryevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_membership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_membership (
    id bigint NOT NULL,
    role character varying(20) NOT NULL,
    user_id integer NOT NULL,
    site_id bigint NOT NULL
);


--
-- Name: ecrf_membership_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_membership ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_membership_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_membershipevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_membershipevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    role character varying(20) NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    user_id integer NOT NULL,
    site_id bigint NOT NULL
);


--
-- Name: ecrf_membershipevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_membershipevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_membershipevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_passwordchangerequired; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_passwordchangerequired (
    user_id integer NOT NULL,
    required_at timestamp with time zone NOT NULL,
    required_by_id integer
);


--
-- Name: ecrf_passwordhistory; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_passwordhistory (
    id bigint NOT NULL,
    password character varying(128) NOT NULL,
    set_at timestamp with time zone NOT NULL,
    user_id integer NOT NULL
);


--
-- Name: ecrf_passwordhistory_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_passwordhistory ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_passwordhistory_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_procedure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_procedure (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    name character varying(20) NOT NULL,
    details character varying(200) NOT NULL,
    started_on date NOT NULL,
    ended_on date,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_procedure_version_check CHECK ((version >= 0)),
    CONSTRAINT procedure_end_after_start CHECK (((ended_on IS NULL) OR (ended_on >= started_on))),
    CONSTRAINT procedure_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_procedure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_procedure ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_procedure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_procedureevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_procedureevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    name character varying(20) NOT NULL,
    details character varying(200) NOT NULL,
    started_on date NOT NULL,
    ended_on date,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_procedureevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_procedureevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_procedureevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_procedureevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_referencerange; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_referencerange (
    id bigint NOT NULL,
    test_code character varying(10) NOT NULL,
    sex character varying(1) NOT NULL,
    age_min smallint NOT NULL,
    age_max smallint NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    lln numeric(14,4),
    uln numeric(14,4),
    site_id bigint NOT NULL,
    CONSTRAINT ecrf_referencerange_age_max_check CHECK ((age_max >= 0)),
    CONSTRAINT ecrf_referencerange_age_min_check CHECK ((age_min >= 0)),
    CONSTRAINT reference_range_age_band CHECK ((age_max >= age_min)),
    CONSTRAINT reference_range_dates CHECK (((valid_to IS NULL) OR (valid_to >= valid_from))),
    CONSTRAINT reference_range_limits CHECK (((lln IS NULL) OR (uln IS NULL) OR (uln >= lln)))
);


--
-- Name: ecrf_referencerange_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_referencerange ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_referencerange_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_referencerangeevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_referencerangeevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    test_code character varying(10) NOT NULL,
    sex character varying(1) NOT NULL,
    age_min smallint NOT NULL,
    age_max smallint NOT NULL,
    valid_from date NOT NULL,
    valid_to date,
    lln numeric(14,4),
    uln numeric(14,4),
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    site_id bigint NOT NULL,
    CONSTRAINT ecrf_referencerangeevent_age_max_check CHECK ((age_max >= 0)),
    CONSTRAINT ecrf_referencerangeevent_age_min_check CHECK ((age_min >= 0))
);


--
-- Name: ecrf_referencerangeevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_referencerangeevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_referencerangeevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_renderedcasebook; Type: TABLE; Schema: public; Owner: -
--

CREATE UNLOGGED TABLE public.ecrf_renderedcasebook (
    id bigint NOT NULL,
    subject_id bigint NOT NULL,
    variant character varying(200) NOT NULL,
    fingerprint character varying(100) NOT NULL,
    html text NOT NULL,
    rendered_at timestamp with time zone NOT NULL
);


--
-- Name: ecrf_renderedcasebook_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_renderedcasebook ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_renderedcasebook_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_saereport; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_saereport (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    report_type character varying(10) NOT NULL,
    awareness_at timestamp with time zone NOT NULL,
    reported_to_sponsor_at timestamp with time zone,
    reported_to_ethics_at timestamp with time zone,
    sponsor_awareness_at timestamp with time zone,
    regulatory_submitted_at timestamp with time zone,
    narrative text NOT NULL,
    site_report_due_at timestamp with time zone NOT NULL,
    adverse_event_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_saereport_version_check CHECK ((version >= 0)),
    CONSTRAINT sae_reported_after_awareness CHECK (((reported_to_sponsor_at IS NULL) OR (reported_to_sponsor_at >= awareness_at))),
    CONSTRAINT saereport_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_saereport_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_saereport ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_saereport_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_saereportevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_saereportevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    report_type character varying(10) NOT NULL,
    awareness_at timestamp with time zone NOT NULL,
    reported_to_sponsor_at timestamp with time zone,
    reported_to_ethics_at timestamp with time zone,
    sponsor_awareness_at timestamp with time zone,
    regulatory_submitted_at timestamp with time zone,
    narrative text NOT NULL,
    site_report_due_at timestamp with time zone NOT NULL,
    adverse_event_id bigint NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_saereportevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_saereportevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_saereportevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_saereportevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_screenfailure; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_screenfailure (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    date date NOT NULL,
    failed_criteria character varying(10)[] NOT NULL,
    other_reason text NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_screenfailure_version_check CHECK ((version >= 0)),
    CONSTRAINT screen_failure_has_reason CHECK (((NOT (failed_criteria = '{}'::character varying(10)[])) OR (NOT (other_reason = ''::text)))),
    CONSTRAINT screenfailure_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_screenfailure_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_screenfailure ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_screenfailure_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_screenfailureevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_screenfailureevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    date date NOT NULL,
    failed_criteria character varying(10)[] NOT NULL,
    other_reason text NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_screenfailureevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_screenfailureevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_screenfailureevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_screenfailureevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_sessioninterruption; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_sessioninterruption (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    circulation_stopped boolean NOT NULL,
    reason character varying(20) NOT NULL,
    outcome character varying(20) NOT NULL,
    created_by_id integer NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_sessioninterruption_version_check CHECK ((version >= 0)),
    CONSTRAINT interruption_ends_after_start CHECK (((ended_at IS NULL) OR (ended_at > started_at))),
    CONSTRAINT sessioninterruption_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_sessioninterruption_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_sessioninterruption ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_sessioninterruption_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_sessioninterruptionevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_sessioninterruptionevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone,
    circulation_stopped boolean NOT NULL,
    reason character varying(20) NOT NULL,
    outcome character varying(20) NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    session_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_sessioninterruptionevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_sessioninterruptionevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_sessioninterruptionevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_sessioninterruptionevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_signature; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_signature (
    id bigint NOT NULL,
    object_id bigint,
    form_version integer,
    manifest jsonb,
    meaning character varying(20) NOT NULL,
    printed_name character varying(300) NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    content_type_id integer,
    signer_id integer NOT NULL,
    subject_id bigint NOT NULL,
    CONSTRAINT ecrf_signature_form_version_check CHECK ((form_version >= 0)),
    CONSTRAINT ecrf_signature_object_id_check CHECK ((object_id >= 0)),
    CONSTRAINT signature_form_or_casebook CHECK ((((content_type_id IS NOT NULL) AND (form_version IS NOT NULL) AND (manifest IS NULL) AND (object_id IS NOT NULL)) OR ((content_type_id IS NULL) AND (form_version IS NULL) AND (manifest IS NOT NULL) AND (object_id IS NULL)))),
    CONSTRAINT signature_printed_name CHECK ((NOT ((printed_name)::text = ''::text)))
);


--
-- Name: ecrf_signature_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_signature ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_signature_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_signatureevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_signatureevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    object_id bigint,
    form_version integer,
    manifest jsonb,
    meaning character varying(20) NOT NULL,
    printed_name character varying(300) NOT NULL,
    signed_at timestamp with time zone NOT NULL,
    content_type_id integer,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    signer_id integer NOT NULL,
    subject_id bigint NOT NULL,
    CONSTRAINT ecrf_signatureevent_form_version_check CHECK ((form_version >= 0)),
    CONSTRAINT ecrf_signatureevent_object_id_check CHECK ((object_id >= 0))
);


--
-- Name: ecrf_signatureevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_signatureevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_signatureevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_site; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_site (
    id bigint NOT NULL,
    code character varying(10) NOT NULL,
    name character varying(200) NOT NULL,
    city character varying(100) NOT NULL,
    time_zone character varying(64) NOT NULL,
    study_id bigint NOT NULL
);


--
-- Name: ecrf_site_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_site ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_site_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_sourceverification; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_sourceverification (
    id bigint NOT NULL,
    object_id bigint NOT NULL,
    form_version integer NOT NULL,
    verified_at timestamp with time zone NOT NULL,
    note text NOT NULL,
    content_type_id integer NOT NULL,
    subject_id bigint NOT NULL,
    verified_by_id integer NOT NULL,
    CONSTRAINT ecrf_sourceverification_form_version_check CHECK ((form_version >= 0)),
    CONSTRAINT ecrf_sourceverification_object_id_check CHECK ((object_id >= 0))
);


--
-- Name: ecrf_sourceverification_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_sourceverification ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_sourceverification_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_sourceverificationevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_sourceverificationevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    object_id bigint NOT NULL,
    form_version integer NOT NULL,
    verified_at timestamp with time zone NOT NULL,
    note text NOT NULL,
    content_type_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    verified_by_id integer NOT NULL,
    CONSTRAINT ecrf_sourceverificationevent_form_version_check CHECK ((form_version >= 0)),
    CONSTRAINT ecrf_sourceverificationevent_object_id_check CHECK ((object_id >= 0))
);


--
-- Name: ecrf_sourceverificationevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_sourceverificationevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_sourceverificationevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_study; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_study (
    id bigint NOT NULL,
    registry_id character varying(11) NOT NULL,
    package character varying(100) NOT NULL,
    title character varying(300) NOT NULL,
    phase character varying(30) NOT NULL,
    target_enrolment integer NOT NULL,
    options jsonb NOT NULL,
    CONSTRAINT ecrf_study_target_enrolment_check CHECK ((target_enrolment >= 0))
);


--
-- Name: ecrf_study_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_study ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_study_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_subject; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_subject (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    screening_number character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    sex character varying(1) NOT NULL,
    date_of_birth date NOT NULL,
    height_cm numeric(4,1) NOT NULL,
    weight_kg numeric(4,1) NOT NULL,
    consent_date date NOT NULL,
    consent_version character varying(20) NOT NULL,
    screening_date date NOT NULL,
    childbearing_potential boolean,
    pregnancy_test character varying(12) NOT NULL,
    breastfeeding boolean,
    created_by_id integer NOT NULL,
    site_id bigint NOT NULL,
    study_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_subject_version_check CHECK ((version >= 0)),
    CONSTRAINT subject_born_before_consent CHECK ((consent_date > date_of_birth)),
    CONSTRAINT subject_consent_before_screening CHECK ((screening_date >= consent_date)),
    CONSTRAINT subject_height_range CHECK (((height_cm >= (100)::numeric) AND (height_cm <= (230)::numeric))),
    CONSTRAINT subject_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text)))),
    CONSTRAINT subject_weight_range CHECK (((weight_kg >= (25)::numeric) AND (weight_kg <= (250)::numeric)))
);


--
-- Name: ecrf_subject_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_subject ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_subject_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_subjectevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_subjectevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    screening_number character varying(20) NOT NULL,
    status character varying(20) NOT NULL,
    sex character varying(1) NOT NULL,
    date_of_birth date NOT NULL,
    height_cm numeric(4,1) NOT NULL,
    weight_kg numeric(4,1) NOT NULL,
    consent_date date NOT NULL,
    consent_version character varying(20) NOT NULL,
    screening_date date NOT NULL,
    childbearing_potential boolean,
    pregnancy_test character varying(12) NOT NULL,
    breastfeeding boolean,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    site_id bigint NOT NULL,
    study_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_subjectevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_subjectevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_subjectevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_subjectevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_submissionkey; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_submissionkey (
    id bigint NOT NULL,
    key uuid NOT NULL,
    path character varying(500) NOT NULL,
    response_status smallint,
    redirect_to character varying(2000) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    user_id integer NOT NULL,
    CONSTRAINT ecrf_submissionkey_response_status_check CHECK ((response_status >= 0))
);


--
-- Name: ecrf_submissionkey_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_submissionkey ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_submissionkey_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_treatmentsession; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_treatmentsession (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    number smallint NOT NULL,
    planned_minutes smallint NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone NOT NULL,
    gross_minutes integer NOT NULL,
    interruption_minutes integer NOT NULL,
    net_minutes integer NOT NULL,
    weight_kg numeric(4,1) NOT NULL,
    access_site character varying(20) NOT NULL,
    access_side character varying(5) NOT NULL,
    catheter_type character varying(20) NOT NULL,
    catheter_size_fr numeric(3,1) NOT NULL,
    blood_flow_ml_min smallint NOT NULL,
    plasma_flow_ml_min smallint,
    anticoagulation character varying(20) NOT NULL,
    cell_lot character varying(40) NOT NULL,
    total_cells_e9 numeric(7,3) NOT NULL,
    viability_percent numeric(4,1) NOT NULL,
    functional_percent numeric(4,1),
    device_serial character varying(40) NOT NULL,
    completed_as_planned boolean NOT NULL,
    termination_reason character varying(20) NOT NULL,
    termination_details text NOT NULL,
    created_by_id integer NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_treatmentsession_blood_flow_ml_min_check CHECK ((blood_flow_ml_min >= 0)),
    CONSTRAINT ecrf_treatmentsession_gross_minutes_check CHECK ((gross_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsession_interruption_minutes_check CHECK ((interruption_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsession_net_minutes_check CHECK ((net_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsession_number_check CHECK ((number >= 0)),
    CONSTRAINT ecrf_treatmentsession_planned_minutes_check CHECK ((planned_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsession_plasma_flow_ml_min_check CHECK ((plasma_flow_ml_min >= 0)),
    CONSTRAINT ecrf_treatmentsession_version_check CHECK ((version >= 0)),
    CONSTRAINT session_early_termination_has_reason CHECK ((completed_as_planned OR (NOT ((termination_reason)::text = ''::text)))),
    CONSTRAINT session_ends_after_start CHECK ((ended_at > started_at)),
    CONSTRAINT treatmentsession_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_treatmentsession_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_treatmentsession ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_treatmentsession_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_treatmentsessionevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_treatmentsessionevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    number smallint NOT NULL,
    planned_minutes smallint NOT NULL,
    started_at timestamp with time zone NOT NULL,
    ended_at timestamp with time zone NOT NULL,
    gross_minutes integer NOT NULL,
    interruption_minutes integer NOT NULL,
    net_minutes integer NOT NULL,
    weight_kg numeric(4,1) NOT NULL,
    access_site character varying(20) NOT NULL,
    access_side character varying(5) NOT NULL,
    catheter_type character varying(20) NOT NULL,
    catheter_size_fr numeric(3,1) NOT NULL,
    blood_flow_ml_min smallint NOT NULL,
    plasma_flow_ml_min smallint,
    anticoagulation character varying(20) NOT NULL,
    cell_lot character varying(40) NOT NULL,
    total_cells_e9 numeric(7,3) NOT NULL,
    viability_percent numeric(4,1) NOT NULL,
    functional_percent numeric(4,1),
    device_serial character varying(40) NOT NULL,
    completed_as_planned boolean NOT NULL,
    termination_reason character varying(20) NOT NULL,
    termination_details text NOT NULL,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_treatmentsessionevent_blood_flow_ml_min_check CHECK ((blood_flow_ml_min >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_gross_minutes_check CHECK ((gross_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_interruption_minutes_check CHECK ((interruption_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_net_minutes_check CHECK ((net_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_number_check CHECK ((number >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_planned_minutes_check CHECK ((planned_minutes >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_plasma_flow_ml_min_check CHECK ((plasma_flow_ml_min >= 0)),
    CONSTRAINT ecrf_treatmentsessionevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_treatmentsessionevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_treatmentsessionevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_treatmentsessionevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_vitalsigns; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_vitalsigns (
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    timepoint character varying(15) NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    systolic_bp smallint NOT NULL,
    diastolic_bp smallint NOT NULL,
    heart_rate smallint NOT NULL,
    respiratory_rate smallint,
    temperature_c numeric(3,1),
    spo2_percent smallint,
    created_by_id integer NOT NULL,
    session_id bigint,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_vitalsigns_diastolic_bp_check CHECK ((diastolic_bp >= 0)),
    CONSTRAINT ecrf_vitalsigns_heart_rate_check CHECK ((heart_rate >= 0)),
    CONSTRAINT ecrf_vitalsigns_respiratory_rate_check CHECK ((respiratory_rate >= 0)),
    CONSTRAINT ecrf_vitalsigns_spo2_percent_check CHECK ((spo2_percent >= 0)),
    CONSTRAINT ecrf_vitalsigns_systolic_bp_check CHECK ((systolic_bp >= 0)),
    CONSTRAINT ecrf_vitalsigns_version_check CHECK ((version >= 0)),
    CONSTRAINT vitals_diastolic_below_systolic CHECK ((diastolic_bp < systolic_bp)),
    CONSTRAINT vitalsigns_voided_has_reason CHECK (((voided_at IS NULL) OR (NOT (void_reason = ''::text))))
);


--
-- Name: ecrf_vitalsigns_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_vitalsigns ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_vitalsigns_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_vitalsignsevent; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ecrf_vitalsignsevent (
    pgh_id integer NOT NULL,
    pgh_created_at timestamp with time zone NOT NULL,
    pgh_label text NOT NULL,
    id bigint NOT NULL,
    version integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    form_status character varying(20) NOT NULL,
    timepoint character varying(15) NOT NULL,
    measured_at timestamp with time zone NOT NULL,
    systolic_bp smallint NOT NULL,
    diastolic_bp smallint NOT NULL,
    heart_rate smallint NOT NULL,
    respiratory_rate smallint,
    temperature_c numeric(3,1),
    spo2_percent smallint,
    created_by_id integer NOT NULL,
    pgh_context_id uuid,
    pgh_obj_id bigint NOT NULL,
    session_id bigint,
    subject_id bigint NOT NULL,
    void_reason text NOT NULL,
    voided_at timestamp with time zone,
    voided_by_id integer,
    CONSTRAINT ecrf_vitalsignsevent_diastolic_bp_check CHECK ((diastolic_bp >= 0)),
    CONSTRAINT ecrf_vitalsignsevent_heart_rate_check CHECK ((heart_rate >= 0)),
    CONSTRAINT ecrf_vitalsignsevent_respiratory_rate_check CHECK ((respiratory_rate >= 0)),
    CONSTRAINT ecrf_vitalsignsevent_spo2_percent_check CHECK ((spo2_percent >= 0)),
    CONSTRAINT ecrf_vitalsignsevent_systolic_bp_check CHECK ((systolic_bp >= 0)),
    CONSTRAINT ecrf_vitalsignsevent_version_check CHECK ((version >= 0))
);


--
-- Name: ecrf_vitalsignsevent_pgh_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.ecrf_vitalsignsevent ALTER COLUMN pgh_id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME public.ecrf_vitalsignsevent_pgh_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: ecrf_adverseevent ae_number_unique_per_subject; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseevent
    ADD CONSTRAINT ae_number_unique_per_subject UNIQUE (subject_id, number);


--
-- Name: ecrf_alert alert_once_per_trigger_deviation_recipient; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT alert_once_per_trigger_deviation_recipient UNIQUE (trigger, deviation_id, recipient_id);


--
-- Name: ecrf_alert alert_once_per_trigger_event_recipient; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT alert_once_per_trigger_event_recipient UNIQUE (trigger, adverse_event_id, recipient_id);


--
-- Name: ecrf_arm arm_code_unique_in_study; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_arm
    ADD CONSTRAINT arm_code_unique_in_study UNIQUE (study_id, code);


--
-- Name: ecrf_accountpreference ecrf_accountpreference_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_accountpreference
    ADD CONSTRAINT ecrf_accountpreference_pkey PRIMARY KEY (user_id);


--
-- Name: ecrf_adverseevent ecrf_adverseevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseevent
    ADD CONSTRAINT ecrf_adverseevent_pkey PRIMARY KEY (id);


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcoding_adverse_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcoding_adverse_event_id_key UNIQUE (adverse_event_id);


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcoding_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcoding_pkey PRIMARY KEY (id);


--
-- Name: ecrf_adverseeventcodingevent ecrf_adverseeventcodingevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcodingevent
    ADD CONSTRAINT ecrf_adverseeventcodingevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_adverseeventevent ecrf_adverseeventevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventevent
    ADD CONSTRAINT ecrf_adverseeventevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_adverseeventreview ecrf_adverseeventreview_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventreview
    ADD CONSTRAINT ecrf_adverseeventreview_pkey PRIMARY KEY (id);


--
-- Name: ecrf_adverseeventreviewevent ecrf_adverseeventreviewevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventreviewevent
    ADD CONSTRAINT ecrf_adverseeventreviewevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_alert ecrf_alert_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT ecrf_alert_pkey PRIMARY KEY (id);


--
-- Name: ecrf_alertevent ecrf_alertevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alertevent
    ADD CONSTRAINT ecrf_alertevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_anticoagulationcheck ecrf_anticoagulationcheck_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_anticoagulationcheck
    ADD CONSTRAINT ecrf_anticoagulationcheck_pkey PRIMARY KEY (id);


--
-- Name: ecrf_anticoagulationcheckevent ecrf_anticoagulationcheckevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_anticoagulationcheckevent
    ADD CONSTRAINT ecrf_anticoagulationcheckevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_arm ecrf_arm_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_arm
    ADD CONSTRAINT ecrf_arm_pkey PRIMARY KEY (id);


--
-- Name: ecrf_armevent ecrf_armevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_armevent
    ADD CONSTRAINT ecrf_armevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_clinicalstatus ecrf_clinicalstatus_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_clinicalstatus
    ADD CONSTRAINT ecrf_clinicalstatus_pkey PRIMARY KEY (id);


--
-- Name: ecrf_clinicalstatusevent ecrf_clinicalstatusevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_clinicalstatusevent
    ADD CONSTRAINT ecrf_clinicalstatusevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_committeedecision ecrf_committeedecision_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecision
    ADD CONSTRAINT ecrf_committeedecision_pkey PRIMARY KEY (id);


--
-- Name: ecrf_committeedecisionevent ecrf_committeedecisionevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecisionevent
    ADD CONSTRAINT ecrf_committeedecisionevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_concomitantmedication ecrf_concomitantmedication_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_concomitantmedication
    ADD CONSTRAINT ecrf_concomitantmedication_pkey PRIMARY KEY (id);


--
-- Name: ecrf_concomitantmedicationevent ecrf_concomitantmedicationevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_concomitantmedicationevent
    ADD CONSTRAINT ecrf_concomitantmedicationevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_datalock ecrf_datalock_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalock
    ADD CONSTRAINT ecrf_datalock_pkey PRIMARY KEY (id);


--
-- Name: ecrf_datalockevent ecrf_datalockevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalockevent
    ADD CONSTRAINT ecrf_datalockevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_dataquery ecrf_dataquery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquery
    ADD CONSTRAINT ecrf_dataquery_pkey PRIMARY KEY (id);


--
-- Name: ecrf_dataqueryevent ecrf_dataqueryevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataqueryevent
    ADD CONSTRAINT ecrf_dataqueryevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_dataquerymessage ecrf_dataquerymessage_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquerymessage
    ADD CONSTRAINT ecrf_dataquerymessage_pkey PRIMARY KEY (id);


--
-- Name: ecrf_dataquerymessageevent ecrf_dataquerymessageevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquerymessageevent
    ADD CONSTRAINT ecrf_dataquerymessageevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_deviation ecrf_deviation_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviation
    ADD CONSTRAINT ecrf_deviation_pkey PRIMARY KEY (id);


--
-- Name: ecrf_deviationevent ecrf_deviationevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviationevent
    ADD CONSTRAINT ecrf_deviationevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_devicecheck ecrf_devicecheck_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_devicecheck
    ADD CONSTRAINT ecrf_devicecheck_pkey PRIMARY KEY (id);


--
-- Name: ecrf_devicecheckevent ecrf_devicecheckevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_devicecheckevent
    ADD CONSTRAINT ecrf_devicecheckevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_disposition ecrf_disposition_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_disposition
    ADD CONSTRAINT ecrf_disposition_pkey PRIMARY KEY (id);


--
-- Name: ecrf_dispositionevent ecrf_dispositionevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dispositionevent
    ADD CONSTRAINT ecrf_dispositionevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_eligibilityanswer ecrf_eligibilityanswer_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswer
    ADD CONSTRAINT ecrf_eligibilityanswer_pkey PRIMARY KEY (id);


--
-- Name: ecrf_eligibilityanswerevent ecrf_eligibilityanswerevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswerevent
    ADD CONSTRAINT ecrf_eligibilityanswerevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_enrolment ecrf_enrolment_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_pkey PRIMARY KEY (id);


--
-- Name: ecrf_enrolment ecrf_enrolment_subject_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_subject_id_key UNIQUE (subject_id);


--
-- Name: ecrf_enrolmentevent ecrf_enrolmentevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolmentevent
    ADD CONSTRAINT ecrf_enrolmentevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_exportlog ecrf_exportlog_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_exportlog
    ADD CONSTRAINT ecrf_exportlog_pkey PRIMARY KEY (id);


--
-- Name: ecrf_exportlogevent ecrf_exportlogevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_exportlogevent
    ADD CONSTRAINT ecrf_exportlogevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_gaterefusal ecrf_gaterefusal_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_gaterefusal
    ADD CONSTRAINT ecrf_gaterefusal_pkey PRIMARY KEY (id);


--
-- Name: ecrf_gaterefusalevent ecrf_gaterefusalevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_gaterefusalevent
    ADD CONSTRAINT ecrf_gaterefusalevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_labpanel ecrf_labpanel_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanel
    ADD CONSTRAINT ecrf_labpanel_pkey PRIMARY KEY (id);


--
-- Name: ecrf_labpanelevent ecrf_labpanelevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanelevent
    ADD CONSTRAINT ecrf_labpanelevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_labresult ecrf_labresult_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresult
    ADD CONSTRAINT ecrf_labresult_pkey PRIMARY KEY (id);


--
-- Name: ecrf_labresultevent ecrf_labresultevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresultevent
    ADD CONSTRAINT ecrf_labresultevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_liverfailurediagnosis ecrf_liverfailurediagnosis_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverfailurediagnosis
    ADD CONSTRAINT ecrf_liverfailurediagnosis_pkey PRIMARY KEY (id);


--
-- Name: ecrf_liverfailurediagnosisevent ecrf_liverfailurediagnosisevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverfailurediagnosisevent
    ADD CONSTRAINT ecrf_liverfailurediagnosisevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_liverimaging ecrf_liverimaging_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverimaging
    ADD CONSTRAINT ecrf_liverimaging_pkey PRIMARY KEY (id);


--
-- Name: ecrf_liverimagingevent ecrf_liverimagingevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverimagingevent
    ADD CONSTRAINT ecrf_liverimagingevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_loginevent ecrf_loginevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_loginevent
    ADD CONSTRAINT ecrf_loginevent_pkey PRIMARY KEY (id);


--
-- Name: ecrf_medicalhistory ecrf_medicalhistory_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_medicalhistory
    ADD CONSTRAINT ecrf_medicalhistory_pkey PRIMARY KEY (id);


--
-- Name: ecrf_medicalhistoryevent ecrf_medicalhistoryevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_medicalhistoryevent
    ADD CONSTRAINT ecrf_medicalhistoryevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_membership ecrf_membership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_membership
    ADD CONSTRAINT ecrf_membership_pkey PRIMARY KEY (id);


--
-- Name: ecrf_membershipevent ecrf_membershipevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_membershipevent
    ADD CONSTRAINT ecrf_membershipevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_passwordchangerequired ecrf_passwordchangerequired_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_passwordchangerequired
    ADD CONSTRAINT ecrf_passwordchangerequired_pkey PRIMARY KEY (user_id);


--
-- Name: ecrf_passwordhistory ecrf_passwordhistory_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_passwordhistory
    ADD CONSTRAINT ecrf_passwordhistory_pkey PRIMARY KEY (id);


--
-- Name: ecrf_procedure ecrf_procedure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_procedure
    ADD CONSTRAINT ecrf_procedure_pkey PRIMARY KEY (id);


--
-- Name: ecrf_procedureevent ecrf_procedureevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_procedureevent
    ADD CONSTRAINT ecrf_procedureevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_referencerange ecrf_referencerange_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_referencerange
    ADD CONSTRAINT ecrf_referencerange_pkey PRIMARY KEY (id);


--
-- Name: ecrf_referencerangeevent ecrf_referencerangeevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_referencerangeevent
    ADD CONSTRAINT ecrf_referencerangeevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_renderedcasebook ecrf_renderedcasebook_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_renderedcasebook
    ADD CONSTRAINT ecrf_renderedcasebook_pkey PRIMARY KEY (id);


--
-- Name: ecrf_saereport ecrf_saereport_adverse_event_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereport
    ADD CONSTRAINT ecrf_saereport_adverse_event_id_key UNIQUE (adverse_event_id);


--
-- Name: ecrf_saereport ecrf_saereport_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereport
    ADD CONSTRAINT ecrf_saereport_pkey PRIMARY KEY (id);


--
-- Name: ecrf_saereportevent ecrf_saereportevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereportevent
    ADD CONSTRAINT ecrf_saereportevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_screenfailure ecrf_screenfailure_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailure
    ADD CONSTRAINT ecrf_screenfailure_pkey PRIMARY KEY (id);


--
-- Name: ecrf_screenfailure ecrf_screenfailure_subject_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailure
    ADD CONSTRAINT ecrf_screenfailure_subject_id_key UNIQUE (subject_id);


--
-- Name: ecrf_screenfailureevent ecrf_screenfailureevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailureevent
    ADD CONSTRAINT ecrf_screenfailureevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_sessioninterruption ecrf_sessioninterruption_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sessioninterruption
    ADD CONSTRAINT ecrf_sessioninterruption_pkey PRIMARY KEY (id);


--
-- Name: ecrf_sessioninterruptionevent ecrf_sessioninterruptionevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sessioninterruptionevent
    ADD CONSTRAINT ecrf_sessioninterruptionevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_signature ecrf_signature_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_signature
    ADD CONSTRAINT ecrf_signature_pkey PRIMARY KEY (id);


--
-- Name: ecrf_signatureevent ecrf_signatureevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_signatureevent
    ADD CONSTRAINT ecrf_signatureevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_site ecrf_site_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_site
    ADD CONSTRAINT ecrf_site_pkey PRIMARY KEY (id);


--
-- Name: ecrf_sourceverification ecrf_sourceverification_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sourceverification
    ADD CONSTRAINT ecrf_sourceverification_pkey PRIMARY KEY (id);


--
-- Name: ecrf_sourceverificationevent ecrf_sourceverificationevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sourceverificationevent
    ADD CONSTRAINT ecrf_sourceverificationevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_study ecrf_study_package_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_study
    ADD CONSTRAINT ecrf_study_package_key UNIQUE (package);


--
-- Name: ecrf_study ecrf_study_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_study
    ADD CONSTRAINT ecrf_study_pkey PRIMARY KEY (id);


--
-- Name: ecrf_study ecrf_study_registry_id_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_study
    ADD CONSTRAINT ecrf_study_registry_id_key UNIQUE (registry_id);


--
-- Name: ecrf_subject ecrf_subject_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT ecrf_subject_pkey PRIMARY KEY (id);


--
-- Name: ecrf_subjectevent ecrf_subjectevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subjectevent
    ADD CONSTRAINT ecrf_subjectevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_submissionkey ecrf_submissionkey_key_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_submissionkey
    ADD CONSTRAINT ecrf_submissionkey_key_key UNIQUE (key);


--
-- Name: ecrf_submissionkey ecrf_submissionkey_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_submissionkey
    ADD CONSTRAINT ecrf_submissionkey_pkey PRIMARY KEY (id);


--
-- Name: ecrf_treatmentsession ecrf_treatmentsession_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_treatmentsession
    ADD CONSTRAINT ecrf_treatmentsession_pkey PRIMARY KEY (id);


--
-- Name: ecrf_treatmentsessionevent ecrf_treatmentsessionevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_treatmentsessionevent
    ADD CONSTRAINT ecrf_treatmentsessionevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_vitalsigns ecrf_vitalsigns_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsigns
    ADD CONSTRAINT ecrf_vitalsigns_pkey PRIMARY KEY (id);


--
-- Name: ecrf_vitalsignsevent ecrf_vitalsignsevent_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsignsevent
    ADD CONSTRAINT ecrf_vitalsignsevent_pkey PRIMARY KEY (pgh_id);


--
-- Name: ecrf_eligibilityanswer eligibility_one_answer_per_criterion; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswer
    ADD CONSTRAINT eligibility_one_answer_per_criterion UNIQUE (subject_id, criterion_code);


--
-- Name: ecrf_membership membership_one_role_per_site; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_membership
    ADD CONSTRAINT membership_one_role_per_site UNIQUE (user_id, site_id);


--
-- Name: ecrf_renderedcasebook rendered_casebook_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_renderedcasebook
    ADD CONSTRAINT rendered_casebook_key UNIQUE (subject_id, variant);


--
-- Name: ecrf_site site_code_unique_in_study; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_site
    ADD CONSTRAINT site_code_unique_in_study UNIQUE (study_id, code);


--
-- Name: ecrf_subject subject_number_unique_in_study; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT subject_number_unique_in_study UNIQUE (study_id, screening_number);


--
-- Name: ae_dlt_candidate_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_dlt_candidate_idx ON public.ecrf_adverseevent USING btree (dlt_candidate);


--
-- Name: ae_dlt_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_dlt_idx ON public.ecrf_adverseevent USING btree (dlt);


--
-- Name: ae_grade_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_grade_idx ON public.ecrf_adverseevent USING btree (grade);


--
-- Name: ae_onset_order_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_onset_order_idx ON public.ecrf_adverseevent USING btree (onset_date, id);


--
-- Name: ae_other_specify_prefix_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_other_specify_prefix_idx ON public.ecrf_adverseevent USING btree (upper((other_specify)::text) COLLATE "C");


--
-- Name: ae_related_cells_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_related_cells_idx ON public.ecrf_adverseevent USING btree (related_cells);


--
-- Name: ae_related_device_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_related_device_idx ON public.ecrf_adverseevent USING btree (related_device);


--
-- Name: ae_related_procedure_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_related_procedure_idx ON public.ecrf_adverseevent USING btree (related_procedure);


--
-- Name: ae_review_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_review_idx ON public.ecrf_adverseeventreview USING btree (adverse_event_id, reviewed_at);


--
-- Name: ae_serious_grade_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_serious_grade_idx ON public.ecrf_adverseevent USING btree (serious, grade);


--
-- Name: ae_term_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_term_idx ON public.ecrf_adverseevent USING btree (ctcae_term);


--
-- Name: ae_verbatim_prefix_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ae_verbatim_prefix_idx ON public.ecrf_adverseevent USING btree (upper((verbatim_term)::text) COLLATE "C");


--
-- Name: alert_recipient_read_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_recipient_read_idx ON public.ecrf_alert USING btree (recipient_id, read_at);


--
-- Name: alert_unsent_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX alert_unsent_idx ON public.ecrf_alert USING btree (created_at) WHERE (emailed_at IS NULL);


--
-- Name: clinical_status_once_a_day; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX clinical_status_once_a_day ON public.ecrf_clinicalstatus USING btree (subject_id, assessed_on) WHERE (voided_at IS NULL);


--
-- Name: committee_study_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX committee_study_idx ON public.ecrf_committeedecision USING btree (study_id, signed_at);


--
-- Name: datalock_in_force_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX datalock_in_force_idx ON public.ecrf_datalock USING btree (study_id, subject_id) WHERE (released_at IS NULL);


--
-- Name: datalock_one_in_force_per_scope; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX datalock_one_in_force_per_scope ON public.ecrf_datalock USING btree (study_id, subject_id, form_table, form_id) NULLS NOT DISTINCT WHERE (released_at IS NULL);


--
-- Name: deviation_automatic_once_per_rule_and_record; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX deviation_automatic_once_per_rule_and_record ON public.ecrf_deviation USING btree (subject_id, rule, session_id) NULLS NOT DISTINCT WHERE automatic;


--
-- Name: deviation_subject_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX deviation_subject_date_idx ON public.ecrf_deviation USING btree (subject_id, occurred_on);


--
-- Name: device_check_once_per_session; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX device_check_once_per_session ON public.ecrf_devicecheck USING btree (session_id, criterion) WHERE (voided_at IS NULL);


--
-- Name: disposition_one_live_per_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX disposition_one_live_per_subject ON public.ecrf_disposition USING btree (subject_id) WHERE (voided_at IS NULL);


--
-- Name: ecrf_adverseevent_created_by_id_93a4f563; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseevent_created_by_id_93a4f563 ON public.ecrf_adverseevent USING btree (created_by_id);


--
-- Name: ecrf_adverseevent_subject_id_94ac6892; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseevent_subject_id_94ac6892 ON public.ecrf_adverseevent USING btree (subject_id);


--
-- Name: ecrf_adverseevent_voided_by_id_79bed600; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseevent_voided_by_id_79bed600 ON public.ecrf_adverseevent USING btree (voided_by_id);


--
-- Name: ecrf_adverseeventcoding_coded_by_id_7aaa6056; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcoding_coded_by_id_7aaa6056 ON public.ecrf_adverseeventcoding USING btree (coded_by_id);


--
-- Name: ecrf_adverseeventcoding_created_by_id_e816cde2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcoding_created_by_id_e816cde2 ON public.ecrf_adverseeventcoding USING btree (created_by_id);


--
-- Name: ecrf_adverseeventcoding_voided_by_id_022b01eb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcoding_voided_by_id_022b01eb ON public.ecrf_adverseeventcoding USING btree (voided_by_id);


--
-- Name: ecrf_adverseeventcodingevent_adverse_event_id_118a1660; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcodingevent_adverse_event_id_118a1660 ON public.ecrf_adverseeventcodingevent USING btree (adverse_event_id);


--
-- Name: ecrf_adverseeventcodingevent_coded_by_id_0a5d7765; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcodingevent_coded_by_id_0a5d7765 ON public.ecrf_adverseeventcodingevent USING btree (coded_by_id);


--
-- Name: ecrf_adverseeventcodingevent_created_by_id_4f53ef4c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcodingevent_created_by_id_4f53ef4c ON public.ecrf_adverseeventcodingevent USING btree (created_by_id);


--
-- Name: ecrf_adverseeventcodingevent_pgh_context_id_476e5e30; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcodingevent_pgh_context_id_476e5e30 ON public.ecrf_adverseeventcodingevent USING btree (pgh_context_id);


--
-- Name: ecrf_adverseeventcodingevent_voided_by_id_7a290c3a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventcodingevent_voided_by_id_7a290c3a ON public.ecrf_adverseeventcodingevent USING btree (voided_by_id);


--
-- Name: ecrf_adverseeventevent_created_by_id_650c0a7b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventevent_created_by_id_650c0a7b ON public.ecrf_adverseeventevent USING btree (created_by_id);


--
-- Name: ecrf_adverseeventevent_pgh_context_id_9e8ebda7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventevent_pgh_context_id_9e8ebda7 ON public.ecrf_adverseeventevent USING btree (pgh_context_id);


--
-- Name: ecrf_adverseeventevent_subject_id_f66881bc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventevent_subject_id_f66881bc ON public.ecrf_adverseeventevent USING btree (subject_id);


--
-- Name: ecrf_adverseeventevent_voided_by_id_6abe279c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventevent_voided_by_id_6abe279c ON public.ecrf_adverseeventevent USING btree (voided_by_id);


--
-- Name: ecrf_adverseeventreview_adverse_event_id_f5783af9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventreview_adverse_event_id_f5783af9 ON public.ecrf_adverseeventreview USING btree (adverse_event_id);


--
-- Name: ecrf_adverseeventreview_reviewer_id_0fb740f3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventreview_reviewer_id_0fb740f3 ON public.ecrf_adverseeventreview USING btree (reviewer_id);


--
-- Name: ecrf_adverseeventreviewevent_adverse_event_id_d327abe6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventreviewevent_adverse_event_id_d327abe6 ON public.ecrf_adverseeventreviewevent USING btree (adverse_event_id);


--
-- Name: ecrf_adverseeventreviewevent_pgh_context_id_bf9f574f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventreviewevent_pgh_context_id_bf9f574f ON public.ecrf_adverseeventreviewevent USING btree (pgh_context_id);


--
-- Name: ecrf_adverseeventreviewevent_reviewer_id_c7325176; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_adverseeventreviewevent_reviewer_id_c7325176 ON public.ecrf_adverseeventreviewevent USING btree (reviewer_id);


--
-- Name: ecrf_alert_adverse_event_id_62219be4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alert_adverse_event_id_62219be4 ON public.ecrf_alert USING btree (adverse_event_id);


--
-- Name: ecrf_alert_deviation_id_4b1e8191; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alert_deviation_id_4b1e8191 ON public.ecrf_alert USING btree (deviation_id);


--
-- Name: ecrf_alert_recipient_id_23d6d24e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alert_recipient_id_23d6d24e ON public.ecrf_alert USING btree (recipient_id);


--
-- Name: ecrf_alert_subject_id_f1ff4db7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alert_subject_id_f1ff4db7 ON public.ecrf_alert USING btree (subject_id);


--
-- Name: ecrf_alertevent_adverse_event_id_5a014258; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alertevent_adverse_event_id_5a014258 ON public.ecrf_alertevent USING btree (adverse_event_id);


--
-- Name: ecrf_alertevent_deviation_id_765c188d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alertevent_deviation_id_765c188d ON public.ecrf_alertevent USING btree (deviation_id);


--
-- Name: ecrf_alertevent_pgh_context_id_36c95d0e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alertevent_pgh_context_id_36c95d0e ON public.ecrf_alertevent USING btree (pgh_context_id);


--
-- Name: ecrf_alertevent_recipient_id_ee60b0c9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alertevent_recipient_id_ee60b0c9 ON public.ecrf_alertevent USING btree (recipient_id);


--
-- Name: ecrf_alertevent_subject_id_a7241db8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_alertevent_subject_id_a7241db8 ON public.ecrf_alertevent USING btree (subject_id);


--
-- Name: ecrf_anticoagulationcheck_created_by_id_d09b4509; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheck_created_by_id_d09b4509 ON public.ecrf_anticoagulationcheck USING btree (created_by_id);


--
-- Name: ecrf_anticoagulationcheck_session_id_34aa396c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheck_session_id_34aa396c ON public.ecrf_anticoagulationcheck USING btree (session_id);


--
-- Name: ecrf_anticoagulationcheck_voided_by_id_9a6e3d58; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheck_voided_by_id_9a6e3d58 ON public.ecrf_anticoagulationcheck USING btree (voided_by_id);


--
-- Name: ecrf_anticoagulationcheckevent_created_by_id_ed677ef7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheckevent_created_by_id_ed677ef7 ON public.ecrf_anticoagulationcheckevent USING btree (created_by_id);


--
-- Name: ecrf_anticoagulationcheckevent_pgh_context_id_fd9159af; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheckevent_pgh_context_id_fd9159af ON public.ecrf_anticoagulationcheckevent USING btree (pgh_context_id);


--
-- Name: ecrf_anticoagulationcheckevent_session_id_5a1bbc77; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheckevent_session_id_5a1bbc77 ON public.ecrf_anticoagulationcheckevent USING btree (session_id);


--
-- Name: ecrf_anticoagulationcheckevent_voided_by_id_9b86dc16; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_anticoagulationcheckevent_voided_by_id_9b86dc16 ON public.ecrf_anticoagulationcheckevent USING btree (voided_by_id);


--
-- Name: ecrf_arm_study_id_11bfc7ea; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_arm_study_id_11bfc7ea ON public.ecrf_arm USING btree (study_id);


--
-- Name: ecrf_armevent_pgh_context_id_a25b4ee4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_armevent_pgh_context_id_a25b4ee4 ON public.ecrf_armevent USING btree (pgh_context_id);


--
-- Name: ecrf_armevent_study_id_fba2649e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_armevent_study_id_fba2649e ON public.ecrf_armevent USING btree (study_id);


--
-- Name: ecrf_clinicalstatus_created_by_id_7b8d86c3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatus_created_by_id_7b8d86c3 ON public.ecrf_clinicalstatus USING btree (created_by_id);


--
-- Name: ecrf_clinicalstatus_subject_id_fc686895; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatus_subject_id_fc686895 ON public.ecrf_clinicalstatus USING btree (subject_id);


--
-- Name: ecrf_clinicalstatus_voided_by_id_e2abe794; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatus_voided_by_id_e2abe794 ON public.ecrf_clinicalstatus USING btree (voided_by_id);


--
-- Name: ecrf_clinicalstatusevent_created_by_id_a6177a79; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatusevent_created_by_id_a6177a79 ON public.ecrf_clinicalstatusevent USING btree (created_by_id);


--
-- Name: ecrf_clinicalstatusevent_pgh_context_id_8ee330a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatusevent_pgh_context_id_8ee330a9 ON public.ecrf_clinicalstatusevent USING btree (pgh_context_id);


--
-- Name: ecrf_clinicalstatusevent_subject_id_ad4c1ce7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatusevent_subject_id_ad4c1ce7 ON public.ecrf_clinicalstatusevent USING btree (subject_id);


--
-- Name: ecrf_clinicalstatusevent_voided_by_id_f11d0de0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_clinicalstatusevent_voided_by_id_f11d0de0 ON public.ecrf_clinicalstatusevent USING btree (voided_by_id);


--
-- Name: ecrf_committeedecision_arm_id_f046e606; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecision_arm_id_f046e606 ON public.ecrf_committeedecision USING btree (arm_id);


--
-- Name: ecrf_committeedecision_opened_arm_id_e89bf9db; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecision_opened_arm_id_e89bf9db ON public.ecrf_committeedecision USING btree (opened_arm_id);


--
-- Name: ecrf_committeedecision_signed_by_id_2b9c1c39; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecision_signed_by_id_2b9c1c39 ON public.ecrf_committeedecision USING btree (signed_by_id);


--
-- Name: ecrf_committeedecision_study_id_aa11de2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecision_study_id_aa11de2d ON public.ecrf_committeedecision USING btree (study_id);


--
-- Name: ecrf_committeedecisionevent_arm_id_979c23fc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecisionevent_arm_id_979c23fc ON public.ecrf_committeedecisionevent USING btree (arm_id);


--
-- Name: ecrf_committeedecisionevent_opened_arm_id_9e0135ad; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecisionevent_opened_arm_id_9e0135ad ON public.ecrf_committeedecisionevent USING btree (opened_arm_id);


--
-- Name: ecrf_committeedecisionevent_pgh_context_id_783e5828; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecisionevent_pgh_context_id_783e5828 ON public.ecrf_committeedecisionevent USING btree (pgh_context_id);


--
-- Name: ecrf_committeedecisionevent_signed_by_id_ba2702a3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecisionevent_signed_by_id_ba2702a3 ON public.ecrf_committeedecisionevent USING btree (signed_by_id);


--
-- Name: ecrf_committeedecisionevent_study_id_5ba2df43; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_committeedecisionevent_study_id_5ba2df43 ON public.ecrf_committeedecisionevent USING btree (study_id);


--
-- Name: ecrf_concomitantmedication_created_by_id_23e8268b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedication_created_by_id_23e8268b ON public.ecrf_concomitantmedication USING btree (created_by_id);


--
-- Name: ecrf_concomitantmedication_subject_id_f9105d3b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedication_subject_id_f9105d3b ON public.ecrf_concomitantmedication USING btree (subject_id);


--
-- Name: ecrf_concomitantmedication_voided_by_id_ef261c29; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedication_voided_by_id_ef261c29 ON public.ecrf_concomitantmedication USING btree (voided_by_id);


--
-- Name: ecrf_concomitantmedicationevent_created_by_id_1bbe7b01; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedicationevent_created_by_id_1bbe7b01 ON public.ecrf_concomitantmedicationevent USING btree (created_by_id);


--
-- Name: ecrf_concomitantmedicationevent_pgh_context_id_bc6e6799; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedicationevent_pgh_context_id_bc6e6799 ON public.ecrf_concomitantmedicationevent USING btree (pgh_context_id);


--
-- Name: ecrf_concomitantmedicationevent_subject_id_d744fba7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedicationevent_subject_id_d744fba7 ON public.ecrf_concomitantmedicationevent USING btree (subject_id);


--
-- Name: ecrf_concomitantmedicationevent_voided_by_id_ef025151; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_concomitantmedicationevent_voided_by_id_ef025151 ON public.ecrf_concomitantmedicationevent USING btree (voided_by_id);


--
-- Name: ecrf_datalock_released_by_id_8c213452; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalock_released_by_id_8c213452 ON public.ecrf_datalock USING btree (released_by_id);


--
-- Name: ecrf_datalock_set_by_id_f64387b5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalock_set_by_id_f64387b5 ON public.ecrf_datalock USING btree (set_by_id);


--
-- Name: ecrf_datalock_study_id_3072fe5c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalock_study_id_3072fe5c ON public.ecrf_datalock USING btree (study_id);


--
-- Name: ecrf_datalock_subject_id_58baa85c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalock_subject_id_58baa85c ON public.ecrf_datalock USING btree (subject_id);


--
-- Name: ecrf_datalockevent_pgh_context_id_48e73aef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalockevent_pgh_context_id_48e73aef ON public.ecrf_datalockevent USING btree (pgh_context_id);


--
-- Name: ecrf_datalockevent_released_by_id_804a0468; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalockevent_released_by_id_804a0468 ON public.ecrf_datalockevent USING btree (released_by_id);


--
-- Name: ecrf_datalockevent_set_by_id_55848cdc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalockevent_set_by_id_55848cdc ON public.ecrf_datalockevent USING btree (set_by_id);


--
-- Name: ecrf_datalockevent_study_id_b2f7dc59; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalockevent_study_id_b2f7dc59 ON public.ecrf_datalockevent USING btree (study_id);


--
-- Name: ecrf_datalockevent_subject_id_925aab7d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_datalockevent_subject_id_925aab7d ON public.ecrf_datalockevent USING btree (subject_id);


--
-- Name: ecrf_dataquery_content_type_id_288cbcc5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquery_content_type_id_288cbcc5 ON public.ecrf_dataquery USING btree (content_type_id);


--
-- Name: ecrf_dataquery_raised_by_id_80b6cff5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquery_raised_by_id_80b6cff5 ON public.ecrf_dataquery USING btree (raised_by_id);


--
-- Name: ecrf_dataquery_study_id_dc504f0a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquery_study_id_dc504f0a ON public.ecrf_dataquery USING btree (study_id);


--
-- Name: ecrf_dataquery_subject_id_85695eb4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquery_subject_id_85695eb4 ON public.ecrf_dataquery USING btree (subject_id);


--
-- Name: ecrf_dataqueryevent_content_type_id_fef0952b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataqueryevent_content_type_id_fef0952b ON public.ecrf_dataqueryevent USING btree (content_type_id);


--
-- Name: ecrf_dataqueryevent_pgh_context_id_12efe467; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataqueryevent_pgh_context_id_12efe467 ON public.ecrf_dataqueryevent USING btree (pgh_context_id);


--
-- Name: ecrf_dataqueryevent_raised_by_id_9a09be0c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataqueryevent_raised_by_id_9a09be0c ON public.ecrf_dataqueryevent USING btree (raised_by_id);


--
-- Name: ecrf_dataqueryevent_study_id_650d9d68; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataqueryevent_study_id_650d9d68 ON public.ecrf_dataqueryevent USING btree (study_id);


--
-- Name: ecrf_dataqueryevent_subject_id_c3d93f81; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataqueryevent_subject_id_c3d93f81 ON public.ecrf_dataqueryevent USING btree (subject_id);


--
-- Name: ecrf_dataquerymessage_author_id_87868e7b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquerymessage_author_id_87868e7b ON public.ecrf_dataquerymessage USING btree (author_id);


--
-- Name: ecrf_dataquerymessage_query_id_52ed08e6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquerymessage_query_id_52ed08e6 ON public.ecrf_dataquerymessage USING btree (query_id);


--
-- Name: ecrf_dataquerymessageevent_author_id_fd0e67ef; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquerymessageevent_author_id_fd0e67ef ON public.ecrf_dataquerymessageevent USING btree (author_id);


--
-- Name: ecrf_dataquerymessageevent_pgh_context_id_48f32b9c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquerymessageevent_pgh_context_id_48f32b9c ON public.ecrf_dataquerymessageevent USING btree (pgh_context_id);


--
-- Name: ecrf_dataquerymessageevent_query_id_a487ea67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dataquerymessageevent_query_id_a487ea67 ON public.ecrf_dataquerymessageevent USING btree (query_id);


--
-- Name: ecrf_deviation_created_by_id_613b0d71; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviation_created_by_id_613b0d71 ON public.ecrf_deviation USING btree (created_by_id);


--
-- Name: ecrf_deviation_session_id_464b5295; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviation_session_id_464b5295 ON public.ecrf_deviation USING btree (session_id);


--
-- Name: ecrf_deviation_subject_id_c856a056; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviation_subject_id_c856a056 ON public.ecrf_deviation USING btree (subject_id);


--
-- Name: ecrf_deviation_voided_by_id_7b246278; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviation_voided_by_id_7b246278 ON public.ecrf_deviation USING btree (voided_by_id);


--
-- Name: ecrf_deviationevent_created_by_id_f5a5b91f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviationevent_created_by_id_f5a5b91f ON public.ecrf_deviationevent USING btree (created_by_id);


--
-- Name: ecrf_deviationevent_pgh_context_id_641ae169; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviationevent_pgh_context_id_641ae169 ON public.ecrf_deviationevent USING btree (pgh_context_id);


--
-- Name: ecrf_deviationevent_session_id_3b2c19fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviationevent_session_id_3b2c19fb ON public.ecrf_deviationevent USING btree (session_id);


--
-- Name: ecrf_deviationevent_subject_id_9baa518d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviationevent_subject_id_9baa518d ON public.ecrf_deviationevent USING btree (subject_id);


--
-- Name: ecrf_deviationevent_voided_by_id_850a6c12; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_deviationevent_voided_by_id_850a6c12 ON public.ecrf_deviationevent USING btree (voided_by_id);


--
-- Name: ecrf_devicecheck_created_by_id_f534c7b3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheck_created_by_id_f534c7b3 ON public.ecrf_devicecheck USING btree (created_by_id);


--
-- Name: ecrf_devicecheck_session_id_7d4031e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheck_session_id_7d4031e1 ON public.ecrf_devicecheck USING btree (session_id);


--
-- Name: ecrf_devicecheck_voided_by_id_703a4e67; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheck_voided_by_id_703a4e67 ON public.ecrf_devicecheck USING btree (voided_by_id);


--
-- Name: ecrf_devicecheckevent_created_by_id_e53e4b47; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheckevent_created_by_id_e53e4b47 ON public.ecrf_devicecheckevent USING btree (created_by_id);


--
-- Name: ecrf_devicecheckevent_pgh_context_id_300ba8c1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheckevent_pgh_context_id_300ba8c1 ON public.ecrf_devicecheckevent USING btree (pgh_context_id);


--
-- Name: ecrf_devicecheckevent_session_id_11747a19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheckevent_session_id_11747a19 ON public.ecrf_devicecheckevent USING btree (session_id);


--
-- Name: ecrf_devicecheckevent_voided_by_id_4d0950bc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_devicecheckevent_voided_by_id_4d0950bc ON public.ecrf_devicecheckevent USING btree (voided_by_id);


--
-- Name: ecrf_disposition_created_by_id_039f9da0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_disposition_created_by_id_039f9da0 ON public.ecrf_disposition USING btree (created_by_id);


--
-- Name: ecrf_disposition_subject_id_f4d8f206; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_disposition_subject_id_f4d8f206 ON public.ecrf_disposition USING btree (subject_id);


--
-- Name: ecrf_disposition_voided_by_id_0bf6243c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_disposition_voided_by_id_0bf6243c ON public.ecrf_disposition USING btree (voided_by_id);


--
-- Name: ecrf_dispositionevent_created_by_id_61d1a9d8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dispositionevent_created_by_id_61d1a9d8 ON public.ecrf_dispositionevent USING btree (created_by_id);


--
-- Name: ecrf_dispositionevent_pgh_context_id_89da4cad; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dispositionevent_pgh_context_id_89da4cad ON public.ecrf_dispositionevent USING btree (pgh_context_id);


--
-- Name: ecrf_dispositionevent_subject_id_c887bc53; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dispositionevent_subject_id_c887bc53 ON public.ecrf_dispositionevent USING btree (subject_id);


--
-- Name: ecrf_dispositionevent_voided_by_id_a39a1cfe; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_dispositionevent_voided_by_id_a39a1cfe ON public.ecrf_dispositionevent USING btree (voided_by_id);


--
-- Name: ecrf_eligibilityanswer_created_by_id_8fa09ea8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswer_created_by_id_8fa09ea8 ON public.ecrf_eligibilityanswer USING btree (created_by_id);


--
-- Name: ecrf_eligibilityanswer_subject_id_3409f57a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswer_subject_id_3409f57a ON public.ecrf_eligibilityanswer USING btree (subject_id);


--
-- Name: ecrf_eligibilityanswer_voided_by_id_b88e8bf6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswer_voided_by_id_b88e8bf6 ON public.ecrf_eligibilityanswer USING btree (voided_by_id);


--
-- Name: ecrf_eligibilityanswerevent_created_by_id_2688d381; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswerevent_created_by_id_2688d381 ON public.ecrf_eligibilityanswerevent USING btree (created_by_id);


--
-- Name: ecrf_eligibilityanswerevent_pgh_context_id_23d15e49; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswerevent_pgh_context_id_23d15e49 ON public.ecrf_eligibilityanswerevent USING btree (pgh_context_id);


--
-- Name: ecrf_eligibilityanswerevent_subject_id_e0a68011; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswerevent_subject_id_e0a68011 ON public.ecrf_eligibilityanswerevent USING btree (subject_id);


--
-- Name: ecrf_eligibilityanswerevent_voided_by_id_f0ed628b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_eligibilityanswerevent_voided_by_id_f0ed628b ON public.ecrf_eligibilityanswerevent USING btree (voided_by_id);


--
-- Name: ecrf_enrolment_arm_id_60c44ade; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolment_arm_id_60c44ade ON public.ecrf_enrolment USING btree (arm_id);


--
-- Name: ecrf_enrolment_created_by_id_1df91fd9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolment_created_by_id_1df91fd9 ON public.ecrf_enrolment USING btree (created_by_id);


--
-- Name: ecrf_enrolment_voided_by_id_f25d11b8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolment_voided_by_id_f25d11b8 ON public.ecrf_enrolment USING btree (voided_by_id);


--
-- Name: ecrf_enrolmentevent_arm_id_a136b7a8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolmentevent_arm_id_a136b7a8 ON public.ecrf_enrolmentevent USING btree (arm_id);


--
-- Name: ecrf_enrolmentevent_created_by_id_0202481a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolmentevent_created_by_id_0202481a ON public.ecrf_enrolmentevent USING btree (created_by_id);


--
-- Name: ecrf_enrolmentevent_pgh_context_id_6ee2abdd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolmentevent_pgh_context_id_6ee2abdd ON public.ecrf_enrolmentevent USING btree (pgh_context_id);


--
-- Name: ecrf_enrolmentevent_subject_id_e2d4e650; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolmentevent_subject_id_e2d4e650 ON public.ecrf_enrolmentevent USING btree (subject_id);


--
-- Name: ecrf_enrolmentevent_voided_by_id_86bde02d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_enrolmentevent_voided_by_id_86bde02d ON public.ecrf_enrolmentevent USING btree (voided_by_id);


--
-- Name: ecrf_exportlog_exported_by_id_b34be1b8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_exportlog_exported_by_id_b34be1b8 ON public.ecrf_exportlog USING btree (exported_by_id);


--
-- Name: ecrf_exportlog_study_id_524f69f6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_exportlog_study_id_524f69f6 ON public.ecrf_exportlog USING btree (study_id);


--
-- Name: ecrf_exportlogevent_exported_by_id_1c69c475; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_exportlogevent_exported_by_id_1c69c475 ON public.ecrf_exportlogevent USING btree (exported_by_id);


--
-- Name: ecrf_exportlogevent_pgh_context_id_13cdcff8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_exportlogevent_pgh_context_id_13cdcff8 ON public.ecrf_exportlogevent USING btree (pgh_context_id);


--
-- Name: ecrf_exportlogevent_study_id_7895b54b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_exportlogevent_study_id_7895b54b ON public.ecrf_exportlogevent USING btree (study_id);


--
-- Name: ecrf_gaterefusal_arm_id_20cb1fc7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusal_arm_id_20cb1fc7 ON public.ecrf_gaterefusal USING btree (arm_id);


--
-- Name: ecrf_gaterefusal_subject_id_52a174a7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusal_subject_id_52a174a7 ON public.ecrf_gaterefusal USING btree (subject_id);


--
-- Name: ecrf_gaterefusal_user_id_e37266c2; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusal_user_id_e37266c2 ON public.ecrf_gaterefusal USING btree (user_id);


--
-- Name: ecrf_gaterefusalevent_arm_id_2e54f8a6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusalevent_arm_id_2e54f8a6 ON public.ecrf_gaterefusalevent USING btree (arm_id);


--
-- Name: ecrf_gaterefusalevent_pgh_context_id_6c5b8cbd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusalevent_pgh_context_id_6c5b8cbd ON public.ecrf_gaterefusalevent USING btree (pgh_context_id);


--
-- Name: ecrf_gaterefusalevent_subject_id_bc866690; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusalevent_subject_id_bc866690 ON public.ecrf_gaterefusalevent USING btree (subject_id);


--
-- Name: ecrf_gaterefusalevent_user_id_bae3782d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_gaterefusalevent_user_id_bae3782d ON public.ecrf_gaterefusalevent USING btree (user_id);


--
-- Name: ecrf_labpanel_created_by_id_3542117e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanel_created_by_id_3542117e ON public.ecrf_labpanel USING btree (created_by_id);


--
-- Name: ecrf_labpanel_session_id_2a514d30; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanel_session_id_2a514d30 ON public.ecrf_labpanel USING btree (session_id);


--
-- Name: ecrf_labpanel_subject_id_d7228899; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanel_subject_id_d7228899 ON public.ecrf_labpanel USING btree (subject_id);


--
-- Name: ecrf_labpanel_voided_by_id_0e8d656e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanel_voided_by_id_0e8d656e ON public.ecrf_labpanel USING btree (voided_by_id);


--
-- Name: ecrf_labpanelevent_created_by_id_836916e8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanelevent_created_by_id_836916e8 ON public.ecrf_labpanelevent USING btree (created_by_id);


--
-- Name: ecrf_labpanelevent_pgh_context_id_274810bc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanelevent_pgh_context_id_274810bc ON public.ecrf_labpanelevent USING btree (pgh_context_id);


--
-- Name: ecrf_labpanelevent_session_id_1098a24e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanelevent_session_id_1098a24e ON public.ecrf_labpanelevent USING btree (session_id);


--
-- Name: ecrf_labpanelevent_subject_id_0a83ac8a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanelevent_subject_id_0a83ac8a ON public.ecrf_labpanelevent USING btree (subject_id);


--
-- Name: ecrf_labpanelevent_voided_by_id_a063b9ca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labpanelevent_voided_by_id_a063b9ca ON public.ecrf_labpanelevent USING btree (voided_by_id);


--
-- Name: ecrf_labresult_created_by_id_5cc410f3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresult_created_by_id_5cc410f3 ON public.ecrf_labresult USING btree (created_by_id);


--
-- Name: ecrf_labresult_panel_id_0c6172bf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresult_panel_id_0c6172bf ON public.ecrf_labresult USING btree (panel_id);


--
-- Name: ecrf_labresult_subject_id_737cad19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresult_subject_id_737cad19 ON public.ecrf_labresult USING btree (subject_id);


--
-- Name: ecrf_labresult_voided_by_id_af7ef2f9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresult_voided_by_id_af7ef2f9 ON public.ecrf_labresult USING btree (voided_by_id);


--
-- Name: ecrf_labresultevent_created_by_id_3072c221; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresultevent_created_by_id_3072c221 ON public.ecrf_labresultevent USING btree (created_by_id);


--
-- Name: ecrf_labresultevent_panel_id_e7169f54; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresultevent_panel_id_e7169f54 ON public.ecrf_labresultevent USING btree (panel_id);


--
-- Name: ecrf_labresultevent_pgh_context_id_4b266e0f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresultevent_pgh_context_id_4b266e0f ON public.ecrf_labresultevent USING btree (pgh_context_id);


--
-- Name: ecrf_labresultevent_subject_id_29f1bfa3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresultevent_subject_id_29f1bfa3 ON public.ecrf_labresultevent USING btree (subject_id);


--
-- Name: ecrf_labresultevent_voided_by_id_ed74f2df; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_labresultevent_voided_by_id_ed74f2df ON public.ecrf_labresultevent USING btree (voided_by_id);


--
-- Name: ecrf_liverfailurediagnosis_created_by_id_3750b599; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosis_created_by_id_3750b599 ON public.ecrf_liverfailurediagnosis USING btree (created_by_id);


--
-- Name: ecrf_liverfailurediagnosis_subject_id_35474e8e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosis_subject_id_35474e8e ON public.ecrf_liverfailurediagnosis USING btree (subject_id);


--
-- Name: ecrf_liverfailurediagnosis_voided_by_id_d6460391; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosis_voided_by_id_d6460391 ON public.ecrf_liverfailurediagnosis USING btree (voided_by_id);


--
-- Name: ecrf_liverfailurediagnosisevent_created_by_id_77167b3a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosisevent_created_by_id_77167b3a ON public.ecrf_liverfailurediagnosisevent USING btree (created_by_id);


--
-- Name: ecrf_liverfailurediagnosisevent_pgh_context_id_4a474288; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosisevent_pgh_context_id_4a474288 ON public.ecrf_liverfailurediagnosisevent USING btree (pgh_context_id);


--
-- Name: ecrf_liverfailurediagnosisevent_subject_id_2b3b477c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosisevent_subject_id_2b3b477c ON public.ecrf_liverfailurediagnosisevent USING btree (subject_id);


--
-- Name: ecrf_liverfailurediagnosisevent_voided_by_id_adecc8dc; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverfailurediagnosisevent_voided_by_id_adecc8dc ON public.ecrf_liverfailurediagnosisevent USING btree (voided_by_id);


--
-- Name: ecrf_liverimaging_created_by_id_632ab84f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimaging_created_by_id_632ab84f ON public.ecrf_liverimaging USING btree (created_by_id);


--
-- Name: ecrf_liverimaging_subject_id_bc7e4741; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimaging_subject_id_bc7e4741 ON public.ecrf_liverimaging USING btree (subject_id);


--
-- Name: ecrf_liverimaging_voided_by_id_46a33b92; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimaging_voided_by_id_46a33b92 ON public.ecrf_liverimaging USING btree (voided_by_id);


--
-- Name: ecrf_liverimagingevent_created_by_id_6b086c98; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimagingevent_created_by_id_6b086c98 ON public.ecrf_liverimagingevent USING btree (created_by_id);


--
-- Name: ecrf_liverimagingevent_pgh_context_id_c762aa78; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimagingevent_pgh_context_id_c762aa78 ON public.ecrf_liverimagingevent USING btree (pgh_context_id);


--
-- Name: ecrf_liverimagingevent_subject_id_c0334bff; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimagingevent_subject_id_c0334bff ON public.ecrf_liverimagingevent USING btree (subject_id);


--
-- Name: ecrf_liverimagingevent_voided_by_id_a10eac7e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_liverimagingevent_voided_by_id_a10eac7e ON public.ecrf_liverimagingevent USING btree (voided_by_id);


--
-- Name: ecrf_loginevent_user_id_358f6586; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_loginevent_user_id_358f6586 ON public.ecrf_loginevent USING btree (user_id);


--
-- Name: ecrf_medicalhistory_created_by_id_b8a9c7fb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistory_created_by_id_b8a9c7fb ON public.ecrf_medicalhistory USING btree (created_by_id);


--
-- Name: ecrf_medicalhistory_subject_id_701ceba4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistory_subject_id_701ceba4 ON public.ecrf_medicalhistory USING btree (subject_id);


--
-- Name: ecrf_medicalhistory_voided_by_id_0f3b517e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistory_voided_by_id_0f3b517e ON public.ecrf_medicalhistory USING btree (voided_by_id);


--
-- Name: ecrf_medicalhistoryevent_created_by_id_8753739d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistoryevent_created_by_id_8753739d ON public.ecrf_medicalhistoryevent USING btree (created_by_id);


--
-- Name: ecrf_medicalhistoryevent_pgh_context_id_ecf36c91; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistoryevent_pgh_context_id_ecf36c91 ON public.ecrf_medicalhistoryevent USING btree (pgh_context_id);


--
-- Name: ecrf_medicalhistoryevent_subject_id_65f6d4a8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistoryevent_subject_id_65f6d4a8 ON public.ecrf_medicalhistoryevent USING btree (subject_id);


--
-- Name: ecrf_medicalhistoryevent_voided_by_id_43c308de; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_medicalhistoryevent_voided_by_id_43c308de ON public.ecrf_medicalhistoryevent USING btree (voided_by_id);


--
-- Name: ecrf_membership_site_id_03eec357; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_membership_site_id_03eec357 ON public.ecrf_membership USING btree (site_id);


--
-- Name: ecrf_membership_user_id_c14280f4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_membership_user_id_c14280f4 ON public.ecrf_membership USING btree (user_id);


--
-- Name: ecrf_membershipevent_pgh_context_id_a978b417; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_membershipevent_pgh_context_id_a978b417 ON public.ecrf_membershipevent USING btree (pgh_context_id);


--
-- Name: ecrf_membershipevent_site_id_bdceb1ca; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_membershipevent_site_id_bdceb1ca ON public.ecrf_membershipevent USING btree (site_id);


--
-- Name: ecrf_membershipevent_user_id_5a955ea8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_membershipevent_user_id_5a955ea8 ON public.ecrf_membershipevent USING btree (user_id);


--
-- Name: ecrf_passwordchangerequired_required_by_id_cb7ef038; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_passwordchangerequired_required_by_id_cb7ef038 ON public.ecrf_passwordchangerequired USING btree (required_by_id);


--
-- Name: ecrf_passwordhistory_user_id_7cfe64cf; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_passwordhistory_user_id_7cfe64cf ON public.ecrf_passwordhistory USING btree (user_id);


--
-- Name: ecrf_procedure_created_by_id_eaac1709; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedure_created_by_id_eaac1709 ON public.ecrf_procedure USING btree (created_by_id);


--
-- Name: ecrf_procedure_subject_id_73ead200; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedure_subject_id_73ead200 ON public.ecrf_procedure USING btree (subject_id);


--
-- Name: ecrf_procedure_voided_by_id_dd004fe6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedure_voided_by_id_dd004fe6 ON public.ecrf_procedure USING btree (voided_by_id);


--
-- Name: ecrf_procedureevent_created_by_id_b8faceb5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedureevent_created_by_id_b8faceb5 ON public.ecrf_procedureevent USING btree (created_by_id);


--
-- Name: ecrf_procedureevent_pgh_context_id_7abd0086; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedureevent_pgh_context_id_7abd0086 ON public.ecrf_procedureevent USING btree (pgh_context_id);


--
-- Name: ecrf_procedureevent_subject_id_1e0be4a4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedureevent_subject_id_1e0be4a4 ON public.ecrf_procedureevent USING btree (subject_id);


--
-- Name: ecrf_procedureevent_voided_by_id_e786540f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_procedureevent_voided_by_id_e786540f ON public.ecrf_procedureevent USING btree (voided_by_id);


--
-- Name: ecrf_referencerange_site_id_5f581147; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_referencerange_site_id_5f581147 ON public.ecrf_referencerange USING btree (site_id);


--
-- Name: ecrf_referencerangeevent_pgh_context_id_765dc884; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_referencerangeevent_pgh_context_id_765dc884 ON public.ecrf_referencerangeevent USING btree (pgh_context_id);


--
-- Name: ecrf_referencerangeevent_site_id_292ba1d3; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_referencerangeevent_site_id_292ba1d3 ON public.ecrf_referencerangeevent USING btree (site_id);


--
-- Name: ecrf_saereport_created_by_id_c460be1d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereport_created_by_id_c460be1d ON public.ecrf_saereport USING btree (created_by_id);


--
-- Name: ecrf_saereport_voided_by_id_0fcef39f; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereport_voided_by_id_0fcef39f ON public.ecrf_saereport USING btree (voided_by_id);


--
-- Name: ecrf_saereportevent_adverse_event_id_1a34c8a0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereportevent_adverse_event_id_1a34c8a0 ON public.ecrf_saereportevent USING btree (adverse_event_id);


--
-- Name: ecrf_saereportevent_created_by_id_eafba50b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereportevent_created_by_id_eafba50b ON public.ecrf_saereportevent USING btree (created_by_id);


--
-- Name: ecrf_saereportevent_pgh_context_id_7ad3a5e5; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereportevent_pgh_context_id_7ad3a5e5 ON public.ecrf_saereportevent USING btree (pgh_context_id);


--
-- Name: ecrf_saereportevent_voided_by_id_edd69d90; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_saereportevent_voided_by_id_edd69d90 ON public.ecrf_saereportevent USING btree (voided_by_id);


--
-- Name: ecrf_screenfailure_created_by_id_d3b1296d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailure_created_by_id_d3b1296d ON public.ecrf_screenfailure USING btree (created_by_id);


--
-- Name: ecrf_screenfailure_voided_by_id_8a7f239e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailure_voided_by_id_8a7f239e ON public.ecrf_screenfailure USING btree (voided_by_id);


--
-- Name: ecrf_screenfailureevent_created_by_id_776312bb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailureevent_created_by_id_776312bb ON public.ecrf_screenfailureevent USING btree (created_by_id);


--
-- Name: ecrf_screenfailureevent_pgh_context_id_27b595cb; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailureevent_pgh_context_id_27b595cb ON public.ecrf_screenfailureevent USING btree (pgh_context_id);


--
-- Name: ecrf_screenfailureevent_subject_id_4ec75213; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailureevent_subject_id_4ec75213 ON public.ecrf_screenfailureevent USING btree (subject_id);


--
-- Name: ecrf_screenfailureevent_voided_by_id_58988c06; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_screenfailureevent_voided_by_id_58988c06 ON public.ecrf_screenfailureevent USING btree (voided_by_id);


--
-- Name: ecrf_sessioninterruption_created_by_id_47a62a23; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruption_created_by_id_47a62a23 ON public.ecrf_sessioninterruption USING btree (created_by_id);


--
-- Name: ecrf_sessioninterruption_session_id_4b18e5e1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruption_session_id_4b18e5e1 ON public.ecrf_sessioninterruption USING btree (session_id);


--
-- Name: ecrf_sessioninterruption_voided_by_id_a7732062; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruption_voided_by_id_a7732062 ON public.ecrf_sessioninterruption USING btree (voided_by_id);


--
-- Name: ecrf_sessioninterruptionevent_created_by_id_32f07f2d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruptionevent_created_by_id_32f07f2d ON public.ecrf_sessioninterruptionevent USING btree (created_by_id);


--
-- Name: ecrf_sessioninterruptionevent_pgh_context_id_78a83442; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruptionevent_pgh_context_id_78a83442 ON public.ecrf_sessioninterruptionevent USING btree (pgh_context_id);


--
-- Name: ecrf_sessioninterruptionevent_session_id_98952558; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruptionevent_session_id_98952558 ON public.ecrf_sessioninterruptionevent USING btree (session_id);


--
-- Name: ecrf_sessioninterruptionevent_voided_by_id_1fd38f19; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sessioninterruptionevent_voided_by_id_1fd38f19 ON public.ecrf_sessioninterruptionevent USING btree (voided_by_id);


--
-- Name: ecrf_signature_content_type_id_20a363ae; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signature_content_type_id_20a363ae ON public.ecrf_signature USING btree (content_type_id);


--
-- Name: ecrf_signature_signer_id_9d9ff1aa; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signature_signer_id_9d9ff1aa ON public.ecrf_signature USING btree (signer_id);


--
-- Name: ecrf_signature_subject_id_e7d0d1c6; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signature_subject_id_e7d0d1c6 ON public.ecrf_signature USING btree (subject_id);


--
-- Name: ecrf_signatureevent_content_type_id_729b08f0; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signatureevent_content_type_id_729b08f0 ON public.ecrf_signatureevent USING btree (content_type_id);


--
-- Name: ecrf_signatureevent_pgh_context_id_31a1af1c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signatureevent_pgh_context_id_31a1af1c ON public.ecrf_signatureevent USING btree (pgh_context_id);


--
-- Name: ecrf_signatureevent_signer_id_35144636; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signatureevent_signer_id_35144636 ON public.ecrf_signatureevent USING btree (signer_id);


--
-- Name: ecrf_signatureevent_subject_id_580cb0de; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_signatureevent_subject_id_580cb0de ON public.ecrf_signatureevent USING btree (subject_id);


--
-- Name: ecrf_site_study_id_85bc78d4; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_site_study_id_85bc78d4 ON public.ecrf_site USING btree (study_id);


--
-- Name: ecrf_sourceverification_content_type_id_cf349639; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverification_content_type_id_cf349639 ON public.ecrf_sourceverification USING btree (content_type_id);


--
-- Name: ecrf_sourceverification_subject_id_be666552; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverification_subject_id_be666552 ON public.ecrf_sourceverification USING btree (subject_id);


--
-- Name: ecrf_sourceverification_verified_by_id_46ad0139; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverification_verified_by_id_46ad0139 ON public.ecrf_sourceverification USING btree (verified_by_id);


--
-- Name: ecrf_sourceverificationevent_content_type_id_fe425ea9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverificationevent_content_type_id_fe425ea9 ON public.ecrf_sourceverificationevent USING btree (content_type_id);


--
-- Name: ecrf_sourceverificationevent_pgh_context_id_9fa34d39; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverificationevent_pgh_context_id_9fa34d39 ON public.ecrf_sourceverificationevent USING btree (pgh_context_id);


--
-- Name: ecrf_sourceverificationevent_subject_id_6a325a35; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverificationevent_subject_id_6a325a35 ON public.ecrf_sourceverificationevent USING btree (subject_id);


--
-- Name: ecrf_sourceverificationevent_verified_by_id_2b150242; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_sourceverificationevent_verified_by_id_2b150242 ON public.ecrf_sourceverificationevent USING btree (verified_by_id);


--
-- Name: ecrf_study_package_42fe6cd9_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_study_package_42fe6cd9_like ON public.ecrf_study USING btree (package varchar_pattern_ops);


--
-- Name: ecrf_study_registry_id_9f1235e6_like; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_study_registry_id_9f1235e6_like ON public.ecrf_study USING btree (registry_id varchar_pattern_ops);


--
-- Name: ecrf_subject_created_by_id_2eaf0c3b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subject_created_by_id_2eaf0c3b ON public.ecrf_subject USING btree (created_by_id);


--
-- Name: ecrf_subject_site_id_cd9663cd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subject_site_id_cd9663cd ON public.ecrf_subject USING btree (site_id);


--
-- Name: ecrf_subject_study_id_7fc8f13a; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subject_study_id_7fc8f13a ON public.ecrf_subject USING btree (study_id);


--
-- Name: ecrf_subject_voided_by_id_7d48a8bd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subject_voided_by_id_7d48a8bd ON public.ecrf_subject USING btree (voided_by_id);


--
-- Name: ecrf_subjectevent_created_by_id_16a71e62; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subjectevent_created_by_id_16a71e62 ON public.ecrf_subjectevent USING btree (created_by_id);


--
-- Name: ecrf_subjectevent_pgh_context_id_a91ea47b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subjectevent_pgh_context_id_a91ea47b ON public.ecrf_subjectevent USING btree (pgh_context_id);


--
-- Name: ecrf_subjectevent_site_id_a9acded9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subjectevent_site_id_a9acded9 ON public.ecrf_subjectevent USING btree (site_id);


--
-- Name: ecrf_subjectevent_study_id_c84f71a9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subjectevent_study_id_c84f71a9 ON public.ecrf_subjectevent USING btree (study_id);


--
-- Name: ecrf_subjectevent_voided_by_id_088b6e0e; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_subjectevent_voided_by_id_088b6e0e ON public.ecrf_subjectevent USING btree (voided_by_id);


--
-- Name: ecrf_submissionkey_created_at_d0aca5a1; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_submissionkey_created_at_d0aca5a1 ON public.ecrf_submissionkey USING btree (created_at);


--
-- Name: ecrf_submissionkey_user_id_d447052d; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_submissionkey_user_id_d447052d ON public.ecrf_submissionkey USING btree (user_id);


--
-- Name: ecrf_treatmentsession_created_by_id_32e69019; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsession_created_by_id_32e69019 ON public.ecrf_treatmentsession USING btree (created_by_id);


--
-- Name: ecrf_treatmentsession_subject_id_06ed4e40; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsession_subject_id_06ed4e40 ON public.ecrf_treatmentsession USING btree (subject_id);


--
-- Name: ecrf_treatmentsession_voided_by_id_e1ff7f5b; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsession_voided_by_id_e1ff7f5b ON public.ecrf_treatmentsession USING btree (voided_by_id);


--
-- Name: ecrf_treatmentsessionevent_created_by_id_4911eeb8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsessionevent_created_by_id_4911eeb8 ON public.ecrf_treatmentsessionevent USING btree (created_by_id);


--
-- Name: ecrf_treatmentsessionevent_pgh_context_id_746ac785; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsessionevent_pgh_context_id_746ac785 ON public.ecrf_treatmentsessionevent USING btree (pgh_context_id);


--
-- Name: ecrf_treatmentsessionevent_subject_id_52847e44; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsessionevent_subject_id_52847e44 ON public.ecrf_treatmentsessionevent USING btree (subject_id);


--
-- Name: ecrf_treatmentsessionevent_voided_by_id_1bf52d97; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_treatmentsessionevent_voided_by_id_1bf52d97 ON public.ecrf_treatmentsessionevent USING btree (voided_by_id);


--
-- Name: ecrf_vitalsigns_created_by_id_fe1f7582; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsigns_created_by_id_fe1f7582 ON public.ecrf_vitalsigns USING btree (created_by_id);


--
-- Name: ecrf_vitalsigns_session_id_dcde5a07; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsigns_session_id_dcde5a07 ON public.ecrf_vitalsigns USING btree (session_id);


--
-- Name: ecrf_vitalsigns_subject_id_9a07d256; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsigns_subject_id_9a07d256 ON public.ecrf_vitalsigns USING btree (subject_id);


--
-- Name: ecrf_vitalsigns_voided_by_id_f5a5aff7; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsigns_voided_by_id_f5a5aff7 ON public.ecrf_vitalsigns USING btree (voided_by_id);


--
-- Name: ecrf_vitalsignsevent_created_by_id_cc8618dd; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsignsevent_created_by_id_cc8618dd ON public.ecrf_vitalsignsevent USING btree (created_by_id);


--
-- Name: ecrf_vitalsignsevent_pgh_context_id_e2c756b8; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsignsevent_pgh_context_id_e2c756b8 ON public.ecrf_vitalsignsevent USING btree (pgh_context_id);


--
-- Name: ecrf_vitalsignsevent_session_id_82709984; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsignsevent_session_id_82709984 ON public.ecrf_vitalsignsevent USING btree (session_id);


--
-- Name: ecrf_vitalsignsevent_subject_id_e8b7c5d9; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsignsevent_subject_id_e8b7c5d9 ON public.ecrf_vitalsignsevent USING btree (subject_id);


--
-- Name: ecrf_vitalsignsevent_voided_by_id_01f6c47c; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ecrf_vitalsignsevent_voided_by_id_01f6c47c ON public.ecrf_vitalsignsevent USING btree (voided_by_id);


--
-- Name: ev_adverseevent_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_adverseevent_last ON public.ecrf_adverseeventevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_adverseeventcoding_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_adverseeventcoding_last ON public.ecrf_adverseeventcodingevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_adverseeventreview_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_adverseeventreview_last ON public.ecrf_adverseeventreviewevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_alert_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_alert_last ON public.ecrf_alertevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_anticoagulationcheck_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_anticoagulationcheck_last ON public.ecrf_anticoagulationcheckevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_arm_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_arm_last ON public.ecrf_armevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_clinicalstatus_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_clinicalstatus_last ON public.ecrf_clinicalstatusevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_committeedecision_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_committeedecision_last ON public.ecrf_committeedecisionevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_concomitantmedication_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_concomitantmedication_last ON public.ecrf_concomitantmedicationevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_datalock_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_datalock_last ON public.ecrf_datalockevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_dataquery_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_dataquery_last ON public.ecrf_dataqueryevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_dataquerymessage_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_dataquerymessage_last ON public.ecrf_dataquerymessageevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_deviation_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_deviation_last ON public.ecrf_deviationevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_devicecheck_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_devicecheck_last ON public.ecrf_devicecheckevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_disposition_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_disposition_last ON public.ecrf_dispositionevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_eligibilityanswer_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_eligibilityanswer_last ON public.ecrf_eligibilityanswerevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_enrolment_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_enrolment_last ON public.ecrf_enrolmentevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_exportlog_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_exportlog_last ON public.ecrf_exportlogevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_gaterefusal_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_gaterefusal_last ON public.ecrf_gaterefusalevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_labpanel_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_labpanel_last ON public.ecrf_labpanelevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_labresult_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_labresult_last ON public.ecrf_labresultevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_liverfailurediagnosis_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_liverfailurediagnosis_last ON public.ecrf_liverfailurediagnosisevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_liverimaging_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_liverimaging_last ON public.ecrf_liverimagingevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_medicalhistory_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_medicalhistory_last ON public.ecrf_medicalhistoryevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_membership_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_membership_last ON public.ecrf_membershipevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_procedure_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_procedure_last ON public.ecrf_procedureevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_referencerange_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_referencerange_last ON public.ecrf_referencerangeevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_saereport_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_saereport_last ON public.ecrf_saereportevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_screenfailure_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_screenfailure_last ON public.ecrf_screenfailureevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_sessioninterruption_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_sessioninterruption_last ON public.ecrf_sessioninterruptionevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_signature_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_signature_last ON public.ecrf_signatureevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_sourceverification_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_sourceverification_last ON public.ecrf_sourceverificationevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_subject_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_subject_last ON public.ecrf_subjectevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_treatmentsession_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_treatmentsession_last ON public.ecrf_treatmentsessionevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: ev_vitalsigns_last; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX ev_vitalsigns_last ON public.ecrf_vitalsignsevent USING btree (pgh_obj_id, pgh_id DESC) INCLUDE (pgh_created_at, pgh_context_id);


--
-- Name: gate_refusal_arm_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX gate_refusal_arm_idx ON public.ecrf_gaterefusal USING btree (arm_id, at);


--
-- Name: lab_panel_once_per_timepoint; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX lab_panel_once_per_timepoint ON public.ecrf_labpanel USING btree (subject_id, panel, timepoint) WHERE (voided_at IS NULL);


--
-- Name: lab_panel_subject_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lab_panel_subject_time_idx ON public.ecrf_labpanel USING btree (subject_id, sampled_at);


--
-- Name: lab_result_once_per_panel; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX lab_result_once_per_panel ON public.ecrf_labresult USING btree (panel_id, test_code) WHERE (voided_at IS NULL);


--
-- Name: lab_result_trend_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX lab_result_trend_idx ON public.ecrf_labresult USING btree (subject_id, test_code, sampled_at);


--
-- Name: liver_failure_one_live_per_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX liver_failure_one_live_per_subject ON public.ecrf_liverfailurediagnosis USING btree (subject_id) WHERE (voided_at IS NULL);


--
-- Name: login_event_username_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX login_event_username_idx ON public.ecrf_loginevent USING btree (username, at);


--
-- Name: password_history_user_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX password_history_user_idx ON public.ecrf_passwordhistory USING btree (user_id, set_at DESC, id DESC);


--
-- Name: procedure_name_date_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX procedure_name_date_idx ON public.ecrf_procedure USING btree (name, started_on);


--
-- Name: query_automatic_once_while_active; Type: INDEX; Schema: public; Owner: -
--

-- As Django wrote it (status IN (...)): pg_dump's text of it would be stored re-parsed,
-- as an equal condition that reads differently in the catalogue.
CREATE UNIQUE INDEX query_automatic_once_while_active ON public.ecrf_dataquery USING btree (content_type_id, object_id, field, rule) WHERE (automatic AND status IN ('open', 'answered'));


--
-- Name: query_message_thread_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX query_message_thread_idx ON public.ecrf_dataquerymessage USING btree (query_id, at);


--
-- Name: query_record_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX query_record_status_idx ON public.ecrf_dataquery USING btree (content_type_id, object_id, status);


--
-- Name: query_study_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX query_study_status_idx ON public.ecrf_dataquery USING btree (study_id, status, raised_at);


--
-- Name: query_subject_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX query_subject_status_idx ON public.ecrf_dataquery USING btree (subject_id, status);


--
-- Name: reference_range_lookup_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX reference_range_lookup_idx ON public.ecrf_referencerange USING btree (site_id, test_code, valid_from);


--
-- Name: sae_clock_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sae_clock_idx ON public.ecrf_saereport USING btree (reported_to_sponsor_at, site_report_due_at);


--
-- Name: sdv_record_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sdv_record_idx ON public.ecrf_sourceverification USING btree (content_type_id, object_id);


--
-- Name: sdv_subject_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX sdv_subject_idx ON public.ecrf_sourceverification USING btree (subject_id, verified_at);


--
-- Name: session_number_unique_per_subject; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX session_number_unique_per_subject ON public.ecrf_treatmentsession USING btree (subject_id, number) WHERE (voided_at IS NULL);


--
-- Name: session_subject_start_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX session_subject_start_idx ON public.ecrf_treatmentsession USING btree (subject_id, started_at);


--
-- Name: signature_record_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX signature_record_idx ON public.ecrf_signature USING btree (content_type_id, object_id);


--
-- Name: signature_subject_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX signature_subject_idx ON public.ecrf_signature USING btree (subject_id, signed_at);


--
-- Name: subject_site_status_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX subject_site_status_idx ON public.ecrf_subject USING btree (site_id, status);


--
-- Name: vitals_subject_time_idx; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX vitals_subject_time_idx ON public.ecrf_vitalsigns USING btree (subject_id, measured_at);


--
-- Name: ecrf_adverseeventcodingevent pgtrigger_append_only_008cc; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_008cc BEFORE DELETE OR UPDATE ON public.ecrf_adverseeventcodingevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_008cc();


--
-- Name: TRIGGER pgtrigger_append_only_008cc ON ecrf_adverseeventcodingevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_008cc ON public.ecrf_adverseeventcodingevent IS 'd2d34ccc24031098173f26ea616faa7b737f4625';


--
-- Name: ecrf_signatureevent pgtrigger_append_only_0e397; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_0e397 BEFORE DELETE OR UPDATE ON public.ecrf_signatureevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_0e397();


--
-- Name: TRIGGER pgtrigger_append_only_0e397 ON ecrf_signatureevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_0e397 ON public.ecrf_signatureevent IS '7d062f3703e040cdb910cdc490f10c21f0a5f11b';


--
-- Name: ecrf_sourceverificationevent pgtrigger_append_only_134a3; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_134a3 BEFORE DELETE OR UPDATE ON public.ecrf_sourceverificationevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_134a3();


--
-- Name: TRIGGER pgtrigger_append_only_134a3 ON ecrf_sourceverificationevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_134a3 ON public.ecrf_sourceverificationevent IS '1ef7274d9700d584c7c0ab390791fcaa53f7532f';


--
-- Name: ecrf_liverimagingevent pgtrigger_append_only_16cde; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_16cde BEFORE DELETE OR UPDATE ON public.ecrf_liverimagingevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_16cde();


--
-- Name: TRIGGER pgtrigger_append_only_16cde ON ecrf_liverimagingevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_16cde ON public.ecrf_liverimagingevent IS '48d8fbc37a9c4e14c7398104c8de8fae730fad68';


--
-- Name: ecrf_labresultevent pgtrigger_append_only_1d989; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_1d989 BEFORE DELETE OR UPDATE ON public.ecrf_labresultevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_1d989();


--
-- Name: TRIGGER pgtrigger_append_only_1d989 ON ecrf_labresultevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_1d989 ON public.ecrf_labresultevent IS 'a496f7c2e712af8ba7a02089a6b37e6d2b207d72';


--
-- Name: ecrf_membershipevent pgtrigger_append_only_2f127; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_2f127 BEFORE DELETE OR UPDATE ON public.ecrf_membershipevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_2f127();


--
-- Name: TRIGGER pgtrigger_append_only_2f127 ON ecrf_membershipevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_2f127 ON public.ecrf_membershipevent IS '04650d3ed045c1fb83a891612532abe216fd54ce';


--
-- Name: ecrf_alertevent pgtrigger_append_only_33624; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_33624 BEFORE DELETE OR UPDATE ON public.ecrf_alertevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_33624();


--
-- Name: TRIGGER pgtrigger_append_only_33624 ON ecrf_alertevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_33624 ON public.ecrf_alertevent IS '48a9e78ab2b85a704ed0909868c9e4fd3af94a1a';


--
-- Name: ecrf_subjectevent pgtrigger_append_only_33776; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_33776 BEFORE DELETE OR UPDATE ON public.ecrf_subjectevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_33776();


--
-- Name: TRIGGER pgtrigger_append_only_33776 ON ecrf_subjectevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_33776 ON public.ecrf_subjectevent IS '4d9f1b12f53c84b437fff1400c8c57c75af673ef';


--
-- Name: ecrf_dataquerymessageevent pgtrigger_append_only_3d6e2; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_3d6e2 BEFORE DELETE OR UPDATE ON public.ecrf_dataquerymessageevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_3d6e2();


--
-- Name: TRIGGER pgtrigger_append_only_3d6e2 ON ecrf_dataquerymessageevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_3d6e2 ON public.ecrf_dataquerymessageevent IS 'c74859609fe1cd51f140007855dcd8d83ae198c5';


--
-- Name: ecrf_datalockevent pgtrigger_append_only_3e0b5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_3e0b5 BEFORE DELETE OR UPDATE ON public.ecrf_datalockevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_3e0b5();


--
-- Name: TRIGGER pgtrigger_append_only_3e0b5 ON ecrf_datalockevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_3e0b5 ON public.ecrf_datalockevent IS '39cdc91816e3a13a6e81558dd5fdbc1a128543f2';


--
-- Name: ecrf_exportlogevent pgtrigger_append_only_509ec; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_509ec BEFORE DELETE OR UPDATE ON public.ecrf_exportlogevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_509ec();


--
-- Name: TRIGGER pgtrigger_append_only_509ec ON ecrf_exportlogevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_509ec ON public.ecrf_exportlogevent IS 'c084167e34d8bb68be27a2b8846bfa13f8e9c92a';


--
-- Name: ecrf_screenfailureevent pgtrigger_append_only_5922e; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_5922e BEFORE DELETE OR UPDATE ON public.ecrf_screenfailureevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_5922e();


--
-- Name: TRIGGER pgtrigger_append_only_5922e ON ecrf_screenfailureevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_5922e ON public.ecrf_screenfailureevent IS '9aeb2f26578da1e6f25be0384d131a43bdf6ce29';


--
-- Name: ecrf_labpanelevent pgtrigger_append_only_6ae13; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_6ae13 BEFORE DELETE OR UPDATE ON public.ecrf_labpanelevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_6ae13();


--
-- Name: TRIGGER pgtrigger_append_only_6ae13 ON ecrf_labpanelevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_6ae13 ON public.ecrf_labpanelevent IS 'af101aba399d6b45f58c608533b74aedc8e00ad8';


--
-- Name: ecrf_devicecheckevent pgtrigger_append_only_6eea7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_6eea7 BEFORE DELETE OR UPDATE ON public.ecrf_devicecheckevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_6eea7();


--
-- Name: TRIGGER pgtrigger_append_only_6eea7 ON ecrf_devicecheckevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_6eea7 ON public.ecrf_devicecheckevent IS 'cc089aae8be00bf23a0081cd845b3cf7eabe86ed';


--
-- Name: ecrf_enrolmentevent pgtrigger_append_only_76abd; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_76abd BEFORE DELETE OR UPDATE ON public.ecrf_enrolmentevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_76abd();


--
-- Name: TRIGGER pgtrigger_append_only_76abd ON ecrf_enrolmentevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_76abd ON public.ecrf_enrolmentevent IS '22b7f6baa8d64e7a4e2c22b8160729f401ca8eaf';


--
-- Name: ecrf_medicalhistoryevent pgtrigger_append_only_77f1b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_77f1b BEFORE DELETE OR UPDATE ON public.ecrf_medicalhistoryevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_77f1b();


--
-- Name: TRIGGER pgtrigger_append_only_77f1b ON ecrf_medicalhistoryevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_77f1b ON public.ecrf_medicalhistoryevent IS '26aea1eebab28d4938ecefb3c18fb1722c967647';


--
-- Name: ecrf_anticoagulationcheckevent pgtrigger_append_only_78c8a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_78c8a BEFORE DELETE OR UPDATE ON public.ecrf_anticoagulationcheckevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_78c8a();


--
-- Name: TRIGGER pgtrigger_append_only_78c8a ON ecrf_anticoagulationcheckevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_78c8a ON public.ecrf_anticoagulationcheckevent IS '7ad960e39ae28138b06f786ee3cc5dfc727617fa';


--
-- Name: ecrf_sessioninterruptionevent pgtrigger_append_only_7d7c2; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_7d7c2 BEFORE DELETE OR UPDATE ON public.ecrf_sessioninterruptionevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_7d7c2();


--
-- Name: TRIGGER pgtrigger_append_only_7d7c2 ON ecrf_sessioninterruptionevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_7d7c2 ON public.ecrf_sessioninterruptionevent IS 'c3393a25eab184d8d378f7dab07f4a16003e0a04';


--
-- Name: ecrf_saereportevent pgtrigger_append_only_83aa8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_83aa8 BEFORE DELETE OR UPDATE ON public.ecrf_saereportevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_83aa8();


--
-- Name: TRIGGER pgtrigger_append_only_83aa8 ON ecrf_saereportevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_83aa8 ON public.ecrf_saereportevent IS '0732387676cbc891c4ffd295cd8ac94c23085b33';


--
-- Name: ecrf_dataqueryevent pgtrigger_append_only_8bfc7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_8bfc7 BEFORE DELETE OR UPDATE ON public.ecrf_dataqueryevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_8bfc7();


--
-- Name: TRIGGER pgtrigger_append_only_8bfc7 ON ecrf_dataqueryevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_8bfc7 ON public.ecrf_dataqueryevent IS 'e06bf871777b2c936735b65e85c3964b333c1187';


--
-- Name: ecrf_clinicalstatusevent pgtrigger_append_only_902f2; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_902f2 BEFORE DELETE OR UPDATE ON public.ecrf_clinicalstatusevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_902f2();


--
-- Name: TRIGGER pgtrigger_append_only_902f2 ON ecrf_clinicalstatusevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_902f2 ON public.ecrf_clinicalstatusevent IS 'ba9e22ac7acbe0aa5bf90c5bc4d9fa1136785779';


--
-- Name: ecrf_gaterefusalevent pgtrigger_append_only_911af; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_911af BEFORE DELETE OR UPDATE ON public.ecrf_gaterefusalevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_911af();


--
-- Name: TRIGGER pgtrigger_append_only_911af ON ecrf_gaterefusalevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_911af ON public.ecrf_gaterefusalevent IS '86c5d167d6edcd139caec4eeac30990e8a9c9585';


--
-- Name: ecrf_adverseeventevent pgtrigger_append_only_956c0; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_956c0 BEFORE DELETE OR UPDATE ON public.ecrf_adverseeventevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_956c0();


--
-- Name: TRIGGER pgtrigger_append_only_956c0 ON ecrf_adverseeventevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_956c0 ON public.ecrf_adverseeventevent IS 'c53e00919b01e627e2806f3808ee43f5c700bce2';


--
-- Name: ecrf_committeedecisionevent pgtrigger_append_only_a163f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_a163f BEFORE DELETE OR UPDATE ON public.ecrf_committeedecisionevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_a163f();


--
-- Name: TRIGGER pgtrigger_append_only_a163f ON ecrf_committeedecisionevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_a163f ON public.ecrf_committeedecisionevent IS '57bffe2a3c4ce30ea4fca4aef9828173ab75c7e7';


--
-- Name: ecrf_procedureevent pgtrigger_append_only_a51a2; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_a51a2 BEFORE DELETE OR UPDATE ON public.ecrf_procedureevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_a51a2();


--
-- Name: TRIGGER pgtrigger_append_only_a51a2 ON ecrf_procedureevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_a51a2 ON public.ecrf_procedureevent IS 'be16438a9b82b45dbb7c94cd593336ed8add4b61';


--
-- Name: ecrf_vitalsignsevent pgtrigger_append_only_ae038; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_ae038 BEFORE DELETE OR UPDATE ON public.ecrf_vitalsignsevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_ae038();


--
-- Name: TRIGGER pgtrigger_append_only_ae038 ON ecrf_vitalsignsevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_ae038 ON public.ecrf_vitalsignsevent IS 'd4c1eded33eca025254a83c2bc455a7ec0908eae';


--
-- Name: ecrf_adverseeventreviewevent pgtrigger_append_only_b6b1e; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_b6b1e BEFORE DELETE OR UPDATE ON public.ecrf_adverseeventreviewevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_b6b1e();


--
-- Name: TRIGGER pgtrigger_append_only_b6b1e ON ecrf_adverseeventreviewevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_b6b1e ON public.ecrf_adverseeventreviewevent IS 'bc9db78d6f9aa88fd4000fb82acf657928aca550';


--
-- Name: ecrf_armevent pgtrigger_append_only_bbd16; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_bbd16 BEFORE DELETE OR UPDATE ON public.ecrf_armevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_bbd16();


--
-- Name: TRIGGER pgtrigger_append_only_bbd16 ON ecrf_armevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_bbd16 ON public.ecrf_armevent IS '40dc666f9509a5a073a47714ebe0581047dc7f10';


--
-- Name: ecrf_treatmentsessionevent pgtrigger_append_only_bc659; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_bc659 BEFORE DELETE OR UPDATE ON public.ecrf_treatmentsessionevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_bc659();


--
-- Name: TRIGGER pgtrigger_append_only_bc659 ON ecrf_treatmentsessionevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_bc659 ON public.ecrf_treatmentsessionevent IS '4cd677f21a5a66be1d5fa8e8255b6777d0aef4a4';


--
-- Name: ecrf_dispositionevent pgtrigger_append_only_c743a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_c743a BEFORE DELETE OR UPDATE ON public.ecrf_dispositionevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_c743a();


--
-- Name: TRIGGER pgtrigger_append_only_c743a ON ecrf_dispositionevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_c743a ON public.ecrf_dispositionevent IS '2d97b11ee44672d33c7787af4205a3af772b0dd5';


--
-- Name: ecrf_deviationevent pgtrigger_append_only_cd9ec; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_cd9ec BEFORE DELETE OR UPDATE ON public.ecrf_deviationevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_cd9ec();


--
-- Name: TRIGGER pgtrigger_append_only_cd9ec ON ecrf_deviationevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_cd9ec ON public.ecrf_deviationevent IS '2e275cda126a3f7fce246975a78913cf10d97975';


--
-- Name: ecrf_eligibilityanswerevent pgtrigger_append_only_e0cca; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_e0cca BEFORE DELETE OR UPDATE ON public.ecrf_eligibilityanswerevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_e0cca();


--
-- Name: TRIGGER pgtrigger_append_only_e0cca ON ecrf_eligibilityanswerevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_e0cca ON public.ecrf_eligibilityanswerevent IS '8ebb13b9072b2943748a961b81b784d498f2bd86';


--
-- Name: ecrf_liverfailurediagnosisevent pgtrigger_append_only_f06f8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_f06f8 BEFORE DELETE OR UPDATE ON public.ecrf_liverfailurediagnosisevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_f06f8();


--
-- Name: TRIGGER pgtrigger_append_only_f06f8 ON ecrf_liverfailurediagnosisevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_f06f8 ON public.ecrf_liverfailurediagnosisevent IS 'aff2119a457aabb553db11ffd63566cd729f256d';


--
-- Name: ecrf_referencerangeevent pgtrigger_append_only_f76f7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_f76f7 BEFORE DELETE OR UPDATE ON public.ecrf_referencerangeevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_f76f7();


--
-- Name: TRIGGER pgtrigger_append_only_f76f7 ON ecrf_referencerangeevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_f76f7 ON public.ecrf_referencerangeevent IS '95c46ee108d46ffd8f423186d7a5cc09a3fd001d';


--
-- Name: ecrf_concomitantmedicationevent pgtrigger_append_only_fc231; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_append_only_fc231 BEFORE DELETE OR UPDATE ON public.ecrf_concomitantmedicationevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_append_only_fc231();


--
-- Name: TRIGGER pgtrigger_append_only_fc231 ON ecrf_concomitantmedicationevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_append_only_fc231 ON public.ecrf_concomitantmedicationevent IS 'd5b3d290edebea1910cf25d2e1d25d12afdc0fca';


--
-- Name: pghistory_context pgtrigger_audit_context_append_only_8a713; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_audit_context_append_only_8a713 BEFORE UPDATE ON public.pghistory_context FOR EACH ROW WHEN (((new.id IS DISTINCT FROM old.id) OR (new.created_at IS DISTINCT FROM old.created_at) OR (NOT (new.metadata @> old.metadata)))) EXECUTE FUNCTION public.pgtrigger_audit_context_append_only_8a713();


--
-- Name: TRIGGER pgtrigger_audit_context_append_only_8a713 ON pghistory_context; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_audit_context_append_only_8a713 ON public.pghistory_context IS '1b719bad50ab5676fa270b819c552a4afdbda2d9';


--
-- Name: pghistory_context pgtrigger_audit_context_no_delete_55a6a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_audit_context_no_delete_55a6a BEFORE DELETE ON public.pghistory_context FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_audit_context_no_delete_55a6a();


--
-- Name: TRIGGER pgtrigger_audit_context_no_delete_55a6a ON pghistory_context; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_audit_context_no_delete_55a6a ON public.pghistory_context IS 'c748d93badef4123fe233bea6a923482d8bbc93b';


--
-- Name: ecrf_committeedecision pgtrigger_committee_decision_append_only_e6d68; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_committee_decision_append_only_e6d68 BEFORE DELETE OR UPDATE ON public.ecrf_committeedecision FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_committee_decision_append_only_e6d68();


--
-- Name: TRIGGER pgtrigger_committee_decision_append_only_e6d68 ON ecrf_committeedecision; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_committee_decision_append_only_e6d68 ON public.ecrf_committeedecision IS 'a2476c8c0fbb3cad001483c09f73f2e39e2a3ae1';


--
-- Name: ecrf_arm pgtrigger_delete_delete_033de; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_033de AFTER DELETE ON public.ecrf_arm FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_033de();


--
-- Name: TRIGGER pgtrigger_delete_delete_033de ON ecrf_arm; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_033de ON public.ecrf_arm IS 'c7a0764b995667d41a4adcd7a6e4cd3a75deefbc';


--
-- Name: ecrf_subject pgtrigger_delete_delete_06c20; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_06c20 AFTER DELETE ON public.ecrf_subject FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_06c20();


--
-- Name: TRIGGER pgtrigger_delete_delete_06c20 ON ecrf_subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_06c20 ON public.ecrf_subject IS '984674e09ce3b08648dc634b2fc43c50861719ea';


--
-- Name: ecrf_committeedecision pgtrigger_delete_delete_0ae57; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_0ae57 AFTER DELETE ON public.ecrf_committeedecision FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_0ae57();


--
-- Name: TRIGGER pgtrigger_delete_delete_0ae57 ON ecrf_committeedecision; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_0ae57 ON public.ecrf_committeedecision IS '4d2d512a2e3ae6bf76f3e2e35baa48b54a5202cc';


--
-- Name: ecrf_alert pgtrigger_delete_delete_0d28d; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_0d28d AFTER DELETE ON public.ecrf_alert FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_0d28d();


--
-- Name: TRIGGER pgtrigger_delete_delete_0d28d ON ecrf_alert; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_0d28d ON public.ecrf_alert IS 'ec900900919c970186aa03d5fabec70774c11f0f';


--
-- Name: ecrf_sourceverification pgtrigger_delete_delete_1733d; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_1733d AFTER DELETE ON public.ecrf_sourceverification FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_1733d();


--
-- Name: TRIGGER pgtrigger_delete_delete_1733d ON ecrf_sourceverification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_1733d ON public.ecrf_sourceverification IS '670306bcfa512f570f21503c1093e1f39d42b8d2';


--
-- Name: ecrf_adverseeventcoding pgtrigger_delete_delete_24698; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_24698 AFTER DELETE ON public.ecrf_adverseeventcoding FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_24698();


--
-- Name: TRIGGER pgtrigger_delete_delete_24698 ON ecrf_adverseeventcoding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_24698 ON public.ecrf_adverseeventcoding IS 'e49a3dcb60a743844d17eb934a5326d2372e34a4';


--
-- Name: ecrf_procedure pgtrigger_delete_delete_2575b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_2575b AFTER DELETE ON public.ecrf_procedure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_2575b();


--
-- Name: TRIGGER pgtrigger_delete_delete_2575b ON ecrf_procedure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_2575b ON public.ecrf_procedure IS 'a5aaa15053bc832a7d227297a2feb65974ce2f44';


--
-- Name: ecrf_eligibilityanswer pgtrigger_delete_delete_2d3fd; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_2d3fd AFTER DELETE ON public.ecrf_eligibilityanswer FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_2d3fd();


--
-- Name: TRIGGER pgtrigger_delete_delete_2d3fd ON ecrf_eligibilityanswer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_2d3fd ON public.ecrf_eligibilityanswer IS 'cb65f950963089d762e7203ed18a0e635bf640ef';


--
-- Name: ecrf_datalock pgtrigger_delete_delete_30142; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_30142 AFTER DELETE ON public.ecrf_datalock FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_30142();


--
-- Name: TRIGGER pgtrigger_delete_delete_30142 ON ecrf_datalock; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_30142 ON public.ecrf_datalock IS '56a6d40223708c93840820d036842f0658b0b626';


--
-- Name: ecrf_adverseeventreview pgtrigger_delete_delete_31d2a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_31d2a AFTER DELETE ON public.ecrf_adverseeventreview FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_31d2a();


--
-- Name: TRIGGER pgtrigger_delete_delete_31d2a ON ecrf_adverseeventreview; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_31d2a ON public.ecrf_adverseeventreview IS 'fd36adbe5fca9c882f04479c73a949b226b2df71';


--
-- Name: ecrf_vitalsigns pgtrigger_delete_delete_3d0c8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_3d0c8 AFTER DELETE ON public.ecrf_vitalsigns FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_3d0c8();


--
-- Name: TRIGGER pgtrigger_delete_delete_3d0c8 ON ecrf_vitalsigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_3d0c8 ON public.ecrf_vitalsigns IS '6722b13f7faee7cd9dcbf1ef31c6b6c9c81055ad';


--
-- Name: ecrf_screenfailure pgtrigger_delete_delete_3e81b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_3e81b AFTER DELETE ON public.ecrf_screenfailure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_3e81b();


--
-- Name: TRIGGER pgtrigger_delete_delete_3e81b ON ecrf_screenfailure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_3e81b ON public.ecrf_screenfailure IS 'daf4db7e9033560206a0b28c978912cbe32303af';


--
-- Name: ecrf_devicecheck pgtrigger_delete_delete_43bf5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_43bf5 AFTER DELETE ON public.ecrf_devicecheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_43bf5();


--
-- Name: TRIGGER pgtrigger_delete_delete_43bf5 ON ecrf_devicecheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_43bf5 ON public.ecrf_devicecheck IS 'f0c50bc4641df57d79c7178eb0d263e9e684a0e4';


--
-- Name: ecrf_dataquerymessage pgtrigger_delete_delete_5421f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_5421f AFTER DELETE ON public.ecrf_dataquerymessage FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_5421f();


--
-- Name: TRIGGER pgtrigger_delete_delete_5421f ON ecrf_dataquerymessage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_5421f ON public.ecrf_dataquerymessage IS '123ebd25c6e899185342cff27eb75c76fb13f8d2';


--
-- Name: ecrf_anticoagulationcheck pgtrigger_delete_delete_54ed3; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_54ed3 AFTER DELETE ON public.ecrf_anticoagulationcheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_54ed3();


--
-- Name: TRIGGER pgtrigger_delete_delete_54ed3 ON ecrf_anticoagulationcheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_54ed3 ON public.ecrf_anticoagulationcheck IS '9d5a879dc6c1a69b08469154f674978fe69f359d';


--
-- Name: ecrf_labpanel pgtrigger_delete_delete_681ed; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_681ed AFTER DELETE ON public.ecrf_labpanel FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_681ed();


--
-- Name: TRIGGER pgtrigger_delete_delete_681ed ON ecrf_labpanel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_681ed ON public.ecrf_labpanel IS '974a4f6d2926764a41d24043fd7b22b885fd4b81';


--
-- Name: ecrf_gaterefusal pgtrigger_delete_delete_6f258; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_6f258 AFTER DELETE ON public.ecrf_gaterefusal FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_6f258();


--
-- Name: TRIGGER pgtrigger_delete_delete_6f258 ON ecrf_gaterefusal; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_6f258 ON public.ecrf_gaterefusal IS '1fdb4d9878679aa1b89547119a17921d22b1ba27';


--
-- Name: ecrf_concomitantmedication pgtrigger_delete_delete_7073f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_7073f AFTER DELETE ON public.ecrf_concomitantmedication FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_7073f();


--
-- Name: TRIGGER pgtrigger_delete_delete_7073f ON ecrf_concomitantmedication; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_7073f ON public.ecrf_concomitantmedication IS '30f9ebfeeb76f186c632ed92f266c96ed589b6c3';


--
-- Name: ecrf_adverseevent pgtrigger_delete_delete_70823; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_70823 AFTER DELETE ON public.ecrf_adverseevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_70823();


--
-- Name: TRIGGER pgtrigger_delete_delete_70823 ON ecrf_adverseevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_70823 ON public.ecrf_adverseevent IS '637fcb1b8f3b4e02867072a91ad5038b30851f98';


--
-- Name: ecrf_labresult pgtrigger_delete_delete_7134c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_7134c AFTER DELETE ON public.ecrf_labresult FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_7134c();


--
-- Name: TRIGGER pgtrigger_delete_delete_7134c ON ecrf_labresult; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_7134c ON public.ecrf_labresult IS 'b5444c2c79271b4599ee548894e6c8ad4d2bdcb9';


--
-- Name: ecrf_sessioninterruption pgtrigger_delete_delete_727be; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_727be AFTER DELETE ON public.ecrf_sessioninterruption FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_727be();


--
-- Name: TRIGGER pgtrigger_delete_delete_727be ON ecrf_sessioninterruption; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_727be ON public.ecrf_sessioninterruption IS '99fb19608f4ee503014b965cc5ec7a72fb59d2db';


--
-- Name: ecrf_dataquery pgtrigger_delete_delete_75d9c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_75d9c AFTER DELETE ON public.ecrf_dataquery FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_75d9c();


--
-- Name: TRIGGER pgtrigger_delete_delete_75d9c ON ecrf_dataquery; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_75d9c ON public.ecrf_dataquery IS '80addfe8afc4b58ea680c3e3525f9891d329a34f';


--
-- Name: ecrf_liverfailurediagnosis pgtrigger_delete_delete_78699; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_78699 AFTER DELETE ON public.ecrf_liverfailurediagnosis FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_78699();


--
-- Name: TRIGGER pgtrigger_delete_delete_78699 ON ecrf_liverfailurediagnosis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_78699 ON public.ecrf_liverfailurediagnosis IS 'd431593679f599c8f3ccb5daf886ac572ef33b30';


--
-- Name: ecrf_signature pgtrigger_delete_delete_7c277; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_7c277 AFTER DELETE ON public.ecrf_signature FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_7c277();


--
-- Name: TRIGGER pgtrigger_delete_delete_7c277 ON ecrf_signature; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_7c277 ON public.ecrf_signature IS '5b7900fa1ba9fe8f259b92ef9998fdb80cf753b1';


--
-- Name: ecrf_enrolment pgtrigger_delete_delete_98910; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_98910 AFTER DELETE ON public.ecrf_enrolment FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_98910();


--
-- Name: TRIGGER pgtrigger_delete_delete_98910 ON ecrf_enrolment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_98910 ON public.ecrf_enrolment IS '072dbce8f5d392d5c68aba74cd5421bfa2e2505f';


--
-- Name: ecrf_treatmentsession pgtrigger_delete_delete_a20e7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_a20e7 AFTER DELETE ON public.ecrf_treatmentsession FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_a20e7();


--
-- Name: TRIGGER pgtrigger_delete_delete_a20e7 ON ecrf_treatmentsession; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_a20e7 ON public.ecrf_treatmentsession IS 'd836b96024b5d1e43f53231b423dcd013651319f';


--
-- Name: ecrf_saereport pgtrigger_delete_delete_a241b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_a241b AFTER DELETE ON public.ecrf_saereport FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_a241b();


--
-- Name: TRIGGER pgtrigger_delete_delete_a241b ON ecrf_saereport; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_a241b ON public.ecrf_saereport IS 'cbdb8ad17b5dc4b894dbcec2b99d4d206bdaa84c';


--
-- Name: ecrf_liverimaging pgtrigger_delete_delete_ad164; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_ad164 AFTER DELETE ON public.ecrf_liverimaging FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_ad164();


--
-- Name: TRIGGER pgtrigger_delete_delete_ad164 ON ecrf_liverimaging; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_ad164 ON public.ecrf_liverimaging IS '163ca558bc6e11aeed4938680babbe28f4215708';


--
-- Name: ecrf_exportlog pgtrigger_delete_delete_b3392; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_b3392 AFTER DELETE ON public.ecrf_exportlog FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_b3392();


--
-- Name: TRIGGER pgtrigger_delete_delete_b3392 ON ecrf_exportlog; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_b3392 ON public.ecrf_exportlog IS 'd953445b84a680d7ed58be3ed5c27ea7f6b28bfa';


--
-- Name: ecrf_membership pgtrigger_delete_delete_c478b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_c478b AFTER DELETE ON public.ecrf_membership FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_c478b();


--
-- Name: TRIGGER pgtrigger_delete_delete_c478b ON ecrf_membership; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_c478b ON public.ecrf_membership IS 'd4d4d4186e7819ec025a264772abc660082a11fd';


--
-- Name: ecrf_referencerange pgtrigger_delete_delete_d029c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_d029c AFTER DELETE ON public.ecrf_referencerange FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_d029c();


--
-- Name: TRIGGER pgtrigger_delete_delete_d029c ON ecrf_referencerange; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_d029c ON public.ecrf_referencerange IS '89208ac9fffefc3df81b5eb11fc546b1998b6a47';


--
-- Name: ecrf_deviation pgtrigger_delete_delete_d2e74; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_d2e74 AFTER DELETE ON public.ecrf_deviation FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_d2e74();


--
-- Name: TRIGGER pgtrigger_delete_delete_d2e74 ON ecrf_deviation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_d2e74 ON public.ecrf_deviation IS '96026e719a635de615a05a3380b3d343611a3ad2';


--
-- Name: ecrf_medicalhistory pgtrigger_delete_delete_e1509; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_e1509 AFTER DELETE ON public.ecrf_medicalhistory FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_e1509();


--
-- Name: TRIGGER pgtrigger_delete_delete_e1509 ON ecrf_medicalhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_e1509 ON public.ecrf_medicalhistory IS '26c8451326f0b7964d6cff6f928f581d19aeb43a';


--
-- Name: ecrf_disposition pgtrigger_delete_delete_e9474; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_e9474 AFTER DELETE ON public.ecrf_disposition FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_e9474();


--
-- Name: TRIGGER pgtrigger_delete_delete_e9474 ON ecrf_disposition; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_e9474 ON public.ecrf_disposition IS '2eb083608c4089ead3c92984beaafa6a5e1689a6';


--
-- Name: ecrf_clinicalstatus pgtrigger_delete_delete_f61c7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_delete_delete_f61c7 AFTER DELETE ON public.ecrf_clinicalstatus FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_delete_delete_f61c7();


--
-- Name: TRIGGER pgtrigger_delete_delete_f61c7 ON ecrf_clinicalstatus; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_delete_delete_f61c7 ON public.ecrf_clinicalstatus IS '3918a26b4b07029b7c126d4cba1bf660e205aea4';


--
-- Name: ecrf_exportlog pgtrigger_export_log_append_only_b8a7e; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_export_log_append_only_b8a7e BEFORE DELETE OR UPDATE ON public.ecrf_exportlog FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_export_log_append_only_b8a7e();


--
-- Name: TRIGGER pgtrigger_export_log_append_only_b8a7e ON ecrf_exportlog; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_export_log_append_only_b8a7e ON public.ecrf_exportlog IS '3243e1ee5f3b699a17c557b2d853beb35c266585';


--
-- Name: ecrf_gaterefusal pgtrigger_gate_refusal_append_only_d6176; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_gate_refusal_append_only_d6176 BEFORE DELETE OR UPDATE ON public.ecrf_gaterefusal FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_gate_refusal_append_only_d6176();


--
-- Name: TRIGGER pgtrigger_gate_refusal_append_only_d6176 ON ecrf_gaterefusal; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_gate_refusal_append_only_d6176 ON public.ecrf_gaterefusal IS 'f2042209d000fd35c6c903d8ed976f2a9b140eb8';


--
-- Name: ecrf_adverseeventcoding pgtrigger_insert_insert_02886; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_02886 AFTER INSERT ON public.ecrf_adverseeventcoding FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_02886();


--
-- Name: TRIGGER pgtrigger_insert_insert_02886 ON ecrf_adverseeventcoding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_02886 ON public.ecrf_adverseeventcoding IS '0aa275ee11db3e75dc7f26ad9a594112942113b6';


--
-- Name: ecrf_anticoagulationcheck pgtrigger_insert_insert_0ff1c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_0ff1c AFTER INSERT ON public.ecrf_anticoagulationcheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_0ff1c();


--
-- Name: TRIGGER pgtrigger_insert_insert_0ff1c ON ecrf_anticoagulationcheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_0ff1c ON public.ecrf_anticoagulationcheck IS '20d63ea55543ebc5bbd6e15598033393af4684e7';


--
-- Name: ecrf_sourceverification pgtrigger_insert_insert_258df; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_258df AFTER INSERT ON public.ecrf_sourceverification FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_258df();


--
-- Name: TRIGGER pgtrigger_insert_insert_258df ON ecrf_sourceverification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_258df ON public.ecrf_sourceverification IS '7121afbce0f0b5e607beee234780afb3b7138401';


--
-- Name: ecrf_liverimaging pgtrigger_insert_insert_29a67; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_29a67 AFTER INSERT ON public.ecrf_liverimaging FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_29a67();


--
-- Name: TRIGGER pgtrigger_insert_insert_29a67 ON ecrf_liverimaging; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_29a67 ON public.ecrf_liverimaging IS 'ee03bd3e5f2d92647f78161c9326fe98381098e1';


--
-- Name: ecrf_adverseevent pgtrigger_insert_insert_31873; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_31873 AFTER INSERT ON public.ecrf_adverseevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_31873();


--
-- Name: TRIGGER pgtrigger_insert_insert_31873 ON ecrf_adverseevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_31873 ON public.ecrf_adverseevent IS '6ffdf623105db39aa41dc81061a770175a79bcc2';


--
-- Name: ecrf_gaterefusal pgtrigger_insert_insert_35809; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_35809 AFTER INSERT ON public.ecrf_gaterefusal FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_35809();


--
-- Name: TRIGGER pgtrigger_insert_insert_35809 ON ecrf_gaterefusal; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_35809 ON public.ecrf_gaterefusal IS '293e64f638c6c95a38f4b279de474b26fdeb8f6c';


--
-- Name: ecrf_disposition pgtrigger_insert_insert_48d99; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_48d99 AFTER INSERT ON public.ecrf_disposition FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_48d99();


--
-- Name: TRIGGER pgtrigger_insert_insert_48d99 ON ecrf_disposition; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_48d99 ON public.ecrf_disposition IS '692d50dadcbeeb91fb04575aa3393345daae3e52';


--
-- Name: ecrf_labresult pgtrigger_insert_insert_4c43a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_4c43a AFTER INSERT ON public.ecrf_labresult FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_4c43a();


--
-- Name: TRIGGER pgtrigger_insert_insert_4c43a ON ecrf_labresult; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_4c43a ON public.ecrf_labresult IS 'f198beaf87cc023633a95aaa965b1d243a92dc26';


--
-- Name: ecrf_alert pgtrigger_insert_insert_4dcbf; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_4dcbf AFTER INSERT ON public.ecrf_alert FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_4dcbf();


--
-- Name: TRIGGER pgtrigger_insert_insert_4dcbf ON ecrf_alert; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_4dcbf ON public.ecrf_alert IS 'b1bdeae39aa8f9eb9552c9872086870254052015';


--
-- Name: ecrf_sessioninterruption pgtrigger_insert_insert_4ef62; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_4ef62 AFTER INSERT ON public.ecrf_sessioninterruption FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_4ef62();


--
-- Name: TRIGGER pgtrigger_insert_insert_4ef62 ON ecrf_sessioninterruption; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_4ef62 ON public.ecrf_sessioninterruption IS '1e17e76a8b73e4a38c0f1cf66a1935a3b2de1332';


--
-- Name: ecrf_screenfailure pgtrigger_insert_insert_5c122; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_5c122 AFTER INSERT ON public.ecrf_screenfailure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_5c122();


--
-- Name: TRIGGER pgtrigger_insert_insert_5c122 ON ecrf_screenfailure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_5c122 ON public.ecrf_screenfailure IS 'f254a226816fb41a982eaabe4b5aee7669de337a';


--
-- Name: ecrf_exportlog pgtrigger_insert_insert_5c18e; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_5c18e AFTER INSERT ON public.ecrf_exportlog FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_5c18e();


--
-- Name: TRIGGER pgtrigger_insert_insert_5c18e ON ecrf_exportlog; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_5c18e ON public.ecrf_exportlog IS 'c42adf0bd0cf74a27a8fd45b09495ede1536119a';


--
-- Name: ecrf_enrolment pgtrigger_insert_insert_5c9d0; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_5c9d0 AFTER INSERT ON public.ecrf_enrolment FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_5c9d0();


--
-- Name: TRIGGER pgtrigger_insert_insert_5c9d0 ON ecrf_enrolment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_5c9d0 ON public.ecrf_enrolment IS '7eeffbd773812e3565c4c6e91c150c8cf71483b5';


--
-- Name: ecrf_concomitantmedication pgtrigger_insert_insert_60629; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_60629 AFTER INSERT ON public.ecrf_concomitantmedication FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_60629();


--
-- Name: TRIGGER pgtrigger_insert_insert_60629 ON ecrf_concomitantmedication; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_60629 ON public.ecrf_concomitantmedication IS '50231fe4ce6dba19f8457e43d3469f3d778235de';


--
-- Name: ecrf_saereport pgtrigger_insert_insert_60d6c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_60d6c AFTER INSERT ON public.ecrf_saereport FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_60d6c();


--
-- Name: TRIGGER pgtrigger_insert_insert_60d6c ON ecrf_saereport; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_60d6c ON public.ecrf_saereport IS '1ac96e096fc2b782e2cc328192bf814f88b15b76';


--
-- Name: ecrf_referencerange pgtrigger_insert_insert_633f7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_633f7 AFTER INSERT ON public.ecrf_referencerange FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_633f7();


--
-- Name: TRIGGER pgtrigger_insert_insert_633f7 ON ecrf_referencerange; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_633f7 ON public.ecrf_referencerange IS 'e76efcc42de24d802c48afbc36a4e80eac58c9d5';


--
-- Name: ecrf_membership pgtrigger_insert_insert_64b1c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_64b1c AFTER INSERT ON public.ecrf_membership FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_64b1c();


--
-- Name: TRIGGER pgtrigger_insert_insert_64b1c ON ecrf_membership; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_64b1c ON public.ecrf_membership IS '835d8e8e86e19e4f1fbfc27f0b93d92103c55855';


--
-- Name: ecrf_subject pgtrigger_insert_insert_6feb4; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_6feb4 AFTER INSERT ON public.ecrf_subject FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_6feb4();


--
-- Name: TRIGGER pgtrigger_insert_insert_6feb4 ON ecrf_subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_6feb4 ON public.ecrf_subject IS 'd5a3a8f7a911256d9bb7dd07abd31eb35590905f';


--
-- Name: ecrf_arm pgtrigger_insert_insert_70e46; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_70e46 AFTER INSERT ON public.ecrf_arm FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_70e46();


--
-- Name: TRIGGER pgtrigger_insert_insert_70e46 ON ecrf_arm; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_70e46 ON public.ecrf_arm IS '5469280bb994a019900fe7d3e114cd18f480ca74';


--
-- Name: ecrf_labpanel pgtrigger_insert_insert_7d9bb; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_7d9bb AFTER INSERT ON public.ecrf_labpanel FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_7d9bb();


--
-- Name: TRIGGER pgtrigger_insert_insert_7d9bb ON ecrf_labpanel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_7d9bb ON public.ecrf_labpanel IS '6eddbefef3e67e18e09aacdc7e8ab1671ca3b7a2';


--
-- Name: ecrf_medicalhistory pgtrigger_insert_insert_834fd; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_834fd AFTER INSERT ON public.ecrf_medicalhistory FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_834fd();


--
-- Name: TRIGGER pgtrigger_insert_insert_834fd ON ecrf_medicalhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_834fd ON public.ecrf_medicalhistory IS 'f719c3d53d9cd18a98890a000125d76dda39928f';


--
-- Name: ecrf_liverfailurediagnosis pgtrigger_insert_insert_849c1; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_849c1 AFTER INSERT ON public.ecrf_liverfailurediagnosis FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_849c1();


--
-- Name: TRIGGER pgtrigger_insert_insert_849c1 ON ecrf_liverfailurediagnosis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_849c1 ON public.ecrf_liverfailurediagnosis IS '0406a7e979822e6f0c4c88566e9cc9f70be065f3';


--
-- Name: ecrf_datalock pgtrigger_insert_insert_868f1; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_868f1 AFTER INSERT ON public.ecrf_datalock FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_868f1();


--
-- Name: TRIGGER pgtrigger_insert_insert_868f1 ON ecrf_datalock; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_868f1 ON public.ecrf_datalock IS '706d034ae069ac1fad1e948cf4e6a95918c869fe';


--
-- Name: ecrf_vitalsigns pgtrigger_insert_insert_8d07a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_8d07a AFTER INSERT ON public.ecrf_vitalsigns FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_8d07a();


--
-- Name: TRIGGER pgtrigger_insert_insert_8d07a ON ecrf_vitalsigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_8d07a ON public.ecrf_vitalsigns IS 'a122352e367820f762c5cf9e2bd040cb8df1f2da';


--
-- Name: ecrf_procedure pgtrigger_insert_insert_95e29; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_95e29 AFTER INSERT ON public.ecrf_procedure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_95e29();


--
-- Name: TRIGGER pgtrigger_insert_insert_95e29 ON ecrf_procedure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_95e29 ON public.ecrf_procedure IS '5eb10d050f39e9c33afdb79c8272399fce9c3000';


--
-- Name: ecrf_adverseeventreview pgtrigger_insert_insert_ab3a7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_ab3a7 AFTER INSERT ON public.ecrf_adverseeventreview FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_ab3a7();


--
-- Name: TRIGGER pgtrigger_insert_insert_ab3a7 ON ecrf_adverseeventreview; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_ab3a7 ON public.ecrf_adverseeventreview IS '24137bb98e918707156e2f4ffb050c7ad40a3cd6';


--
-- Name: ecrf_treatmentsession pgtrigger_insert_insert_ab6eb; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_ab6eb AFTER INSERT ON public.ecrf_treatmentsession FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_ab6eb();


--
-- Name: TRIGGER pgtrigger_insert_insert_ab6eb ON ecrf_treatmentsession; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_ab6eb ON public.ecrf_treatmentsession IS '457892316d498d5162122d3377d3bb84654ea79c';


--
-- Name: ecrf_clinicalstatus pgtrigger_insert_insert_aee22; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_aee22 AFTER INSERT ON public.ecrf_clinicalstatus FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_aee22();


--
-- Name: TRIGGER pgtrigger_insert_insert_aee22 ON ecrf_clinicalstatus; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_aee22 ON public.ecrf_clinicalstatus IS '9ec77b7a92c322501ac5d26b0d0881badb582fd3';


--
-- Name: ecrf_devicecheck pgtrigger_insert_insert_c1c0c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_c1c0c AFTER INSERT ON public.ecrf_devicecheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_c1c0c();


--
-- Name: TRIGGER pgtrigger_insert_insert_c1c0c ON ecrf_devicecheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_c1c0c ON public.ecrf_devicecheck IS '5cc2e72f5901a142d952a46a288beb3447cf7ec2';


--
-- Name: ecrf_committeedecision pgtrigger_insert_insert_c32d5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_c32d5 AFTER INSERT ON public.ecrf_committeedecision FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_c32d5();


--
-- Name: TRIGGER pgtrigger_insert_insert_c32d5 ON ecrf_committeedecision; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_c32d5 ON public.ecrf_committeedecision IS 'f4f440b64c6841a1403ae3999fc344eb198052c2';


--
-- Name: ecrf_dataquerymessage pgtrigger_insert_insert_c919b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_c919b AFTER INSERT ON public.ecrf_dataquerymessage FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_c919b();


--
-- Name: TRIGGER pgtrigger_insert_insert_c919b ON ecrf_dataquerymessage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_c919b ON public.ecrf_dataquerymessage IS '6449980301a69352d5130d23acb8e3943548a3e3';


--
-- Name: ecrf_dataquery pgtrigger_insert_insert_c96b3; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_c96b3 AFTER INSERT ON public.ecrf_dataquery FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_c96b3();


--
-- Name: TRIGGER pgtrigger_insert_insert_c96b3 ON ecrf_dataquery; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_c96b3 ON public.ecrf_dataquery IS 'efa1c717671502e9fddb57ca985594bd6ae5e378';


--
-- Name: ecrf_eligibilityanswer pgtrigger_insert_insert_d021e; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_d021e AFTER INSERT ON public.ecrf_eligibilityanswer FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_d021e();


--
-- Name: TRIGGER pgtrigger_insert_insert_d021e ON ecrf_eligibilityanswer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_d021e ON public.ecrf_eligibilityanswer IS '32efc00940771448106d82ad6e95329d9fa05ccd';


--
-- Name: ecrf_signature pgtrigger_insert_insert_e3fd7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_e3fd7 AFTER INSERT ON public.ecrf_signature FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_e3fd7();


--
-- Name: TRIGGER pgtrigger_insert_insert_e3fd7 ON ecrf_signature; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_e3fd7 ON public.ecrf_signature IS 'e5d94ca381cdf2fde61999b7225d4fa6aacda980';


--
-- Name: ecrf_deviation pgtrigger_insert_insert_f31a8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_insert_insert_f31a8 AFTER INSERT ON public.ecrf_deviation FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_insert_insert_f31a8();


--
-- Name: TRIGGER pgtrigger_insert_insert_f31a8 ON ecrf_deviation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_insert_insert_f31a8 ON public.ecrf_deviation IS '92edc63189f6e422597ee55597c7c34c1ee2c0d8';


--
-- Name: ecrf_loginevent pgtrigger_login_event_append_only_4108c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_login_event_append_only_4108c BEFORE DELETE OR UPDATE ON public.ecrf_loginevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_login_event_append_only_4108c();


--
-- Name: TRIGGER pgtrigger_login_event_append_only_4108c ON ecrf_loginevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_login_event_append_only_4108c ON public.ecrf_loginevent IS 'e61dfc6f8882553d629b2e99ecb728b5cc90765f';


--
-- Name: ecrf_passwordhistory pgtrigger_password_history_append_only_ee3ff; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_password_history_append_only_ee3ff BEFORE UPDATE ON public.ecrf_passwordhistory FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_password_history_append_only_ee3ff();


--
-- Name: TRIGGER pgtrigger_password_history_append_only_ee3ff ON ecrf_passwordhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_password_history_append_only_ee3ff ON public.ecrf_passwordhistory IS '4593d56895401dcddb38d666e4da4aced0f503ad';


--
-- Name: ecrf_deviation pgtrigger_protect_delete_20774; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_20774 BEFORE DELETE ON public.ecrf_deviation FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_20774();


--
-- Name: TRIGGER pgtrigger_protect_delete_20774 ON ecrf_deviation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_20774 ON public.ecrf_deviation IS 'd55a9e41a2b58bdd1a8347087000812110187c47';


--
-- Name: ecrf_sessioninterruption pgtrigger_protect_delete_28a20; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_28a20 BEFORE DELETE ON public.ecrf_sessioninterruption FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_28a20();


--
-- Name: TRIGGER pgtrigger_protect_delete_28a20 ON ecrf_sessioninterruption; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_28a20 ON public.ecrf_sessioninterruption IS '7f833cbd8e470872f778dc9b383927dcf348c741';


--
-- Name: ecrf_labpanel pgtrigger_protect_delete_3d2af; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_3d2af BEFORE DELETE ON public.ecrf_labpanel FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_3d2af();


--
-- Name: TRIGGER pgtrigger_protect_delete_3d2af ON ecrf_labpanel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_3d2af ON public.ecrf_labpanel IS '67f349b8da911a0c48ad83070a6f95725f5a976d';


--
-- Name: ecrf_eligibilityanswer pgtrigger_protect_delete_41eb5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_41eb5 BEFORE DELETE ON public.ecrf_eligibilityanswer FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_41eb5();


--
-- Name: TRIGGER pgtrigger_protect_delete_41eb5 ON ecrf_eligibilityanswer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_41eb5 ON public.ecrf_eligibilityanswer IS '4695f9379cbe6772f700bc2f888f9dceaec12825';


--
-- Name: ecrf_concomitantmedication pgtrigger_protect_delete_4523b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_4523b BEFORE DELETE ON public.ecrf_concomitantmedication FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_4523b();


--
-- Name: TRIGGER pgtrigger_protect_delete_4523b ON ecrf_concomitantmedication; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_4523b ON public.ecrf_concomitantmedication IS '75126dcba820159f3c9b788d39d24f1620c8093c';


--
-- Name: ecrf_anticoagulationcheck pgtrigger_protect_delete_490e5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_490e5 BEFORE DELETE ON public.ecrf_anticoagulationcheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_490e5();


--
-- Name: TRIGGER pgtrigger_protect_delete_490e5 ON ecrf_anticoagulationcheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_490e5 ON public.ecrf_anticoagulationcheck IS 'ffe6735a51d497a35096e2dd309b6ab769ea987b';


--
-- Name: ecrf_adverseevent pgtrigger_protect_delete_4a1c6; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_4a1c6 BEFORE DELETE ON public.ecrf_adverseevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_4a1c6();


--
-- Name: TRIGGER pgtrigger_protect_delete_4a1c6 ON ecrf_adverseevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_4a1c6 ON public.ecrf_adverseevent IS '9f8c2e827e0767e9b6b00b7e24e7de01f497bbca';


--
-- Name: ecrf_liverimaging pgtrigger_protect_delete_539c0; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_539c0 BEFORE DELETE ON public.ecrf_liverimaging FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_539c0();


--
-- Name: TRIGGER pgtrigger_protect_delete_539c0 ON ecrf_liverimaging; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_539c0 ON public.ecrf_liverimaging IS '327bf7cc0f60bc4c319f4f303752d98dfe3ee517';


--
-- Name: ecrf_liverfailurediagnosis pgtrigger_protect_delete_55f6c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_55f6c BEFORE DELETE ON public.ecrf_liverfailurediagnosis FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_55f6c();


--
-- Name: TRIGGER pgtrigger_protect_delete_55f6c ON ecrf_liverfailurediagnosis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_55f6c ON public.ecrf_liverfailurediagnosis IS 'c3601d40dd9fa363b41a2dead27b7cf46173b9c2';


--
-- Name: ecrf_enrolment pgtrigger_protect_delete_633dc; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_633dc BEFORE DELETE ON public.ecrf_enrolment FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_633dc();


--
-- Name: TRIGGER pgtrigger_protect_delete_633dc ON ecrf_enrolment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_633dc ON public.ecrf_enrolment IS 'a693a75be7eb0ed91c80cfa4d5c925dfc7df069a';


--
-- Name: ecrf_screenfailure pgtrigger_protect_delete_641eb; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_641eb BEFORE DELETE ON public.ecrf_screenfailure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_641eb();


--
-- Name: TRIGGER pgtrigger_protect_delete_641eb ON ecrf_screenfailure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_641eb ON public.ecrf_screenfailure IS 'fe660aa8b5607de45fbb6386cf1b5e34df78d62a';


--
-- Name: ecrf_adverseeventcoding pgtrigger_protect_delete_8303b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_8303b BEFORE DELETE ON public.ecrf_adverseeventcoding FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_8303b();


--
-- Name: TRIGGER pgtrigger_protect_delete_8303b ON ecrf_adverseeventcoding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_8303b ON public.ecrf_adverseeventcoding IS '85a905bfd32b8e8f15b77872e547ca4e53ff3af0';


--
-- Name: ecrf_datalock pgtrigger_protect_delete_83bab; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_83bab BEFORE DELETE ON public.ecrf_datalock FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_83bab();


--
-- Name: TRIGGER pgtrigger_protect_delete_83bab ON ecrf_datalock; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_83bab ON public.ecrf_datalock IS '1a9b470372d08a840b90cc37af611d8d33f5062e';


--
-- Name: ecrf_vitalsigns pgtrigger_protect_delete_a2ffe; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_a2ffe BEFORE DELETE ON public.ecrf_vitalsigns FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_a2ffe();


--
-- Name: TRIGGER pgtrigger_protect_delete_a2ffe ON ecrf_vitalsigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_a2ffe ON public.ecrf_vitalsigns IS 'a114fef0f71c19ab8b0c08a082b53f678f96a9ea';


--
-- Name: ecrf_disposition pgtrigger_protect_delete_a74ea; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_a74ea BEFORE DELETE ON public.ecrf_disposition FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_a74ea();


--
-- Name: TRIGGER pgtrigger_protect_delete_a74ea ON ecrf_disposition; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_a74ea ON public.ecrf_disposition IS 'caa4f6fe0256eae628ca3518b36c6c8e4339c06c';


--
-- Name: ecrf_medicalhistory pgtrigger_protect_delete_b3dfc; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_b3dfc BEFORE DELETE ON public.ecrf_medicalhistory FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_b3dfc();


--
-- Name: TRIGGER pgtrigger_protect_delete_b3dfc ON ecrf_medicalhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_b3dfc ON public.ecrf_medicalhistory IS 'ae3cc315cf6cc4f244369746b1ff4acec5b685c2';


--
-- Name: ecrf_labresult pgtrigger_protect_delete_b676d; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_b676d BEFORE DELETE ON public.ecrf_labresult FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_b676d();


--
-- Name: TRIGGER pgtrigger_protect_delete_b676d ON ecrf_labresult; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_b676d ON public.ecrf_labresult IS 'b157a74e1612f936141ec9eeb7e9c6bcbfd67f1e';


--
-- Name: ecrf_treatmentsession pgtrigger_protect_delete_c3183; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_c3183 BEFORE DELETE ON public.ecrf_treatmentsession FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_c3183();


--
-- Name: TRIGGER pgtrigger_protect_delete_c3183 ON ecrf_treatmentsession; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_c3183 ON public.ecrf_treatmentsession IS '112f4084f5c8b5fab092f031be6c41663001f264';


--
-- Name: ecrf_procedure pgtrigger_protect_delete_d252a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_d252a BEFORE DELETE ON public.ecrf_procedure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_d252a();


--
-- Name: TRIGGER pgtrigger_protect_delete_d252a ON ecrf_procedure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_d252a ON public.ecrf_procedure IS 'c7bd5023139bd9d11d009b985a7d9fc54ed73a72';


--
-- Name: ecrf_clinicalstatus pgtrigger_protect_delete_d93e1; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_d93e1 BEFORE DELETE ON public.ecrf_clinicalstatus FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_d93e1();


--
-- Name: TRIGGER pgtrigger_protect_delete_d93e1 ON ecrf_clinicalstatus; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_d93e1 ON public.ecrf_clinicalstatus IS 'a5d6a957d8a626d481cb622cd33b5e57ee951630';


--
-- Name: ecrf_devicecheck pgtrigger_protect_delete_f4dc6; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_f4dc6 BEFORE DELETE ON public.ecrf_devicecheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_f4dc6();


--
-- Name: TRIGGER pgtrigger_protect_delete_f4dc6 ON ecrf_devicecheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_f4dc6 ON public.ecrf_devicecheck IS '9fd2e03fcc027037724242f168cbefdee95adbde';


--
-- Name: ecrf_saereport pgtrigger_protect_delete_f95f5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_f95f5 BEFORE DELETE ON public.ecrf_saereport FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_f95f5();


--
-- Name: TRIGGER pgtrigger_protect_delete_f95f5 ON ecrf_saereport; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_f95f5 ON public.ecrf_saereport IS '7b9a8c80ae312aae5df528bb7e657ad999f7a02c';


--
-- Name: ecrf_subject pgtrigger_protect_delete_ff665; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_protect_delete_ff665 BEFORE DELETE ON public.ecrf_subject FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_protect_delete_ff665();


--
-- Name: TRIGGER pgtrigger_protect_delete_ff665 ON ecrf_subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_protect_delete_ff665 ON public.ecrf_subject IS '79a9c17061f39982d9960998e9cb55f0018e7646';


--
-- Name: ecrf_saereport pgtrigger_refuse_when_locked_07aef; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_07aef BEFORE INSERT OR UPDATE ON public.ecrf_saereport FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_07aef();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_07aef ON ecrf_saereport; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_07aef ON public.ecrf_saereport IS 'd3591fe980a129fdaf41b9f5f7f1b2a57ce19938';


--
-- Name: ecrf_anticoagulationcheck pgtrigger_refuse_when_locked_0c9bd; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_0c9bd BEFORE INSERT OR UPDATE ON public.ecrf_anticoagulationcheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_0c9bd();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_0c9bd ON ecrf_anticoagulationcheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_0c9bd ON public.ecrf_anticoagulationcheck IS 'ac4ea7c4a944889d31aa9016e9a87d0c942a8d10';


--
-- Name: ecrf_medicalhistory pgtrigger_refuse_when_locked_21ed0; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_21ed0 BEFORE INSERT OR UPDATE ON public.ecrf_medicalhistory FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_21ed0();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_21ed0 ON ecrf_medicalhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_21ed0 ON public.ecrf_medicalhistory IS 'f5995afc035c3d0f3d8c410f6813e34239de4e44';


--
-- Name: ecrf_eligibilityanswer pgtrigger_refuse_when_locked_2373b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_2373b BEFORE INSERT OR UPDATE ON public.ecrf_eligibilityanswer FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_2373b();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_2373b ON ecrf_eligibilityanswer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_2373b ON public.ecrf_eligibilityanswer IS '521e41e058598fe21598be6e64a4b03da7c65dcf';


--
-- Name: ecrf_adverseevent pgtrigger_refuse_when_locked_289c3; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_289c3 BEFORE INSERT OR UPDATE ON public.ecrf_adverseevent FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_289c3();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_289c3 ON ecrf_adverseevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_289c3 ON public.ecrf_adverseevent IS '84da18ad7b835be04688df7239d57b1387dd94d6';


--
-- Name: ecrf_dataquery pgtrigger_refuse_when_locked_36a5a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_36a5a BEFORE INSERT OR UPDATE ON public.ecrf_dataquery FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_36a5a();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_36a5a ON ecrf_dataquery; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_36a5a ON public.ecrf_dataquery IS 'ff76509c3956b199f9df31305b10592fd65b0361';


--
-- Name: ecrf_vitalsigns pgtrigger_refuse_when_locked_3c845; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_3c845 BEFORE INSERT OR UPDATE ON public.ecrf_vitalsigns FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_3c845();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_3c845 ON ecrf_vitalsigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_3c845 ON public.ecrf_vitalsigns IS '2deac0c942132e9e006629b5852c94e222e38335';


--
-- Name: ecrf_signature pgtrigger_refuse_when_locked_3f742; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_3f742 BEFORE INSERT OR UPDATE ON public.ecrf_signature FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_3f742();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_3f742 ON ecrf_signature; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_3f742 ON public.ecrf_signature IS '418b71431536f1732157808732086a14647ebe6d';


--
-- Name: ecrf_sessioninterruption pgtrigger_refuse_when_locked_4027f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_4027f BEFORE INSERT OR UPDATE ON public.ecrf_sessioninterruption FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_4027f();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_4027f ON ecrf_sessioninterruption; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_4027f ON public.ecrf_sessioninterruption IS 'b697f3a6b4933eb1e013f0f468c411f03712e28d';


--
-- Name: ecrf_enrolment pgtrigger_refuse_when_locked_5af8d; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_5af8d BEFORE INSERT OR UPDATE ON public.ecrf_enrolment FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_5af8d();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_5af8d ON ecrf_enrolment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_5af8d ON public.ecrf_enrolment IS 'cc40f59638d55c199946dad5953ad6588e0d84cb';


--
-- Name: ecrf_subject pgtrigger_refuse_when_locked_60036; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_60036 BEFORE INSERT OR UPDATE ON public.ecrf_subject FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_60036();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_60036 ON ecrf_subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_60036 ON public.ecrf_subject IS '66930f9f9a66cacea324f47547f4a233aa9b24f0';


--
-- Name: ecrf_concomitantmedication pgtrigger_refuse_when_locked_65aba; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_65aba BEFORE INSERT OR UPDATE ON public.ecrf_concomitantmedication FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_65aba();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_65aba ON ecrf_concomitantmedication; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_65aba ON public.ecrf_concomitantmedication IS 'f9e97ae805a2cc2310394aa2dbcbe4cee9ccd0cf';


--
-- Name: ecrf_procedure pgtrigger_refuse_when_locked_6cb89; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_6cb89 BEFORE INSERT OR UPDATE ON public.ecrf_procedure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_6cb89();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_6cb89 ON ecrf_procedure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_6cb89 ON public.ecrf_procedure IS '66eee89eedb285aa11f3f3d1ba48b6b1548eb078';


--
-- Name: ecrf_treatmentsession pgtrigger_refuse_when_locked_896ac; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_896ac BEFORE INSERT OR UPDATE ON public.ecrf_treatmentsession FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_896ac();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_896ac ON ecrf_treatmentsession; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_896ac ON public.ecrf_treatmentsession IS '0ca09635d5cb6da3ff49807187eb44bcbe5ac0d4';


--
-- Name: ecrf_disposition pgtrigger_refuse_when_locked_8f0bb; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_8f0bb BEFORE INSERT OR UPDATE ON public.ecrf_disposition FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_8f0bb();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_8f0bb ON ecrf_disposition; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_8f0bb ON public.ecrf_disposition IS '8e6c50b8fc15bc2d3e1adcfdba0c937ea2b6f9ed';


--
-- Name: ecrf_liverimaging pgtrigger_refuse_when_locked_944e5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_944e5 BEFORE INSERT OR UPDATE ON public.ecrf_liverimaging FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_944e5();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_944e5 ON ecrf_liverimaging; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_944e5 ON public.ecrf_liverimaging IS '8bc648e2030db8880a220f159ca16a1363f3edbd';


--
-- Name: ecrf_liverfailurediagnosis pgtrigger_refuse_when_locked_a0d31; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_a0d31 BEFORE INSERT OR UPDATE ON public.ecrf_liverfailurediagnosis FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_a0d31();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_a0d31 ON ecrf_liverfailurediagnosis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_a0d31 ON public.ecrf_liverfailurediagnosis IS '6b96b575395e27419d403115b2e83ade1684cbf6';


--
-- Name: ecrf_labresult pgtrigger_refuse_when_locked_a5499; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_a5499 BEFORE INSERT OR UPDATE ON public.ecrf_labresult FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_a5499();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_a5499 ON ecrf_labresult; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_a5499 ON public.ecrf_labresult IS 'a079827d1b1e1acff9b76d03cc029d1e253dbaf3';


--
-- Name: ecrf_deviation pgtrigger_refuse_when_locked_aeee6; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_aeee6 BEFORE INSERT OR UPDATE ON public.ecrf_deviation FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_aeee6();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_aeee6 ON ecrf_deviation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_aeee6 ON public.ecrf_deviation IS '44534ce68804822148d981c4312ff0ea840656ad';


--
-- Name: ecrf_labpanel pgtrigger_refuse_when_locked_c41f7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_c41f7 BEFORE INSERT OR UPDATE ON public.ecrf_labpanel FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_c41f7();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_c41f7 ON ecrf_labpanel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_c41f7 ON public.ecrf_labpanel IS 'f258a69ea3fb5bf3869ae5221eea85e560d982fc';


--
-- Name: ecrf_sourceverification pgtrigger_refuse_when_locked_d6c5f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_d6c5f BEFORE INSERT OR UPDATE ON public.ecrf_sourceverification FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_d6c5f();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_d6c5f ON ecrf_sourceverification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_d6c5f ON public.ecrf_sourceverification IS '6412e96ab49e9440580f9e48233e4beb8d3d9e80';


--
-- Name: ecrf_screenfailure pgtrigger_refuse_when_locked_e41b9; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_e41b9 BEFORE INSERT OR UPDATE ON public.ecrf_screenfailure FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_e41b9();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_e41b9 ON ecrf_screenfailure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_e41b9 ON public.ecrf_screenfailure IS 'df2c18907bd21a6021988eb5028c51a6e621a85b';


--
-- Name: ecrf_dataquerymessage pgtrigger_refuse_when_locked_eadf5; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_eadf5 BEFORE INSERT OR UPDATE ON public.ecrf_dataquerymessage FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_eadf5();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_eadf5 ON ecrf_dataquerymessage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_eadf5 ON public.ecrf_dataquerymessage IS '7ee7dd46b1b3dd72bb0350c2a2e9356fba42042f';


--
-- Name: ecrf_clinicalstatus pgtrigger_refuse_when_locked_eb72b; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_eb72b BEFORE INSERT OR UPDATE ON public.ecrf_clinicalstatus FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_eb72b();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_eb72b ON ecrf_clinicalstatus; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_eb72b ON public.ecrf_clinicalstatus IS 'ee660f20323003ce50f5d0fbc43f0beb82f0100d';


--
-- Name: ecrf_devicecheck pgtrigger_refuse_when_locked_f334a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_f334a BEFORE INSERT OR UPDATE ON public.ecrf_devicecheck FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_f334a();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_f334a ON ecrf_devicecheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_f334a ON public.ecrf_devicecheck IS 'b5fcb4ef4bd754dd70d43ffb77dde9a1dc160533';


--
-- Name: ecrf_adverseeventcoding pgtrigger_refuse_when_locked_fc5ae; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_refuse_when_locked_fc5ae BEFORE INSERT OR UPDATE ON public.ecrf_adverseeventcoding FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_refuse_when_locked_fc5ae();


--
-- Name: TRIGGER pgtrigger_refuse_when_locked_fc5ae ON ecrf_adverseeventcoding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_refuse_when_locked_fc5ae ON public.ecrf_adverseeventcoding IS '5fd5fc84e43d6ef7f9e2cee49d3c7ffcb126befb';


--
-- Name: ecrf_sourceverification pgtrigger_sdv_append_only_37732; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_sdv_append_only_37732 BEFORE DELETE OR UPDATE ON public.ecrf_sourceverification FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_sdv_append_only_37732();


--
-- Name: TRIGGER pgtrigger_sdv_append_only_37732 ON ecrf_sourceverification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_sdv_append_only_37732 ON public.ecrf_sourceverification IS '59f7d9bba5ad4c89739c375ece1645f5d8a54b78';


--
-- Name: ecrf_signature pgtrigger_signature_append_only_afed4; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_signature_append_only_afed4 BEFORE DELETE OR UPDATE ON public.ecrf_signature FOR EACH ROW EXECUTE FUNCTION public.pgtrigger_signature_append_only_afed4();


--
-- Name: TRIGGER pgtrigger_signature_append_only_afed4 ON ecrf_signature; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_signature_append_only_afed4 ON public.ecrf_signature IS '03125b3cd42122b39c152aa72c7c916e33068426';


--
-- Name: ecrf_procedure pgtrigger_update_update_03236; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_03236 AFTER UPDATE ON public.ecrf_procedure FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_03236();


--
-- Name: TRIGGER pgtrigger_update_update_03236 ON ecrf_procedure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_03236 ON public.ecrf_procedure IS 'a7b07135d57eed090a34155e8ed23483da140266';


--
-- Name: ecrf_sourceverification pgtrigger_update_update_0c070; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_0c070 AFTER UPDATE ON public.ecrf_sourceverification FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_0c070();


--
-- Name: TRIGGER pgtrigger_update_update_0c070 ON ecrf_sourceverification; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_0c070 ON public.ecrf_sourceverification IS '9f316586ed2197412e2080b91fd8ccd0075074f7';


--
-- Name: ecrf_exportlog pgtrigger_update_update_104ba; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_104ba AFTER UPDATE ON public.ecrf_exportlog FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_104ba();


--
-- Name: TRIGGER pgtrigger_update_update_104ba ON ecrf_exportlog; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_104ba ON public.ecrf_exportlog IS '35d8757afef2ad52498b692d6b841a55fdbeb37b';


--
-- Name: ecrf_adverseevent pgtrigger_update_update_135af; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_135af AFTER UPDATE ON public.ecrf_adverseevent FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_135af();


--
-- Name: TRIGGER pgtrigger_update_update_135af ON ecrf_adverseevent; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_135af ON public.ecrf_adverseevent IS 'e1b653d4c32a3edeacd907db51f537718bf67bde';


--
-- Name: ecrf_liverimaging pgtrigger_update_update_14bc7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_14bc7 AFTER UPDATE ON public.ecrf_liverimaging FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_14bc7();


--
-- Name: TRIGGER pgtrigger_update_update_14bc7 ON ecrf_liverimaging; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_14bc7 ON public.ecrf_liverimaging IS 'b7847b63ca4c3cb2fc4be76486081df71b5604a6';


--
-- Name: ecrf_gaterefusal pgtrigger_update_update_1ceff; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_1ceff AFTER UPDATE ON public.ecrf_gaterefusal FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_1ceff();


--
-- Name: TRIGGER pgtrigger_update_update_1ceff ON ecrf_gaterefusal; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_1ceff ON public.ecrf_gaterefusal IS '7aae4802e2051dd244d08c627c7babf21dce3c89';


--
-- Name: ecrf_adverseeventreview pgtrigger_update_update_20fb7; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_20fb7 AFTER UPDATE ON public.ecrf_adverseeventreview FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_20fb7();


--
-- Name: TRIGGER pgtrigger_update_update_20fb7 ON ecrf_adverseeventreview; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_20fb7 ON public.ecrf_adverseeventreview IS 'a0f03524493e20374d7ccf54eb75b15507bb8327';


--
-- Name: ecrf_anticoagulationcheck pgtrigger_update_update_22a73; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_22a73 AFTER UPDATE ON public.ecrf_anticoagulationcheck FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_22a73();


--
-- Name: TRIGGER pgtrigger_update_update_22a73 ON ecrf_anticoagulationcheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_22a73 ON public.ecrf_anticoagulationcheck IS '1f62c19ce51d84d1404d94aad8446f288ea86383';


--
-- Name: ecrf_alert pgtrigger_update_update_355ab; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_355ab AFTER UPDATE ON public.ecrf_alert FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_355ab();


--
-- Name: TRIGGER pgtrigger_update_update_355ab ON ecrf_alert; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_355ab ON public.ecrf_alert IS '2ec211d58961ceb66b1f4e532f9d7b81011e3a1e';


--
-- Name: ecrf_datalock pgtrigger_update_update_435fa; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_435fa AFTER UPDATE ON public.ecrf_datalock FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_435fa();


--
-- Name: TRIGGER pgtrigger_update_update_435fa ON ecrf_datalock; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_435fa ON public.ecrf_datalock IS 'aa0d25aa37a7de49e7c3e8e13ef5600dad8966cc';


--
-- Name: ecrf_deviation pgtrigger_update_update_51f2a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_51f2a AFTER UPDATE ON public.ecrf_deviation FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_51f2a();


--
-- Name: TRIGGER pgtrigger_update_update_51f2a ON ecrf_deviation; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_51f2a ON public.ecrf_deviation IS 'fa049cd89c8d8fa689595e604be98229128ce911';


--
-- Name: ecrf_vitalsigns pgtrigger_update_update_53408; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_53408 AFTER UPDATE ON public.ecrf_vitalsigns FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_53408();


--
-- Name: TRIGGER pgtrigger_update_update_53408 ON ecrf_vitalsigns; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_53408 ON public.ecrf_vitalsigns IS '3cb89f756dd4549bf1e09d921c17713c534902f2';


--
-- Name: ecrf_liverfailurediagnosis pgtrigger_update_update_59790; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_59790 AFTER UPDATE ON public.ecrf_liverfailurediagnosis FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_59790();


--
-- Name: TRIGGER pgtrigger_update_update_59790 ON ecrf_liverfailurediagnosis; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_59790 ON public.ecrf_liverfailurediagnosis IS 'ec16a9b094af5078102fb0e1a35f7b952e0a9c0a';


--
-- Name: ecrf_treatmentsession pgtrigger_update_update_5b4d0; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_5b4d0 AFTER UPDATE ON public.ecrf_treatmentsession FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_5b4d0();


--
-- Name: TRIGGER pgtrigger_update_update_5b4d0 ON ecrf_treatmentsession; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_5b4d0 ON public.ecrf_treatmentsession IS 'ae9e847dd5167f6a82cd6375fe40d6a653665a7d';


--
-- Name: ecrf_dataquery pgtrigger_update_update_5e42c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_5e42c AFTER UPDATE ON public.ecrf_dataquery FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_5e42c();


--
-- Name: TRIGGER pgtrigger_update_update_5e42c ON ecrf_dataquery; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_5e42c ON public.ecrf_dataquery IS 'bd07c4b94fc96ac6d190f80da7c6dad90863b49b';


--
-- Name: ecrf_enrolment pgtrigger_update_update_64371; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_64371 AFTER UPDATE ON public.ecrf_enrolment FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_64371();


--
-- Name: TRIGGER pgtrigger_update_update_64371 ON ecrf_enrolment; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_64371 ON public.ecrf_enrolment IS 'd9d2ea43a317a9458f82a391a9de6f508781ac77';


--
-- Name: ecrf_committeedecision pgtrigger_update_update_68c0c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_68c0c AFTER UPDATE ON public.ecrf_committeedecision FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_68c0c();


--
-- Name: TRIGGER pgtrigger_update_update_68c0c ON ecrf_committeedecision; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_68c0c ON public.ecrf_committeedecision IS 'b00c897aa3a9adc4ceb362fad2e87847b8e68a26';


--
-- Name: ecrf_labresult pgtrigger_update_update_6e22d; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_6e22d AFTER UPDATE ON public.ecrf_labresult FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_6e22d();


--
-- Name: TRIGGER pgtrigger_update_update_6e22d ON ecrf_labresult; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_6e22d ON public.ecrf_labresult IS '7ce6c8b09c5a2ce1af72d29e7f73b830ccff9ea8';


--
-- Name: ecrf_saereport pgtrigger_update_update_7a99f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_7a99f AFTER UPDATE ON public.ecrf_saereport FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_7a99f();


--
-- Name: TRIGGER pgtrigger_update_update_7a99f ON ecrf_saereport; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_7a99f ON public.ecrf_saereport IS '39eb1d194b979f7745842b7b2c4aee81d6f5da3a';


--
-- Name: ecrf_eligibilityanswer pgtrigger_update_update_84c6a; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_84c6a AFTER UPDATE ON public.ecrf_eligibilityanswer FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_84c6a();


--
-- Name: TRIGGER pgtrigger_update_update_84c6a ON ecrf_eligibilityanswer; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_84c6a ON public.ecrf_eligibilityanswer IS '8a96065947cfdf32a1f0c407305d9b37fba185f1';


--
-- Name: ecrf_arm pgtrigger_update_update_904b6; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_904b6 AFTER UPDATE ON public.ecrf_arm FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_904b6();


--
-- Name: TRIGGER pgtrigger_update_update_904b6 ON ecrf_arm; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_904b6 ON public.ecrf_arm IS '4ad0dd5e816e50f8893ecfa8f6fd5950a9f59f71';


--
-- Name: ecrf_sessioninterruption pgtrigger_update_update_99326; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_99326 AFTER UPDATE ON public.ecrf_sessioninterruption FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_99326();


--
-- Name: TRIGGER pgtrigger_update_update_99326 ON ecrf_sessioninterruption; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_99326 ON public.ecrf_sessioninterruption IS 'd8ce9ab76ee7642d86df92a214638fb6b64032f4';


--
-- Name: ecrf_disposition pgtrigger_update_update_9c166; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_9c166 AFTER UPDATE ON public.ecrf_disposition FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_9c166();


--
-- Name: TRIGGER pgtrigger_update_update_9c166 ON ecrf_disposition; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_9c166 ON public.ecrf_disposition IS '3aa0eb4ea3c8cbf35edd1613978eaba0b06753a4';


--
-- Name: ecrf_dataquerymessage pgtrigger_update_update_9cb82; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_9cb82 AFTER UPDATE ON public.ecrf_dataquerymessage FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_9cb82();


--
-- Name: TRIGGER pgtrigger_update_update_9cb82 ON ecrf_dataquerymessage; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_9cb82 ON public.ecrf_dataquerymessage IS '40a540c25763db3449628f0081c66d03f5ec4f5b';


--
-- Name: ecrf_concomitantmedication pgtrigger_update_update_9ffda; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_9ffda AFTER UPDATE ON public.ecrf_concomitantmedication FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_9ffda();


--
-- Name: TRIGGER pgtrigger_update_update_9ffda ON ecrf_concomitantmedication; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_9ffda ON public.ecrf_concomitantmedication IS 'a4e5f134398cc3856c73686bf21d0fc6e419d6e0';


--
-- Name: ecrf_screenfailure pgtrigger_update_update_a11d8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_a11d8 AFTER UPDATE ON public.ecrf_screenfailure FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_a11d8();


--
-- Name: TRIGGER pgtrigger_update_update_a11d8 ON ecrf_screenfailure; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_a11d8 ON public.ecrf_screenfailure IS 'cdb20c797f7adb4e4996abd3b2d8b3aebe8a9e5a';


--
-- Name: ecrf_devicecheck pgtrigger_update_update_a8d17; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_a8d17 AFTER UPDATE ON public.ecrf_devicecheck FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_a8d17();


--
-- Name: TRIGGER pgtrigger_update_update_a8d17 ON ecrf_devicecheck; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_a8d17 ON public.ecrf_devicecheck IS '02ee8744ef695f0e30740a90e29d2266c137611d';


--
-- Name: ecrf_membership pgtrigger_update_update_ac3c8; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_ac3c8 AFTER UPDATE ON public.ecrf_membership FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_ac3c8();


--
-- Name: TRIGGER pgtrigger_update_update_ac3c8 ON ecrf_membership; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_ac3c8 ON public.ecrf_membership IS 'b2add73f8305fbc1d4f399ca46e0d9178dbf16db';


--
-- Name: ecrf_medicalhistory pgtrigger_update_update_b840f; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_b840f AFTER UPDATE ON public.ecrf_medicalhistory FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_b840f();


--
-- Name: TRIGGER pgtrigger_update_update_b840f ON ecrf_medicalhistory; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_b840f ON public.ecrf_medicalhistory IS 'c38b980990a263103732756b70e0ade680654242';


--
-- Name: ecrf_adverseeventcoding pgtrigger_update_update_c7b20; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_c7b20 AFTER UPDATE ON public.ecrf_adverseeventcoding FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_c7b20();


--
-- Name: TRIGGER pgtrigger_update_update_c7b20 ON ecrf_adverseeventcoding; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_c7b20 ON public.ecrf_adverseeventcoding IS '41c65badc43670947127a111b90724fbe346567f';


--
-- Name: ecrf_labpanel pgtrigger_update_update_ccca4; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_ccca4 AFTER UPDATE ON public.ecrf_labpanel FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_ccca4();


--
-- Name: TRIGGER pgtrigger_update_update_ccca4 ON ecrf_labpanel; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_ccca4 ON public.ecrf_labpanel IS '2e50f5deae82080d9ed0bcde6f025fa5e5a74222';


--
-- Name: ecrf_clinicalstatus pgtrigger_update_update_cf121; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_cf121 AFTER UPDATE ON public.ecrf_clinicalstatus FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_cf121();


--
-- Name: TRIGGER pgtrigger_update_update_cf121 ON ecrf_clinicalstatus; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_cf121 ON public.ecrf_clinicalstatus IS 'c96488ad74bad7fa54370b2605718362c6a298e5';


--
-- Name: ecrf_subject pgtrigger_update_update_d1e91; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_d1e91 AFTER UPDATE ON public.ecrf_subject FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_d1e91();


--
-- Name: TRIGGER pgtrigger_update_update_d1e91 ON ecrf_subject; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_d1e91 ON public.ecrf_subject IS 'b566a6cba1860a83c2b22a7fe6b46e8b238233ac';


--
-- Name: ecrf_signature pgtrigger_update_update_e2dec; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_e2dec AFTER UPDATE ON public.ecrf_signature FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_e2dec();


--
-- Name: TRIGGER pgtrigger_update_update_e2dec ON ecrf_signature; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_e2dec ON public.ecrf_signature IS 'd4cbcd252ffe39b56883ececc9d518289c24aa52';


--
-- Name: ecrf_referencerange pgtrigger_update_update_e4b9c; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER pgtrigger_update_update_e4b9c AFTER UPDATE ON public.ecrf_referencerange FOR EACH ROW WHEN ((old.* IS DISTINCT FROM new.*)) EXECUTE FUNCTION public.pgtrigger_update_update_e4b9c();


--
-- Name: TRIGGER pgtrigger_update_update_e4b9c ON ecrf_referencerange; Type: COMMENT; Schema: public; Owner: -
--

COMMENT ON TRIGGER pgtrigger_update_update_e4b9c ON public.ecrf_referencerange IS '9a8aa3b523993f2800dfeb635162fcf62b5a73af';


--
-- Name: ecrf_accountpreference ecrf_accountpreference_user_id_31443610_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_accountpreference
    ADD CONSTRAINT ecrf_accountpreference_user_id_31443610_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseevent ecrf_adverseevent_created_by_id_93a4f563_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseevent
    ADD CONSTRAINT ecrf_adverseevent_created_by_id_93a4f563_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseevent ecrf_adverseevent_subject_id_94ac6892_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseevent
    ADD CONSTRAINT ecrf_adverseevent_subject_id_94ac6892_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseevent ecrf_adverseevent_voided_by_id_79bed600_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseevent
    ADD CONSTRAINT ecrf_adverseevent_voided_by_id_79bed600_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcod_adverse_event_id_66720e6d_fk_ecrf_adve; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcod_adverse_event_id_66720e6d_fk_ecrf_adve FOREIGN KEY (adverse_event_id) REFERENCES public.ecrf_adverseevent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcoding_coded_by_id_7aaa6056_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcoding_coded_by_id_7aaa6056_fk_auth_user_id FOREIGN KEY (coded_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcoding_created_by_id_e816cde2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcoding_created_by_id_e816cde2_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventcoding ecrf_adverseeventcoding_voided_by_id_022b01eb_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventcoding
    ADD CONSTRAINT ecrf_adverseeventcoding_voided_by_id_022b01eb_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventreview ecrf_adverseeventrev_adverse_event_id_f5783af9_fk_ecrf_adve; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventreview
    ADD CONSTRAINT ecrf_adverseeventrev_adverse_event_id_f5783af9_fk_ecrf_adve FOREIGN KEY (adverse_event_id) REFERENCES public.ecrf_adverseevent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_adverseeventreview ecrf_adverseeventreview_reviewer_id_0fb740f3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_adverseeventreview
    ADD CONSTRAINT ecrf_adverseeventreview_reviewer_id_0fb740f3_fk_auth_user_id FOREIGN KEY (reviewer_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_alert ecrf_alert_adverse_event_id_62219be4_fk_ecrf_adverseevent_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT ecrf_alert_adverse_event_id_62219be4_fk_ecrf_adverseevent_id FOREIGN KEY (adverse_event_id) REFERENCES public.ecrf_adverseevent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_alert ecrf_alert_deviation_id_4b1e8191_fk_ecrf_deviation_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT ecrf_alert_deviation_id_4b1e8191_fk_ecrf_deviation_id FOREIGN KEY (deviation_id) REFERENCES public.ecrf_deviation(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_alert ecrf_alert_recipient_id_23d6d24e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT ecrf_alert_recipient_id_23d6d24e_fk_auth_user_id FOREIGN KEY (recipient_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_alert ecrf_alert_subject_id_f1ff4db7_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_alert
    ADD CONSTRAINT ecrf_alert_subject_id_f1ff4db7_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_anticoagulationcheck ecrf_anticoagulation_created_by_id_d09b4509_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_anticoagulationcheck
    ADD CONSTRAINT ecrf_anticoagulation_created_by_id_d09b4509_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_anticoagulationcheck ecrf_anticoagulation_session_id_34aa396c_fk_ecrf_trea; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_anticoagulationcheck
    ADD CONSTRAINT ecrf_anticoagulation_session_id_34aa396c_fk_ecrf_trea FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_anticoagulationcheck ecrf_anticoagulationcheck_voided_by_id_9a6e3d58_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_anticoagulationcheck
    ADD CONSTRAINT ecrf_anticoagulationcheck_voided_by_id_9a6e3d58_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_arm ecrf_arm_study_id_11bfc7ea_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_arm
    ADD CONSTRAINT ecrf_arm_study_id_11bfc7ea_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_clinicalstatus ecrf_clinicalstatus_created_by_id_7b8d86c3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_clinicalstatus
    ADD CONSTRAINT ecrf_clinicalstatus_created_by_id_7b8d86c3_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_clinicalstatus ecrf_clinicalstatus_subject_id_fc686895_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_clinicalstatus
    ADD CONSTRAINT ecrf_clinicalstatus_subject_id_fc686895_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_clinicalstatus ecrf_clinicalstatus_voided_by_id_e2abe794_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_clinicalstatus
    ADD CONSTRAINT ecrf_clinicalstatus_voided_by_id_e2abe794_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_committeedecision ecrf_committeedecision_arm_id_f046e606_fk_ecrf_arm_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecision
    ADD CONSTRAINT ecrf_committeedecision_arm_id_f046e606_fk_ecrf_arm_id FOREIGN KEY (arm_id) REFERENCES public.ecrf_arm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_committeedecision ecrf_committeedecision_opened_arm_id_e89bf9db_fk_ecrf_arm_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecision
    ADD CONSTRAINT ecrf_committeedecision_opened_arm_id_e89bf9db_fk_ecrf_arm_id FOREIGN KEY (opened_arm_id) REFERENCES public.ecrf_arm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_committeedecision ecrf_committeedecision_signed_by_id_2b9c1c39_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecision
    ADD CONSTRAINT ecrf_committeedecision_signed_by_id_2b9c1c39_fk_auth_user_id FOREIGN KEY (signed_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_committeedecision ecrf_committeedecision_study_id_aa11de2d_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_committeedecision
    ADD CONSTRAINT ecrf_committeedecision_study_id_aa11de2d_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_concomitantmedication ecrf_concomitantmedi_created_by_id_23e8268b_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_concomitantmedication
    ADD CONSTRAINT ecrf_concomitantmedi_created_by_id_23e8268b_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_concomitantmedication ecrf_concomitantmedi_subject_id_f9105d3b_fk_ecrf_subj; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_concomitantmedication
    ADD CONSTRAINT ecrf_concomitantmedi_subject_id_f9105d3b_fk_ecrf_subj FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_concomitantmedication ecrf_concomitantmedi_voided_by_id_ef261c29_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_concomitantmedication
    ADD CONSTRAINT ecrf_concomitantmedi_voided_by_id_ef261c29_fk_auth_user FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_datalock ecrf_datalock_released_by_id_8c213452_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalock
    ADD CONSTRAINT ecrf_datalock_released_by_id_8c213452_fk_auth_user_id FOREIGN KEY (released_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_datalock ecrf_datalock_set_by_id_f64387b5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalock
    ADD CONSTRAINT ecrf_datalock_set_by_id_f64387b5_fk_auth_user_id FOREIGN KEY (set_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_datalock ecrf_datalock_study_id_3072fe5c_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalock
    ADD CONSTRAINT ecrf_datalock_study_id_3072fe5c_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_datalock ecrf_datalock_subject_id_58baa85c_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_datalock
    ADD CONSTRAINT ecrf_datalock_subject_id_58baa85c_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquery ecrf_dataquery_content_type_id_288cbcc5_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquery
    ADD CONSTRAINT ecrf_dataquery_content_type_id_288cbcc5_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquery ecrf_dataquery_raised_by_id_80b6cff5_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquery
    ADD CONSTRAINT ecrf_dataquery_raised_by_id_80b6cff5_fk_auth_user_id FOREIGN KEY (raised_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquery ecrf_dataquery_study_id_dc504f0a_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquery
    ADD CONSTRAINT ecrf_dataquery_study_id_dc504f0a_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquery ecrf_dataquery_subject_id_85695eb4_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquery
    ADD CONSTRAINT ecrf_dataquery_subject_id_85695eb4_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquerymessage ecrf_dataquerymessage_author_id_87868e7b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquerymessage
    ADD CONSTRAINT ecrf_dataquerymessage_author_id_87868e7b_fk_auth_user_id FOREIGN KEY (author_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_dataquerymessage ecrf_dataquerymessage_query_id_52ed08e6_fk_ecrf_dataquery_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_dataquerymessage
    ADD CONSTRAINT ecrf_dataquerymessage_query_id_52ed08e6_fk_ecrf_dataquery_id FOREIGN KEY (query_id) REFERENCES public.ecrf_dataquery(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_deviation ecrf_deviation_created_by_id_613b0d71_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviation
    ADD CONSTRAINT ecrf_deviation_created_by_id_613b0d71_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_deviation ecrf_deviation_session_id_464b5295_fk_ecrf_treatmentsession_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviation
    ADD CONSTRAINT ecrf_deviation_session_id_464b5295_fk_ecrf_treatmentsession_id FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_deviation ecrf_deviation_subject_id_c856a056_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviation
    ADD CONSTRAINT ecrf_deviation_subject_id_c856a056_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_deviation ecrf_deviation_voided_by_id_7b246278_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_deviation
    ADD CONSTRAINT ecrf_deviation_voided_by_id_7b246278_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_devicecheck ecrf_devicecheck_created_by_id_f534c7b3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_devicecheck
    ADD CONSTRAINT ecrf_devicecheck_created_by_id_f534c7b3_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_devicecheck ecrf_devicecheck_session_id_7d4031e1_fk_ecrf_trea; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_devicecheck
    ADD CONSTRAINT ecrf_devicecheck_session_id_7d4031e1_fk_ecrf_trea FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_devicecheck ecrf_devicecheck_voided_by_id_703a4e67_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_devicecheck
    ADD CONSTRAINT ecrf_devicecheck_voided_by_id_703a4e67_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_disposition ecrf_disposition_created_by_id_039f9da0_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_disposition
    ADD CONSTRAINT ecrf_disposition_created_by_id_039f9da0_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_disposition ecrf_disposition_subject_id_f4d8f206_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_disposition
    ADD CONSTRAINT ecrf_disposition_subject_id_f4d8f206_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_disposition ecrf_disposition_voided_by_id_0bf6243c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_disposition
    ADD CONSTRAINT ecrf_disposition_voided_by_id_0bf6243c_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_eligibilityanswer ecrf_eligibilityanswer_created_by_id_8fa09ea8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswer
    ADD CONSTRAINT ecrf_eligibilityanswer_created_by_id_8fa09ea8_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_eligibilityanswer ecrf_eligibilityanswer_subject_id_3409f57a_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswer
    ADD CONSTRAINT ecrf_eligibilityanswer_subject_id_3409f57a_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_eligibilityanswer ecrf_eligibilityanswer_voided_by_id_b88e8bf6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_eligibilityanswer
    ADD CONSTRAINT ecrf_eligibilityanswer_voided_by_id_b88e8bf6_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_enrolment ecrf_enrolment_arm_id_60c44ade_fk_ecrf_arm_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_arm_id_60c44ade_fk_ecrf_arm_id FOREIGN KEY (arm_id) REFERENCES public.ecrf_arm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_enrolment ecrf_enrolment_created_by_id_1df91fd9_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_created_by_id_1df91fd9_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_enrolment ecrf_enrolment_subject_id_0d23961f_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_subject_id_0d23961f_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_enrolment ecrf_enrolment_voided_by_id_f25d11b8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_enrolment
    ADD CONSTRAINT ecrf_enrolment_voided_by_id_f25d11b8_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_exportlog ecrf_exportlog_exported_by_id_b34be1b8_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_exportlog
    ADD CONSTRAINT ecrf_exportlog_exported_by_id_b34be1b8_fk_auth_user_id FOREIGN KEY (exported_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_exportlog ecrf_exportlog_study_id_524f69f6_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_exportlog
    ADD CONSTRAINT ecrf_exportlog_study_id_524f69f6_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_gaterefusal ecrf_gaterefusal_arm_id_20cb1fc7_fk_ecrf_arm_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_gaterefusal
    ADD CONSTRAINT ecrf_gaterefusal_arm_id_20cb1fc7_fk_ecrf_arm_id FOREIGN KEY (arm_id) REFERENCES public.ecrf_arm(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_gaterefusal ecrf_gaterefusal_subject_id_52a174a7_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_gaterefusal
    ADD CONSTRAINT ecrf_gaterefusal_subject_id_52a174a7_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_gaterefusal ecrf_gaterefusal_user_id_e37266c2_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_gaterefusal
    ADD CONSTRAINT ecrf_gaterefusal_user_id_e37266c2_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labpanel ecrf_labpanel_created_by_id_3542117e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanel
    ADD CONSTRAINT ecrf_labpanel_created_by_id_3542117e_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labpanel ecrf_labpanel_session_id_2a514d30_fk_ecrf_treatmentsession_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanel
    ADD CONSTRAINT ecrf_labpanel_session_id_2a514d30_fk_ecrf_treatmentsession_id FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labpanel ecrf_labpanel_subject_id_d7228899_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanel
    ADD CONSTRAINT ecrf_labpanel_subject_id_d7228899_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labpanel ecrf_labpanel_voided_by_id_0e8d656e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labpanel
    ADD CONSTRAINT ecrf_labpanel_voided_by_id_0e8d656e_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labresult ecrf_labresult_created_by_id_5cc410f3_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresult
    ADD CONSTRAINT ecrf_labresult_created_by_id_5cc410f3_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labresult ecrf_labresult_panel_id_0c6172bf_fk_ecrf_labpanel_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresult
    ADD CONSTRAINT ecrf_labresult_panel_id_0c6172bf_fk_ecrf_labpanel_id FOREIGN KEY (panel_id) REFERENCES public.ecrf_labpanel(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labresult ecrf_labresult_subject_id_737cad19_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresult
    ADD CONSTRAINT ecrf_labresult_subject_id_737cad19_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_labresult ecrf_labresult_voided_by_id_af7ef2f9_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_labresult
    ADD CONSTRAINT ecrf_labresult_voided_by_id_af7ef2f9_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverfailurediagnosis ecrf_liverfailuredia_created_by_id_3750b599_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverfailurediagnosis
    ADD CONSTRAINT ecrf_liverfailuredia_created_by_id_3750b599_fk_auth_user FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverfailurediagnosis ecrf_liverfailuredia_subject_id_35474e8e_fk_ecrf_subj; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverfailurediagnosis
    ADD CONSTRAINT ecrf_liverfailuredia_subject_id_35474e8e_fk_ecrf_subj FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverfailurediagnosis ecrf_liverfailuredia_voided_by_id_d6460391_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverfailurediagnosis
    ADD CONSTRAINT ecrf_liverfailuredia_voided_by_id_d6460391_fk_auth_user FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverimaging ecrf_liverimaging_created_by_id_632ab84f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverimaging
    ADD CONSTRAINT ecrf_liverimaging_created_by_id_632ab84f_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverimaging ecrf_liverimaging_subject_id_bc7e4741_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverimaging
    ADD CONSTRAINT ecrf_liverimaging_subject_id_bc7e4741_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_liverimaging ecrf_liverimaging_voided_by_id_46a33b92_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_liverimaging
    ADD CONSTRAINT ecrf_liverimaging_voided_by_id_46a33b92_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_loginevent ecrf_loginevent_user_id_358f6586_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_loginevent
    ADD CONSTRAINT ecrf_loginevent_user_id_358f6586_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_medicalhistory ecrf_medicalhistory_created_by_id_b8a9c7fb_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_medicalhistory
    ADD CONSTRAINT ecrf_medicalhistory_created_by_id_b8a9c7fb_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_medicalhistory ecrf_medicalhistory_subject_id_701ceba4_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_medicalhistory
    ADD CONSTRAINT ecrf_medicalhistory_subject_id_701ceba4_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_medicalhistory ecrf_medicalhistory_voided_by_id_0f3b517e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_medicalhistory
    ADD CONSTRAINT ecrf_medicalhistory_voided_by_id_0f3b517e_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_membership ecrf_membership_site_id_03eec357_fk_ecrf_site_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_membership
    ADD CONSTRAINT ecrf_membership_site_id_03eec357_fk_ecrf_site_id FOREIGN KEY (site_id) REFERENCES public.ecrf_site(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_membership ecrf_membership_user_id_c14280f4_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_membership
    ADD CONSTRAINT ecrf_membership_user_id_c14280f4_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_passwordchangerequired ecrf_passwordchanger_required_by_id_cb7ef038_fk_auth_user; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_passwordchangerequired
    ADD CONSTRAINT ecrf_passwordchanger_required_by_id_cb7ef038_fk_auth_user FOREIGN KEY (required_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_passwordchangerequired ecrf_passwordchangerequired_user_id_7511f57c_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_passwordchangerequired
    ADD CONSTRAINT ecrf_passwordchangerequired_user_id_7511f57c_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_passwordhistory ecrf_passwordhistory_user_id_7cfe64cf_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_passwordhistory
    ADD CONSTRAINT ecrf_passwordhistory_user_id_7cfe64cf_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_procedure ecrf_procedure_created_by_id_eaac1709_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_procedure
    ADD CONSTRAINT ecrf_procedure_created_by_id_eaac1709_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_procedure ecrf_procedure_subject_id_73ead200_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_procedure
    ADD CONSTRAINT ecrf_procedure_subject_id_73ead200_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_procedure ecrf_procedure_voided_by_id_dd004fe6_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_procedure
    ADD CONSTRAINT ecrf_procedure_voided_by_id_dd004fe6_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_referencerange ecrf_referencerange_site_id_5f581147_fk_ecrf_site_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_referencerange
    ADD CONSTRAINT ecrf_referencerange_site_id_5f581147_fk_ecrf_site_id FOREIGN KEY (site_id) REFERENCES public.ecrf_site(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_saereport ecrf_saereport_adverse_event_id_7ec393fd_fk_ecrf_adve; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereport
    ADD CONSTRAINT ecrf_saereport_adverse_event_id_7ec393fd_fk_ecrf_adve FOREIGN KEY (adverse_event_id) REFERENCES public.ecrf_adverseevent(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_saereport ecrf_saereport_created_by_id_c460be1d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereport
    ADD CONSTRAINT ecrf_saereport_created_by_id_c460be1d_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_saereport ecrf_saereport_voided_by_id_0fcef39f_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_saereport
    ADD CONSTRAINT ecrf_saereport_voided_by_id_0fcef39f_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_screenfailure ecrf_screenfailure_created_by_id_d3b1296d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailure
    ADD CONSTRAINT ecrf_screenfailure_created_by_id_d3b1296d_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_screenfailure ecrf_screenfailure_subject_id_d0bc48a7_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailure
    ADD CONSTRAINT ecrf_screenfailure_subject_id_d0bc48a7_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_screenfailure ecrf_screenfailure_voided_by_id_8a7f239e_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_screenfailure
    ADD CONSTRAINT ecrf_screenfailure_voided_by_id_8a7f239e_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sessioninterruption ecrf_sessioninterrup_session_id_4b18e5e1_fk_ecrf_trea; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sessioninterruption
    ADD CONSTRAINT ecrf_sessioninterrup_session_id_4b18e5e1_fk_ecrf_trea FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sessioninterruption ecrf_sessioninterruption_created_by_id_47a62a23_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sessioninterruption
    ADD CONSTRAINT ecrf_sessioninterruption_created_by_id_47a62a23_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sessioninterruption ecrf_sessioninterruption_voided_by_id_a7732062_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sessioninterruption
    ADD CONSTRAINT ecrf_sessioninterruption_voided_by_id_a7732062_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_signature ecrf_signature_content_type_id_20a363ae_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_signature
    ADD CONSTRAINT ecrf_signature_content_type_id_20a363ae_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_signature ecrf_signature_signer_id_9d9ff1aa_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_signature
    ADD CONSTRAINT ecrf_signature_signer_id_9d9ff1aa_fk_auth_user_id FOREIGN KEY (signer_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_signature ecrf_signature_subject_id_e7d0d1c6_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_signature
    ADD CONSTRAINT ecrf_signature_subject_id_e7d0d1c6_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_site ecrf_site_study_id_85bc78d4_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_site
    ADD CONSTRAINT ecrf_site_study_id_85bc78d4_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sourceverification ecrf_sourceverificat_content_type_id_cf349639_fk_django_co; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sourceverification
    ADD CONSTRAINT ecrf_sourceverificat_content_type_id_cf349639_fk_django_co FOREIGN KEY (content_type_id) REFERENCES public.django_content_type(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sourceverification ecrf_sourceverification_subject_id_be666552_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sourceverification
    ADD CONSTRAINT ecrf_sourceverification_subject_id_be666552_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_sourceverification ecrf_sourceverification_verified_by_id_46ad0139_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_sourceverification
    ADD CONSTRAINT ecrf_sourceverification_verified_by_id_46ad0139_fk_auth_user_id FOREIGN KEY (verified_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_subject ecrf_subject_created_by_id_2eaf0c3b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT ecrf_subject_created_by_id_2eaf0c3b_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_subject ecrf_subject_site_id_cd9663cd_fk_ecrf_site_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT ecrf_subject_site_id_cd9663cd_fk_ecrf_site_id FOREIGN KEY (site_id) REFERENCES public.ecrf_site(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_subject ecrf_subject_study_id_7fc8f13a_fk_ecrf_study_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT ecrf_subject_study_id_7fc8f13a_fk_ecrf_study_id FOREIGN KEY (study_id) REFERENCES public.ecrf_study(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_subject ecrf_subject_voided_by_id_7d48a8bd_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_subject
    ADD CONSTRAINT ecrf_subject_voided_by_id_7d48a8bd_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_submissionkey ecrf_submissionkey_user_id_d447052d_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_submissionkey
    ADD CONSTRAINT ecrf_submissionkey_user_id_d447052d_fk_auth_user_id FOREIGN KEY (user_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_treatmentsession ecrf_treatmentsession_created_by_id_32e69019_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_treatmentsession
    ADD CONSTRAINT ecrf_treatmentsession_created_by_id_32e69019_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_treatmentsession ecrf_treatmentsession_subject_id_06ed4e40_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_treatmentsession
    ADD CONSTRAINT ecrf_treatmentsession_subject_id_06ed4e40_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_treatmentsession ecrf_treatmentsession_voided_by_id_e1ff7f5b_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_treatmentsession
    ADD CONSTRAINT ecrf_treatmentsession_voided_by_id_e1ff7f5b_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_vitalsigns ecrf_vitalsigns_created_by_id_fe1f7582_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsigns
    ADD CONSTRAINT ecrf_vitalsigns_created_by_id_fe1f7582_fk_auth_user_id FOREIGN KEY (created_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_vitalsigns ecrf_vitalsigns_session_id_dcde5a07_fk_ecrf_treatmentsession_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsigns
    ADD CONSTRAINT ecrf_vitalsigns_session_id_dcde5a07_fk_ecrf_treatmentsession_id FOREIGN KEY (session_id) REFERENCES public.ecrf_treatmentsession(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_vitalsigns ecrf_vitalsigns_subject_id_9a07d256_fk_ecrf_subject_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsigns
    ADD CONSTRAINT ecrf_vitalsigns_subject_id_9a07d256_fk_ecrf_subject_id FOREIGN KEY (subject_id) REFERENCES public.ecrf_subject(id) DEFERRABLE INITIALLY DEFERRED;


--
-- Name: ecrf_vitalsigns ecrf_vitalsigns_voided_by_id_f5a5aff7_fk_auth_user_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ecrf_vitalsigns
    ADD CONSTRAINT ecrf_vitalsigns_voided_by_id_f5a5aff7_fk_auth_user_id FOREIGN KEY (voided_by_id) REFERENCES public.auth_user(id) DEFERRABLE INITIALLY DEFERRED;
