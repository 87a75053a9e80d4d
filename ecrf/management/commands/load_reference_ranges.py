"""Load the sites' laboratory reference ranges from a CSV (default: fixtures/reference_ranges.csv).

Idempotent: a range is identified by site, test, sex, age band and start date, and loading
the file again updates its limits instead of adding a row. Sites not installed are skipped.
"""

import csv
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.dateparse import parse_date

from ecrf.lab_catalogue import CATALOGUE
from ecrf.models import ReferenceRange, Site

FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "reference_ranges.csv"


def _decimal(text: str) -> Decimal | None:
    return Decimal(text) if text.strip() else None


class Command(BaseCommand):
    help = "Load the sites' lab reference ranges (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=FIXTURE)

    @transaction.atomic
    def handle(self, *args, **options):
        path = options["file"]
        if not path.exists():
            raise CommandError(f"{path} does not exist")
        sites = {(s.study.registry_id, s.code): s for s in Site.objects.select_related("study")}
        loaded = skipped = 0
        with path.open(newline="", encoding="utf-8") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                site = sites.get((row["study"], row["site"]))
                if site is None:
                    skipped += 1
                    continue
                if row["test_code"] not in CATALOGUE:
                    raise CommandError(f"line {line}: unknown test {row['test_code']!r}")
                ref, _created = ReferenceRange.objects.get_or_create(
                    site=site,
                    test_code=row["test_code"],
                    sex=row["sex"],
                    age_min=int(row["age_min"]),
                    age_max=int(row["age_max"]),
                    valid_from=parse_date(row["valid_from"]),
                    defaults={"lln": _decimal(row["lln"]), "uln": _decimal(row["uln"])},
                )
                ref.valid_to = parse_date(row["valid_to"]) if row["valid_to"] else None
                ref.lln, ref.uln = _decimal(row["lln"]), _decimal(row["uln"])
                try:
                    ref.full_clean()
                except ValidationError as exc:
                    raise CommandError(f"line {line}: {exc}") from None
                ref.save()
                loaded += 1
        self.stdout.write(f"Reference ranges loaded: {loaded} (rows for absent sites: {skipped}).")
