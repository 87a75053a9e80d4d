"""Small-for-size syndrome's index operation leaves the core diagnosis for studies/cips_bal
(SmallForSizeOperation, issue 20 item 3). cips_bal's 0002 (run_before this one) has copied
the values and their history; this refuses to drop a value nobody copied. The constraint
"SFSS category => operation" becomes CiPS-BAL's rule V18 (studies/cips_bal/protocol.py)."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations
from pathlib import Path

from . import RenderOnce

REFUSE_UNCOPIED = """
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
"""

# Back to the columns when this migration is unapplied.
COPY_BACK = """
UPDATE "ecrf_liverfailurediagnosis" d
   SET "sfss_operation" = o."sfss_operation", "sfss_operation_date" = o."sfss_operation_date",
       "graft_weight_g" = o."graft_weight_g"
  FROM "cips_bal_smallforsizeoperation" o
 WHERE o."diagnosis_id" = d."id" AND o."voided_at" IS NULL;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('ecrf', '0033_functional_hepatocytes_moved_to_cips_bal'),
    ]

    operations_as_written = [
        migrations.RunSQL(sql=REFUSE_UNCOPIED, reverse_sql=COPY_BACK),
        pgtrigger.migrations.RemoveTrigger(
            model_name='liverfailurediagnosis',
            name='insert_insert',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='liverfailurediagnosis',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='liverfailurediagnosis',
            name='delete_delete',
        ),
        migrations.RemoveConstraint(
            model_name='liverfailurediagnosis',
            name='liver_failure_sfss_has_operation',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosis',
            name='graft_weight_g',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosis',
            name='sfss_operation',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosis',
            name='sfss_operation_date',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosisevent',
            name='graft_weight_g',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosisevent',
            name='sfss_operation',
        ),
        migrations.RemoveField(
            model_name='liverfailurediagnosisevent',
            name='sfss_operation_date',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='liverfailurediagnosis',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='69465b8f7a97f902119dbedeecd94c6002110cdc', operation='INSERT', pgid='pgtrigger_insert_insert_849c1', table='ecrf_liverfailurediagnosis', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='liverfailurediagnosis',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."aetiology", NEW."category", NEW."chronic_liver_disease", NEW."cirrhosis", NEW."created_at", NEW."created_by_id", NEW."diagnosed_on", NEW."form_status", NEW."guideline", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."subject_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='26f7c82344abe2769b54d6ca92e02b5f0525dc1c', operation='UPDATE', pgid='pgtrigger_update_update_59790', table='ecrf_liverfailurediagnosis', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='liverfailurediagnosis',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "ecrf_liverfailurediagnosisevent" ("aetiology", "category", "chronic_liver_disease", "cirrhosis", "created_at", "created_by_id", "diagnosed_on", "form_status", "guideline", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "subject_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."aetiology", OLD."category", OLD."chronic_liver_disease", OLD."cirrhosis", OLD."created_at", OLD."created_by_id", OLD."diagnosed_on", OLD."form_status", OLD."guideline", OLD."id", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."subject_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;', hash='6c4e8b31747e9216abf41246c82ac4ee784a3a91', operation='DELETE', pgid='pgtrigger_delete_delete_78699', table='ecrf_liverfailurediagnosis', when='AFTER')),
        ),
    ]

    # Rendered once (issue 20 item 7; tests/operations/render_once.py): the database
    # runs this file's .sql, the SQL these operations emitted, and the models' state
    # takes them without re-rendering after each one. Edit neither: write a migration.
    operations = [RenderOnce(Path(__file__).with_suffix(".sql"), operations_as_written)]
