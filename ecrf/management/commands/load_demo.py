"""Load both protocols, the demo sites, accounts and subjects. Safe to run again:
existing rows are kept, so `make run` never loses what was entered."""

import json
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.dateparse import parse_date

from ecrf import actions
from ecrf.models import Membership, Site, Study, Subject

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "demo.json"
DATE_FIELDS = {
    "date_of_birth",
    "consent_date",
    "screening_date",
    "enrolment_date",
    "planned_first_treatment",
    "date",
}


def _dates(values: dict) -> dict:
    return {k: parse_date(v) if k in DATE_FIELDS else v for k, v in values.items()}


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
                defaults={k: row[k] for k in ("name", "city", "time_zone")},
            )
            sites[site.code] = site
        users = {
            row["username"]: self._account(row, data["password"], sites) for row in data["accounts"]
        }
        created = 0
        for row in data["subjects"]:
            if Subject.objects.filter(screening_number=row["number"]).exists():
                continue
            self._subject(row, sites[row["site"]], users[row["by"]])
            created += 1
        self.stdout.write(f"Demo data ready ({created} subjects added).")
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo accounts: {', '.join(users)} — password {data['password']} (demo only)"
            )
        )

    def _account(self, row, password, sites):
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=row["username"],
            defaults={
                "first_name": row["first_name"],
                "last_name": row["last_name"],
                "is_staff": row.get("is_staff", False) or row.get("superuser", False),
                "is_superuser": row.get("superuser", False),
            },
        )
        if created:
            user.set_password(password)
            user.save()
        for code in row["sites"]:
            Membership.objects.get_or_create(
                user=user, site=sites[code], defaults={"role": row["role"]}
            )
        return user

    def _subject(self, row, site, by):
        subject = actions.subject_register(site=site, by=by, **_dates(row["demographics"]))
        assert subject.screening_number == row["number"], subject.screening_number
        protocol = subject.study.protocol
        answers = row.get("eligibility")
        if answers == "eligible":
            answers = {c.code: c.kind == "inclusion" for c in protocol.asked_criteria}
        if answers:
            actions.eligibility_record(subject=subject, answers=answers, by=by)
        if "enrol" in row:
            values = _dates(row["enrol"])
            arm = subject.study.arms.get(code=values.pop("arm"))
            actions.subject_enrol(subject=subject, arm=arm, by=by, **values)
        if "screen_failure" in row:
            actions.subject_screen_fail(subject=subject, by=by, **_dates(row["screen_failure"]))
