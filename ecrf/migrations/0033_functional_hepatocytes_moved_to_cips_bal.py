"""CiPS-BAL's functional fraction leaves the core session for studies/cips_bal
(FunctionalHepatocytes, issue 20 item 3). cips_bal's 0001 (run_before this one) has copied
the values and their history; this refuses to drop a value nobody copied."""

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations
from pathlib import Path

from . import RenderOnce

# Without studies.cips_bal installed nothing copied the values: stop rather than lose them.
REFUSE_UNCOPIED = """
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
"""

# Back to the column, when this migration is unapplied (the values; the history stays
# with cips_bal's rows until its own migration is unapplied).
COPY_BACK = """
UPDATE "ecrf_treatmentsession" s SET "functional_percent" = f."functional_percent"
  FROM "cips_bal_functionalhepatocytes" f
 WHERE f."session_id" = s."id" AND f."voided_at" IS NULL;
"""


class Migration(migrations.Migration):

    dependencies = [
        ('ecrf', '0032_version_1_0_in_force_at_existing_sites'),
    ]

    operations_as_written = [
        migrations.RunSQL(sql=REFUSE_UNCOPIED, reverse_sql=COPY_BACK),
        pgtrigger.migrations.RemoveTrigger(
            model_name='treatmentsession',
            name='insert_insert',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='treatmentsession',
            name='update_update',
        ),
        pgtrigger.migrations.RemoveTrigger(
            model_name='treatmentsession',
            name='delete_delete',
        ),
        migrations.RemoveField(
            model_name='treatmentsession',
            name='functional_percent',
        ),
        migrations.RemoveField(
            model_name='treatmentsessionevent',
            name='functional_percent',
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='treatmentsession',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;', hash='d87b52544946eb79d2e22015f2156c85c9872428', operation='INSERT', pgid='pgtrigger_insert_insert_ab6eb', table='ecrf_treatmentsession', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='treatmentsession',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (NEW."access_side", NEW."access_site", NEW."anticoagulation", NEW."blood_flow_ml_min", NEW."catheter_size_fr", NEW."catheter_type", NEW."cell_lot", NEW."completed_as_planned", NEW."created_at", NEW."created_by_id", NEW."device_serial", NEW."ended_at", NEW."form_status", NEW."gross_minutes", NEW."id", NEW."interruption_minutes", NEW."net_minutes", NEW."number", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."planned_minutes", NEW."plasma_flow_ml_min", NEW."started_at", NEW."subject_id", NEW."termination_details", NEW."termination_reason", NEW."total_cells_e9", NEW."updated_at", NEW."version", NEW."viability_percent", NEW."void_reason", NEW."voided_at", NEW."voided_by_id", NEW."weight_kg"); RETURN NULL;', hash='72ae02da5641aca59160b963e51701a70271d0dd', operation='UPDATE', pgid='pgtrigger_update_update_5b4d0', table='ecrf_treatmentsession', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='treatmentsession',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "ecrf_treatmentsessionevent" ("access_side", "access_site", "anticoagulation", "blood_flow_ml_min", "catheter_size_fr", "catheter_type", "cell_lot", "completed_as_planned", "created_at", "created_by_id", "device_serial", "ended_at", "form_status", "gross_minutes", "id", "interruption_minutes", "net_minutes", "number", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "planned_minutes", "plasma_flow_ml_min", "started_at", "subject_id", "termination_details", "termination_reason", "total_cells_e9", "updated_at", "version", "viability_percent", "void_reason", "voided_at", "voided_by_id", "weight_kg") VALUES (OLD."access_side", OLD."access_site", OLD."anticoagulation", OLD."blood_flow_ml_min", OLD."catheter_size_fr", OLD."catheter_type", OLD."cell_lot", OLD."completed_as_planned", OLD."created_at", OLD."created_by_id", OLD."device_serial", OLD."ended_at", OLD."form_status", OLD."gross_minutes", OLD."id", OLD."interruption_minutes", OLD."net_minutes", OLD."number", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."planned_minutes", OLD."plasma_flow_ml_min", OLD."started_at", OLD."subject_id", OLD."termination_details", OLD."termination_reason", OLD."total_cells_e9", OLD."updated_at", OLD."version", OLD."viability_percent", OLD."void_reason", OLD."voided_at", OLD."voided_by_id", OLD."weight_kg"); RETURN NULL;', hash='76392c956be2093a595a1da4d72696a43b46eb11', operation='DELETE', pgid='pgtrigger_delete_delete_a20e7', table='ecrf_treatmentsession', when='AFTER')),
        ),
    ]

    # Rendered once (issue 20 item 7; tests/operations/render_once.py): the database
    # runs this file's .sql, the SQL these operations emitted, and the models' state
    # takes them without re-rendering after each one. Edit neither: write a migration.
    operations = [RenderOnce(Path(__file__).with_suffix(".sql"), operations_as_written)]
