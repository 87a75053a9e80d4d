"""CiPS-BAL's functional fraction of a session's cells (issue 20 item 3)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models
from pathlib import Path

from . import RenderOnce

# One row per session that ever had a functional fraction, voided with its session.
COPY_ROWS = """
INSERT INTO "cips_bal_functionalhepatocytes"
    ("version", "created_at", "created_by_id", "updated_at", "voided_at", "voided_by_id",
     "void_reason", "session_id", "functional_percent")
SELECT 1, s."created_at", s."created_by_id", s."updated_at", s."voided_at", s."voided_by_id",
       s."void_reason", s."id", s."functional_percent"
  FROM "ecrf_treatmentsession" s
 WHERE s."functional_percent" IS NOT NULL
    OR EXISTS (SELECT 1 FROM "ecrf_treatmentsessionevent" e
                WHERE e."pgh_obj_id" = s."id" AND e."functional_percent" IS NOT NULL)
 ORDER BY s."id";
"""

# Each session event that set or changed the fraction (or voided the session) becomes an
# event of its row, at the same time and in the same context (who, why, which request).
COPY_HISTORY = """
INSERT INTO "cips_bal_functionalhepatocytesevent"
    ("pgh_created_at", "pgh_label", "pgh_obj_id", "pgh_context_id", "id", "version",
     "created_at", "created_by_id", "updated_at", "voided_at", "voided_by_id", "void_reason",
     "session_id", "functional_percent")
SELECT e."pgh_created_at", CASE WHEN e."n" = 1 THEN 'insert' ELSE 'update' END, f."id",
       e."pgh_context_id", f."id", 1, e."created_at", e."created_by_id", e."updated_at",
       e."voided_at", e."voided_by_id", e."void_reason", e."pgh_obj_id", e."functional_percent"
  FROM (SELECT ev.*,
               ROW_NUMBER() OVER w AS "n",
               LAG(ev."functional_percent") OVER w AS "previous",
               LAG(ev."voided_at") OVER w AS "previous_voided_at"
          FROM "ecrf_treatmentsessionevent" ev
        WINDOW w AS (PARTITION BY ev."pgh_obj_id" ORDER BY ev."pgh_id")) e
  JOIN "cips_bal_functionalhepatocytes" f ON f."session_id" = e."pgh_obj_id"
 WHERE e."n" = 1
    OR e."functional_percent" IS DISTINCT FROM e."previous"
    OR e."voided_at" IS DISTINCT FROM e."previous_voided_at"
 ORDER BY e."pgh_id";
