"""Small-for-size syndrome's index operation, a part of the liver-failure diagnosis that
only CiPS-BAL has (issue 20 item 3): created here, with the values and the history that
ecrf's diagnosis held, before ecrf's 0034 drops its columns."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from django.conf import settings
from django.db import migrations, models
from pathlib import Path

from . import RenderOnce


# One row per diagnosis that ever had an operation or a graft weight, voided with it.
COPY_ROWS = """
INSERT INTO "cips_bal_smallforsizeoperation"
    ("version", "created_at", "created_by_id", "updated_at", "voided_at", "voided_by_id",
     "void_reason", "diagnosis_id", "sfss_operation", "sfss_operation_date", "graft_weight_g")
SELECT 1, d."created_at", d."created_by_id", d."updated_at", d."voided_at", d."voided_by_id",
       d."void_reason", d."id", d."sfss_operation", d."sfss_operation_date", d."graft_weight_g"
  FROM "ecrf_liverfailurediagnosis" d
 WHERE d."sfss_operation" <> '' OR d."sfss_operation_date" IS NOT NULL
    OR d."graft_weight_g" IS NOT NULL
    OR EXISTS (SELECT 1 FROM "ecrf_liverfailurediagnosisevent" e
                WHERE e."pgh_obj_id" = d."id"
                  AND (e."sfss_operation" <> '' OR e."sfss_operation_date" IS NOT NULL
                       OR e."graft_weight_g" IS NOT NULL))
 ORDER BY d."id";
"""

# Each diagnosis event that set or changed them (or voided the diagnosis) becomes an event
# of its row, at the same time and in the same context (who, why, which request).
COPY_HISTORY = """
INSERT INTO "cips_bal_smallforsizeoperationevent"
    ("pgh_created_at", "pgh_label", "pgh_obj_id", "pgh_context_id", "id", "version",
     "created_at", "created_by_id", "updated_at", "voided_at", "voided_by_id", "void_reason",
     "diagnosis_id", "sfss_operation", "sfss_operation_date", "graft_weight_g")
SELECT e."pgh_created_at", CASE WHEN e."n" = 1 THEN 'insert' ELSE 'update' END, o."id",
       e."pgh_context_id", o."id", 1, e."created_at", e."created_by_id", e."updated_at",
       e."voided_at", e."voided_by_id", e."void_reason", e."pgh_obj_id", e."sfss_operation",
       e."sfss_operation_date", e."graft_weight_g"
  FROM (SELECT ev.*,
               ROW_NUMBER() OVER w AS "n",
               LAG(ROW(ev."sfss_operation", ev."sfss_operation_date", ev."graft_weight_g",
                       ev."voided_at")::TEXT) OVER w AS "previous"
          FROM "ecrf_liverfailurediagnosisevent" ev
        WINDOW w AS (PARTITION BY ev."pgh_obj_id" ORDER BY ev."pgh_id")) e
  JOIN "cips_bal_smallforsizeoperation" o ON o."diagnosis_id" = e."pgh_obj_id"
 WHERE e."n" = 1
    OR ROW(e."sfss_operation", e."sfss_operation_date", e."graft_weight_g",
           e."voided_at")::TEXT IS DISTINCT FROM e."previous"
 ORDER BY e."pgh_id";
