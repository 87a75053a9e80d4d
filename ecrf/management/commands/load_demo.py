"""Load both protocols, the demo sites, accounts and subjects. Safe to run again:
existing rows are kept, so `make run` never loses what was entered."""

import json
from decimal import Decimal
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.dateparse import parse_date, parse_datetime, parse_time

from ecrf import actions
from ecrf.actions import adverse_events as ae_actions
from ecrf.actions import coding as coding_actions
from ecrf.actions import labs as lab_actions
from ecrf.actions import sessions as session_actions
from ecrf.actions import versions as version_actions
from ecrf.lab_results import ResultEntry
from ecrf.models import Membership, Site, Study, Subject

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
DATE_FIELDS = {
    "date_of_birth",
    "consent_date",
    "reconsent_date",
    "screening_date",
    "enrolment_date",
    "planned_first_treatment",
    "date",
    "assessed_on",
    "onset_date",
    "resolved_date",
}
DATETIME_FIELDS = {"started_at", "ended_at", "sampled_at", "awareness_at"}
DECIMAL_FIELDS = {
    "weight_kg",
    "height_cm",
    "catheter_size_fr",
    "total_cells_e9",
    "viability_percent",
    "functional_percent",
}


def _dates(values: dict) -> dict:
    """JSON values to Python by field name: dates, aware datetimes, times and decimals."""
    converted = {}
    for key, value in values.items():
        if key in DATE_FIELDS:
            value = parse_date(value)
        elif key in DATETIME_FIELDS:
            value = parse_datetime(value)
        elif key in DECIMAL_FIELDS:
            value = Decimal(value)
        elif key.endswith("_time") and value:
            value = parse_time(value)
        converted[key] = value
    return converted


class Command(BaseCommand):
    help = "Load the protocols and the demo dataset and accounts (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        data = json.loads(FIXTURE.read_text())
        for package in settings.ECRF_STUDIES:
            actions.protocol_sync(study_package=package)
        sites = {}
        for row in data["sites"]:
            site, _ = Site.objects.get_or_create(
                study=Study.objects.get(registry_id=row["study"]),
                code=row["code"],
                defaults={k: row.get(k, "") for k in ("name", "name_zh", "city", "time_zone")},
            )
            sites[site.code] = site
        call_command("load_reference_ranges", verbosity=0)
        users = {
            row["username"]: self._account(row, data["password"], sites) for row in data["accounts"]
        }
        for row in data["versions"]:
            self.version_in_force(row, sites[row["site"]], users[row["by"]], data["password"])
        created = 0
        for row in data["subjects"]:
            if Subject.objects.filter(screening_number=row["number"]).exists():
                continue
            self._subject(row, sites[row["site"]], users)
            created += 1
        self.stdout.write(f"Demo data ready ({created} subjects added).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts: {', '.join(users)} — password {data['password']} (demo only)"
            )
        )

    def version_in_force(self, row, site, by, password):
        """A protocol version in force at a demo site (issue 21), signed by the demo's
        data manager, unless already there."""
        if site.versions.filter(version__number=row["number"]).exists():
            return
        version_actions.site_version_put_in_force(
            site=site,
            number=row["number"],
            by=by,
            password=password,
            ethics_approved_on=parse_date(row["ethics_approved_on"]),
            in_force_from=parse_date(row["in_force_from"]),
        )

    def _account(self, row, password, sites):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=row["username"],
            defaults={
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "email": row["email"],
                "is_staff": row.get("is_staff", False) or row.get("superuser", False),
                "is_superuser": row.get("superuser", False),
            },
        )
        if created:
            user.set_password(password)
            user.save()
        elif not user.email:
            # Accounts of an older demo database get their address for the alert e-mails.
            user.email = row["email"]
            user.save(update_fields=["email"])
        for code in row["sites"]:
            Membership.objects.get_or_create(
                user=user, site=sites[code], defaults={"role": row["role"]}
            )
        return user

    def _subject(self, row, site, users):
        by = users[row["by"]]
        subject = actions.subject_register(site=site, by=by, **_dates(row["demographics"]))
        assert subject.screening_number == row["number"], subject.screening_number
        protocol = subject.study.protocol
        answers = row.get("eligibility")
        if answers == "eligible":
            answers = {c.code: c.kind == "inclusion" for c in protocol.asked_criteria}
        if answers:
            actions.eligibility_record(subject=subject, answers=answers, by=by)
        if "reconsent" in row:
            # A subject moved to a later protocol version (issue 21) before enrolment.
            version_actions.reconsent_record(subject=subject, by=by, **_dates(row["reconsent"]))
        if "enrol" in row:
            values = _dates(row["enrol"])
            arm = subject.study.arms.get(code=values.pop("arm"))
            actions.subject_enrol(subject=subject, arm=arm, by=by, **values)
        if "screen_failure" in row:
            actions.subject_screen_fail(subject=subject, by=by, **_dates(row["screen_failure"]))
        self._treatment(subject, row, by, users)

    def _treatment(self, subject, row, by, users):
        """Sessions, clinical status, labs and adverse events, through their actions."""
        criteria = subject.study.protocol.device_criteria
        for session in row.get("sessions", []):
            checks = None
            if session.get("device_checks") == "all_pass":
                checks = {criterion.code: (True, "") for criterion in criteria}
            session_actions.session_record(
                subject=subject,
                by=by,
                values=_dates(session["values"]),
                planned_minutes=session.get("planned_minutes"),
                interruptions=[_dates(r) for r in session.get("interruptions", [])],
                device_checks=checks,
                # The study's own fields, by part model ("cips_bal.functionalhepatocytes").
                study_parts={
                    apps.get_model(label): _dates(values)
                    for label, values in session.get("study_parts", {}).items()
                },
            )
        for status in row.get("clinical_status", []):
            lab_actions.clinical_status_record(subject=subject, by=by, **_dates(status))
        for panel in row.get("labs", []):
            lab_actions.lab_panel_record(
                subject=subject,
                by=by,
                panel=panel["panel"],
                timepoint=panel["timepoint"],
                sampled_at=parse_datetime(panel["sampled_at"]),
                entries=[
                    ResultEntry(code, Decimal(value), unit)
                    for code, value, unit in panel["entries"]
                ],
            )
        for event in row.get("adverse_events", []):
            event = dict(event)
            sae, coded = event.pop("sae", None), event.pop("coding", None)
            ae = ae_actions.ae_report(
                subject=subject, by=by, sae=sae and _dates(sae), **_dates(event)
            )
            if coded:
                # An "Other, specify" AE the data manager has coded (issue 9).
                coding_actions.ae_code(
                    adverse_event=ae, by=users[coded["by"]], llt_code=coded["llt_code"]
                )
