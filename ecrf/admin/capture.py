"""Admin pages for the treatment, lab and clinical forms: read-only reviews, scoped."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ecrf.admin.core import ScopedAdmin, SiteFilter, StudyFilter
from ecrf.lab_catalogue import CATALOGUE
from ecrf.models import (
    AnticoagulationCheck,
    ClinicalStatus,
    ConcomitantMedication,
    Deviation,
    DeviceCheck,
    Disposition,
    LabPanel,
    LabResult,
    LiverFailureDiagnosis,
    LiverImaging,
    MedicalHistory,
    Procedure,
    ReferenceRange,
    SessionInterruption,
    TreatmentSession,
    VitalSigns,
)
from ecrf.numbers import plain


class SubjectFormAdmin(ScopedAdmin):
    site_path = "subject__site"
    list_filter = [StudyFilter, SiteFilter]
    search_fields = ["subject__screening_number"]
    list_select_related = ["subject"]


@admin.register(TreatmentSession)
class TreatmentSessionAdmin(SubjectFormAdmin):
    list_display = [
        "subject",
        "number",
        "started_at",
        "planned_minutes",
        "net_minutes",
        "completed_as_planned",
    ]
    list_filter = SubjectFormAdmin.list_filter + ["completed_as_planned", "anticoagulation"]
    search_fields = ["subject__screening_number", "cell_lot"]


class SessionPartAdmin(ScopedAdmin):
    site_path = "session__subject__site"
    list_filter = [StudyFilter, SiteFilter]
    search_fields = ["session__subject__screening_number"]
    list_select_related = ["session__subject"]


@admin.register(SessionInterruption)
class SessionInterruptionAdmin(SessionPartAdmin):
    list_display = ["session", "started_at", "ended_at", "reason", "outcome"]
    list_filter = SessionPartAdmin.list_filter + ["reason"]


@admin.register(AnticoagulationCheck)
class AnticoagulationCheckAdmin(SessionPartAdmin):
    list_display = ["session", "measured_at", "act_seconds", "aptt_seconds", "systemic_ica"]


@admin.register(DeviceCheck)
class DeviceCheckAdmin(SessionPartAdmin):
    list_display = ["session", "criterion", "passed"]
    list_filter = SessionPartAdmin.list_filter + ["criterion", "passed"]


@admin.register(Deviation)
class DeviationAdmin(SubjectFormAdmin):
    list_display = ["subject", "category", "occurred_on", "automatic", "severity", "resolved"]
    list_filter = SubjectFormAdmin.list_filter + ["category", "automatic", "severity", "resolved"]
    search_fields = ["subject__screening_number", "description"]


@admin.register(LabPanel)
class LabPanelAdmin(SubjectFormAdmin):
    list_display = ["subject", "panel", "timepoint", "sampled_at"]
    list_filter = SubjectFormAdmin.list_filter + ["panel"]


@admin.register(LabResult)
class LabResultAdmin(SubjectFormAdmin):
    # Each value beside the range in its own unit (issue 19 item 3): as typed, and standard.
    list_display = [
        "subject",
        "test_code",
        "as_entered",
        "range_as_entered",
        "standard",
        "standard_range",
        "flag",
        "ctcae_grade",
        "sampled_at",
    ]
    list_filter = SubjectFormAdmin.list_filter + ["flag", "ctcae_grade"]

    @admin.display(description=_("result as entered"), ordering="value")
    def as_entered(self, result):
        return result.entered_text

    @admin.display(description=_("normal range (unit as entered)"))
    def range_as_entered(self, result):
        return result.normal_range_text

    @admin.display(description=_("result in standard unit"), ordering="standard_value")
    def standard(self, result):
        return result.standard_text

    @admin.display(description=_("normal range (standard unit)"))
    def standard_range(self, result):
        return result.standard_range_text

    search_fields = ["subject__screening_number", "test_code"]


def _with_unit(test_code, value) -> str:
    test = CATALOGUE.get(test_code)
    if value is None:
        return ""
    return f"{plain(value)} {test.standard_unit.label}" if test else plain(value)


@admin.register(ReferenceRange)
class ReferenceRangeAdmin(ScopedAdmin):
    list_display = [
        "site",
        "test_code",
        "sex",
        "age_min",
        "age_max",
        "valid_from",
        "valid_to",
        "lower",
        "upper",
    ]
    list_filter = [SiteFilter, "test_code", "sex"]

    # In the test's standard unit, as the site gave them: 3.4, not 3.4000 (issue 19 item 3).
    @admin.display(description=_("lower limit of normal"), ordering="lln")
    def lower(self, reference):
        return _with_unit(reference.test_code, reference.lln)

    @admin.display(description=_("upper limit of normal"), ordering="uln")
    def upper(self, reference):
        return _with_unit(reference.test_code, reference.uln)

    search_fields = ["test_code"]
    list_select_related = ["site"]


@admin.register(MedicalHistory)
class MedicalHistoryAdmin(SubjectFormAdmin):
    list_display = ["subject", "term", "category", "start", "ongoing"]
    list_filter = SubjectFormAdmin.list_filter + ["category"]


@admin.register(LiverFailureDiagnosis)
class LiverFailureDiagnosisAdmin(SubjectFormAdmin):
    list_display = ["subject", "category", "diagnosed_on", "cirrhosis"]
    list_filter = SubjectFormAdmin.list_filter + ["category"]


@admin.register(VitalSigns)
class VitalSignsAdmin(SubjectFormAdmin):
    list_display = [
        "subject",
        "timepoint",
        "measured_at",
        "systolic_bp",
        "diastolic_bp",
        "heart_rate",
    ]
    list_filter = SubjectFormAdmin.list_filter + ["timepoint"]


@admin.register(ClinicalStatus)
class ClinicalStatusAdmin(SubjectFormAdmin):
    list_display = ["subject", "assessed_on", "ascites", "encephalopathy_grade"]


@admin.register(ConcomitantMedication)
class ConcomitantMedicationAdmin(SubjectFormAdmin):
    list_display = ["subject", "name", "category", "start_date", "ongoing"]
    list_filter = SubjectFormAdmin.list_filter + ["category"]
    search_fields = ["subject__screening_number", "name"]


@admin.register(Procedure)
class ProcedureAdmin(SubjectFormAdmin):
    list_display = ["subject", "name", "started_on", "ended_on"]
    list_filter = SubjectFormAdmin.list_filter + ["name"]


@admin.register(LiverImaging)
class LiverImagingAdmin(SubjectFormAdmin):
    list_display = ["subject", "visit", "examined_on", "modality", "new_lesion"]
    list_filter = SubjectFormAdmin.list_filter + ["modality", "new_lesion"]


@admin.register(Disposition)
class DispositionAdmin(SubjectFormAdmin):
    list_display = ["subject", "status", "disposition_date", "death_date"]
    list_filter = SubjectFormAdmin.list_filter + ["status"]