"""


class Migration(migrations.Migration):

    initial = True

    # The functional fraction was a column of ecrf's session (issue 20 item 3 moved it
    # here): its rows and their audit history are copied before ecrf drops the column.
    run_before = [('ecrf', '0033_functional_hepatocytes_moved_to_cips_bal')]

    dependencies = [
        ('ecrf', '0032_version_1_0_in_force_at_existing_sites'),
        ('pghistory', '0007_auto_20250421_0444'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations_as_written = [
        migrations.CreateModel(
            name='FunctionalHepatocytes',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('voided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='voided at')),
                ('void_reason', models.TextField(blank=True, editable=False, verbose_name='reason for voiding')),
                ('functional_percent', models.DecimalField(blank=True, decimal_places=1, help_text='CiPS-BAL: marker-positive fraction (e.g. ALB+ by flow cytometry).', max_digits=4, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='functional hepatocytes (%)')),
                ('created_by', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='functional_hepatocytes', to='ecrf.treatmentsession')),
                ('voided_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'verbose_name': 'functional hepatocytes',
                'verbose_name_plural': 'functional hepatocytes',
            },
        ),
        migrations.CreateModel(
            name='FunctionalHepatocytesEvent',
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
                ('functional_percent', models.DecimalField(blank=True, decimal_places=1, help_text='CiPS-BAL: marker-positive fraction (e.g. ALB+ by flow cytometry).', max_digits=4, null=True, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='functional hepatocytes (%)')),
                ('created_by', models.ForeignKey(db_constraint=False, editable=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                ('pgh_obj', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='cips_bal.functionalhepatocytes')),
                ('session', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='ecrf.treatmentsession')),
                ('voided_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='functionalhepatocytes',
            constraint=models.UniqueConstraint(condition=models.Q(('voided_at__isnull', True)), fields=('session',), name='functional_hepatocytes_once_per_session'),
        ),
        migrations.AddConstraint(
            model_name='functionalhepatocytes',
            constraint=models.CheckConstraint(condition=models.Q(('voided_at__isnull', True), models.Q(('void_reason', ''), _negated=True), _connector='OR'), name='functionalhepatocytes_voided_has_reason'),
        ),
        # Copied before the triggers exist: the rows get their history from the
        # session's events (below), not a new "insert" of today, and a lock on a session
        # does not refuse the move.
        migrations.RunSQL(sql=COPY_ROWS, reverse_sql=migrations.RunSQL.noop),
        migrations.RunSQL(sql=COPY_HISTORY, reverse_sql=migrations.RunSQL.noop),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytes',
            trigger=pgtrigger.compiler.Trigger(name='protect_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='9bd4d594529aaa4877eeb129b48692f06dd4bc1f', operation='DELETE', pgid='pgtrigger_protect_delete_7d1c8', table='cips_bal_functionalhepatocytes', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytes',
            trigger=pgtrigger.compiler.Trigger(name='refuse_when_locked', sql=pgtrigger.compiler.UpsertTriggerSql(declare='DECLARE lock_id BIGINT; lock_level VARCHAR(10);', func='\n            SELECT lk."id", lk."level" INTO lock_id, lock_level\n              FROM "ecrf_datalock" lk\n             WHERE lk."released_at" IS NULL\n               AND lk."level" IN (\'frozen\', \'locked\')\n               AND ((lk."form_table" = \'\' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id")))\n                   OR (lk."form_table" = \'\' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id"))\n                   OR (lk."form_table" = \'cips_bal_functionalhepatocytes\' AND lk."form_id" = NEW."id")\n                   OR (lk."form_table" = \'ecrf_treatmentsession\' AND lk."form_id" = NEW."session_id"))\n             ORDER BY lk."level" = \'locked\' DESC\n             LIMIT 1;\n            IF FOUND THEN\n                RAISE EXCEPTION \'ecrf: % is % (data lock %)\', TG_TABLE_NAME, lock_level, lock_id\n                    USING ERRCODE = \'EL423\', DETAIL = lock_level || \':\' || lock_id;\n            END IF;\n            RETURN NEW;\n        ', hash='5f3249a01357417b0e25d7dc9de7d5458809a8e0', operation='INSERT OR UPDATE', pgid='pgtrigger_refuse_when_locked_08417', table='cips_bal_functionalhepatocytes', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytes',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "cips_bal_functionalhepatocytesevent" ("created_at", "created_by_id", "functional_percent", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."functional_percent", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='1775dc02602d8ecfd756867d359745432677f1dd', operation='INSERT', pgid='pgtrigger_insert_insert_ef0a2', table='cips_bal_functionalhepatocytes', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytes',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "cips_bal_functionalhepatocytesevent" ("created_at", "created_by_id", "functional_percent", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."created_at", NEW."created_by_id", NEW."functional_percent", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='1d2b6c06271f98ee2244b672317d7a36d069b46f', operation='UPDATE', pgid='pgtrigger_update_update_5f984', table='cips_bal_functionalhepatocytes', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytes',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "cips_bal_functionalhepatocytesevent" ("created_at", "created_by_id", "functional_percent", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."created_at", OLD."created_by_id", OLD."functional_percent", OLD."id", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."session_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;', hash='e176932c175c2a8a4ff9149deb07cd1aea1ac1e1', operation='DELETE', pgid='pgtrigger_delete_delete_35a32', table='cips_bal_functionalhepatocytes', when='AFTER')),
        ),
        migrations.AddIndex(
            model_name='functionalhepatocytesevent',
            index=models.Index(models.F('pgh_obj'), models.OrderBy(models.F('pgh_id'), descending=True), include=('pgh_created_at', 'pgh_context'), name='ev_functionalhepatocytes_last'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='functionalhepatocytesevent',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='bf6ca0d839c1f379894a5d31fbf40d979b09c67b', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_8fe8e', table='cips_bal_functionalhepatocytesevent', when='BEFORE')),
        ),
    ]

    # Rendered once (issue 20 item 7; tests/operations/render_once.py): the database
    # runs this file's .sql, the SQL these operations emitted, and the models' state
    # takes them without re-rendering after each one. Edit neither: write a migration.
    operations = [RenderOnce(Path(__file__).with_suffix(".sql"), operations_as_written)]