"""


class Migration(migrations.Migration):

    # Copied before ecrf drops the columns.
    run_before = [('ecrf', '0034_small_for_size_moved_to_cips_bal')]

    dependencies = [
        ('cips_bal', '0001_functional_hepatocytes'),
        ('ecrf', '0033_functional_hepatocytes_moved_to_cips_bal'),
        ('pghistory', '0007_auto_20250421_0444'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations_as_written = [
        migrations.CreateModel(
            name='SmallForSizeOperation',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('voided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='voided at')),
                ('void_reason', models.TextField(blank=True, editable=False, verbose_name='reason for voiding')),
                ('sfss_operation', models.CharField(blank=True, choices=[('living_donor', 'Living-donor liver transplantation'), ('split', 'Split deceased-donor liver transplantation'), ('hepatectomy', 'Extended hepatectomy'), ('other', 'Other')], max_length=15, verbose_name='index operation')),
                ('sfss_operation_date', models.DateField(blank=True, null=True, verbose_name='operation date')),
                ('graft_weight_g', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(150), django.core.validators.MaxValueValidator(2000)], verbose_name='graft weight (g)')),
                ('created_by', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('diagnosis', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='small_for_size', to='ecrf.liverfailurediagnosis')),
                ('voided_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'verbose_name': 'small-for-size syndrome',
                'verbose_name_plural': 'small-for-size syndrome',
            },
        ),
        migrations.CreateModel(
            name='SmallForSizeOperationEvent',
            fields=[
                ('pgh_id', models.AutoField(primary_key=True, serialize=False)),
                ('pgh_created_at', models.DateTimeField(auto_now_add=True)),
                ('pgh_label', models.TextField(help_text='The event label.')),
                ('id', models.BigIntegerField()),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('voided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='voided at')),
                ('void_reason', models.TextField(blank=True, editable=False, verbose_name='reason for voiding')),
                ('sfss_operation', models.CharField(blank=True, choices=[('living_donor', 'Living-donor liver transplantation'), ('split', 'Split deceased-donor liver transplantation'), ('hepatectomy', 'Extended hepatectomy'), ('other', 'Other')], max_length=15, verbose_name='index operation')),
                ('sfss_operation_date', models.DateField(blank=True, null=True, verbose_name='operation date')),
                ('graft_weight_g', models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(150), django.core.validators.MaxValueValidator(2000)], verbose_name='graft weight (g)')),
                ('created_by', models.ForeignKey(db_constraint=False, editable=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ('diagnosis', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='ecrf.liverfailurediagnosis')),
                ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                ('pgh_obj', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='cips_bal.smallforsizeoperation')),
                ('voided_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='smallforsizeoperation',
            constraint=models.UniqueConstraint(condition=models.Q(('voided_at__isnull', True)), fields=('diagnosis',), name='small_for_size_once_per_diagnosis'),
        ),
        migrations.AddConstraint(
            model_name='smallforsizeoperation',
            constraint=models.CheckConstraint(condition=models.Q(('voided_at__isnull', True), models.Q(('void_reason', ''), _negated=True), _connector='OR'), name='smallforsizeoperation_voided_has_reason'),
        ),
        # Copied before the triggers exist: the rows get their history from the
        # diagnosis's events, not a new "insert" of today, and a lock does not refuse it.
        migrations.RunSQL(sql=COPY_ROWS, reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(sql=COPY_HISTORY, reverse_sql=migrations.RunSQL.noop),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperation',
            trigger=pgtrigger.compiler.Trigger(name='protect_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='e896810c13d66c012c2af13daa48c19595c67f5f', operation='DELETE', pgid='pgtrigger_protect_delete_37318', table='cips_bal_smallforsizeoperation', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperation',
            trigger=pgtrigger.compiler.Trigger(name='refuse_when_locked', sql=pgtrigger.compiler.UpsertTriggerSql(declare='DECLARE lock_id BIGINT; lock_level VARCHAR(10);', func='\n            SELECT lk."id", lk."level" INTO lock_id, lock_level\n              FROM "ecrf_datalock" lk\n             WHERE lk."released_at" IS NULL\n               AND lk."level" IN (\'frozen\', \'locked\')\n               AND ((lk."form_table" = \'\' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_liverfailurediagnosis" WHERE "id" = NEW."diagnosis_id")))\n                   OR (lk."form_table" = \'\' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_liverfailurediagnosis" WHERE "id" = NEW."diagnosis_id"))\n                   OR (lk."form_table" = \'cips_bal_smallforsizeoperation\' AND lk."form_id" = NEW."id")\n                   OR (lk."form_table" = \'ecrf_liverfailurediagnosis\' AND lk."form_id" = NEW."diagnosis_id"))\n             ORDER BY lk."level" = \'locked\' DESC\n             LIMIT 1;\n            IF FOUND THEN\n                RAISE EXCEPTION \'ecrf: % is % (data lock %)\', TG_TABLE_NAME, lock_level, lock_id\n                    USING ERRCODE = \'EL423\', DETAIL = lock_level || \':\' || lock_id;\n            END IF;\n            RETURN NEW;\n        ', hash='5630502b336fa2ff021a4ffce81b39a074eb74ee', operation='INSERT OR UPDATE', pgid='pgtrigger_refuse_when_locked_97373', table='cips_bal_smallforsizeoperation', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperation',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "cips_bal_smallforsizeoperationevent" ("created_at", "created_by_id", "diagnosis_id", "graft_weight_g", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."diagnosis_id", NEW."graft_weight_g", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."sfss_operation", NEW."sfss_operation_date", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='6a3b9d8211f21144e61fac7b1ea20d3ecb993075', operation='INSERT', pgid='pgtrigger_insert_insert_aea98', table='cips_bal_smallforsizeoperation', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperation',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "cips_bal_smallforsizeoperationevent" ("created_at", "created_by_id", "diagnosis_id", "graft_weight_g", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."diagnosis_id", NEW."graft_weight_g", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."sfss_operation", NEW."sfss_operation_date", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='36b8aabfa0ad6644af2442d1c9700ed3bf0c75ae', operation='UPDATE', pgid='pgtrigger_update_update_e4d08', table='cips_bal_smallforsizeoperation', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperation',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "cips_bal_smallforsizeoperationevent" ("created_at", "created_by_id", "diagnosis_id", "graft_weight_g", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "sfss_operation", "sfss_operation_date", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."diagnosis_id", OLD."graft_weight_g", OLD."id", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."sfss_operation", OLD."sfss_operation_date", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;', hash='b61f32c9eea03165f015a9795f1f025662fc5fbe', operation='DELETE', pgid='pgtrigger_delete_delete_bf421', table='cips_bal_smallforsizeoperation', when='AFTER')),
        ),
        migrations.AddIndex(
            model_name='smallforsizeoperationevent',
            index=models.Index(models.F('pgh_obj'), models.OrderBy(models.F('pgh_id'), descending=True), include=('pgh_created_at', 'pgh_context'), name='ev_smallforsizeoperation_last'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='smallforsizeoperationevent',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='8b2b7de09ae7d1232244c9ecb4510c5959f2c1ae', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_74846', table='cips_bal_smallforsizeoperationevent', when='BEFORE')),
        ),
    ]

    # Rendered once (issue 20 item 7; tests/operations/render_once.py): the database
    # runs this file's .sql, the SQL these operations emitted, and the models' state
    # takes them without re-rendering after each one. Edit neither: write a migration.
    operations = [RenderOnce(Path(__file__).with_suffix(".sql"), operations_as_written)]
