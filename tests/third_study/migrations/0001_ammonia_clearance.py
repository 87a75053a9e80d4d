"""The made-up third study's one field of its own: ammonia clearance (tests only)."""

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
import pgtrigger.compiler
import pgtrigger.migrations
from decimal import Decimal
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('ecrf', '0034_small_for_size_moved_to_cips_bal'),
        ('pghistory', '0007_auto_20250421_0444'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='AmmoniaClearance',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('version', models.PositiveIntegerField(default=1, editable=False)),
                ('created_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False)),
                ('voided_at', models.DateTimeField(blank=True, editable=False, null=True, verbose_name='voided at')),
                ('void_reason', models.TextField(blank=True, editable=False, verbose_name='reason for voiding')),
                ('clearance_percent', models.DecimalField(decimal_places=1, max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='bioreactor ammonia clearance (%)')),
                ('created_by', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('session', models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='ammonia_clearance', to='ecrf.treatmentsession')),
                ('voided_by', models.ForeignKey(blank=True, editable=False, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'verbose_name': 'ammonia clearance',
                'verbose_name_plural': 'ammonia clearance',
            },
        ),
        migrations.CreateModel(
            name='AmmoniaClearanceEvent',
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
                ('clearance_percent', models.DecimalField(decimal_places=1, max_digits=4, validators=[django.core.validators.MinValueValidator(Decimal('0')), django.core.validators.MaxValueValidator(Decimal('100'))], verbose_name='bioreactor ammonia clearance (%)')),
                ('created_by', models.ForeignKey(db_constraint=False, editable=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL)),
                ('pgh_context', models.ForeignKey(db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='pghistory.context')),
                ('pgh_obj', models.ForeignKey(db_constraint=False, db_index=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='events', to='third_study.ammoniaclearance')),
                ('session', models.ForeignKey(db_constraint=False, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to='ecrf.treatmentsession')),
                ('voided_by', models.ForeignKey(blank=True, db_constraint=False, editable=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', related_query_name='+', to=settings.AUTH_USER_MODEL, verbose_name='voided by')),
            ],
            options={
                'abstract': False,
            },
        ),
        migrations.AddConstraint(
            model_name='ammoniaclearance',
            constraint=models.UniqueConstraint(condition=models.Q(('voided_at__isnull', True)), fields=('session',), name='ammonia_clearance_once_per_session'),
        ),
        migrations.AddConstraint(
            model_name='ammoniaclearance',
            constraint=models.CheckConstraint(condition=models.Q(('voided_at__isnull', True), models.Q(('void_reason', ''), _negated=True), _connector='OR'), name='ammoniaclearance_voided_has_reason'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearance',
            trigger=pgtrigger.compiler.Trigger(name='protect_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot delete rows from % table', TG_TABLE_NAME;", hash='ae8deed2446be8e12e8d63acd081cc1c08f004b4', operation='DELETE', pgid='pgtrigger_protect_delete_5e183', table='third_study_ammoniaclearance', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearance',
            trigger=pgtrigger.compiler.Trigger(name='refuse_when_locked', sql=pgtrigger.compiler.UpsertTriggerSql(declare='DECLARE lock_id BIGINT; lock_level VARCHAR(10);', func='\n            SELECT lk."id", lk."level" INTO lock_id, lock_level\n              FROM "ecrf_datalock" lk\n             WHERE lk."released_at" IS NULL\n               AND lk."level" IN (\'frozen\', \'locked\')\n               AND ((lk."form_table" = \'\' AND lk."subject_id" IS NULL AND lk."study_id" = (SELECT "study_id" FROM "ecrf_subject" WHERE "id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id")))\n                   OR (lk."form_table" = \'\' AND lk."subject_id" = (SELECT "subject_id" FROM "ecrf_treatmentsession" WHERE "id" = NEW."session_id"))\n                   OR (lk."form_table" = \'third_study_ammoniaclearance\' AND lk."form_id" = NEW."id")\n                   OR (lk."form_table" = \'ecrf_treatmentsession\' AND lk."form_id" = NEW."session_id"))\n             ORDER BY lk."level" = \'locked\' DESC\n             LIMIT 1;\n            IF FOUND THEN\n                RAISE EXCEPTION \'ecrf: % is % (data lock %)\', TG_TABLE_NAME, lock_level, lock_id\n                    USING ERRCODE = \'EL423\', DETAIL = lock_level || \':\' || lock_id;\n            END IF;\n            RETURN NEW;\n        ', hash='8c2344fd80845b3847e5a30cfa45c25ecf3838d0', operation='INSERT OR UPDATE', pgid='pgtrigger_refuse_when_locked_c23c5', table='third_study_ammoniaclearance', when='BEFORE')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearance',
            trigger=pgtrigger.compiler.Trigger(name='insert_insert', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "third_study_ammoniaclearanceevent" ("clearance_percent", "created_at", "created_by_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."clearance_percent", NEW."created_at", NEW."created_by_id", NEW."id", _pgh_attach_context(), NOW(), \'insert\', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='e78745f021b8cb20cbf2e322873edaf0fa80823e', operation='INSERT', pgid='pgtrigger_insert_insert_3c75b', table='third_study_ammoniaclearance', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearance',
            trigger=pgtrigger.compiler.Trigger(name='update_update', sql=pgtrigger.compiler.UpsertTriggerSql(condition='WHEN (OLD.* IS DISTINCT FROM NEW.*)', func='INSERT INTO "third_study_ammoniaclearanceevent" ("clearance_percent", "created_at", "created_by_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (NEW."clearance_percent", NEW."created_at", NEW."created_by_id", NEW."id", _pgh_attach_context(), NOW(), \'update\', NEW."id", NEW."session_id", NEW."updated_at", NEW."version", NEW."void_reason", NEW."voided_at", NEW."voided_by_id"); RETURN NULL;', hash='1d94d4031068b1c026ea249c47223194bafc04d3', operation='UPDATE', pgid='pgtrigger_update_update_20926', table='third_study_ammoniaclearance', when='AFTER')),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearance',
            trigger=pgtrigger.compiler.Trigger(name='delete_delete', sql=pgtrigger.compiler.UpsertTriggerSql(func='INSERT INTO "third_study_ammoniaclearanceevent" ("clearance_percent", "created_at", "created_by_id", "id", "pgh_context_id", "pgh_created_at", "pgh_label", "pgh_obj_id", "session_id", "updated_at", "version", "void_reason", "voided_at", "voided_by_id") VALUES (OLD."clearance_percent", OLD."created_at", OLD."created_by_id", OLD."id", _pgh_attach_context(), NOW(), \'delete\', OLD."id", OLD."session_id", OLD."updated_at", OLD."version", OLD."void_reason", OLD."voided_at", OLD."voided_by_id"); RETURN NULL;', hash='eab3cc9bc46775b2b7b75005dc760da4e2905f5a', operation='DELETE', pgid='pgtrigger_delete_delete_e270a', table='third_study_ammoniaclearance', when='AFTER')),
        ),
        migrations.AddIndex(
            model_name='ammoniaclearanceevent',
            index=models.Index(models.F('pgh_obj'), models.OrderBy(models.F('pgh_id'), descending=True), include=('pgh_created_at', 'pgh_context'), name='ev_ammoniaclearance_last'),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name='ammoniaclearanceevent',
            trigger=pgtrigger.compiler.Trigger(name='append_only', sql=pgtrigger.compiler.UpsertTriggerSql(func="RAISE EXCEPTION 'pgtrigger: Cannot update or delete rows from % table', TG_TABLE_NAME;", hash='3f84cf483d5a6089404fb26eb6d3d45f8df8a8c2', operation='UPDATE OR DELETE', pgid='pgtrigger_append_only_5a3e4', table='third_study_ammoniaclearanceevent', when='BEFORE')),
        ),
    ]
