"""Issue 19 item 6: every time a user reads is in the site's time zone, with the zone
named; the audit trail and signatures keep ISO 8601 with the offset. A vital-sign reading
taken at 09:00 in Shanghai read "01:00" (UTC) in the query picker and the sign-off list."""

import datetime as dt
import zoneinfo

from django.utils import timezone

from ecrf import times
from ecrf.lifecycle import signature_display
from ecrf.models import Signature

SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
READING = dt.datetime(2026, 12, 1, 1, 0, tzinfo=dt.UTC)  # 09:00 at the sites


def test_a_time_is_read_in_the_sites_zone_with_its_offset():
    with timezone.override(SHANGHAI):
        assert times.local_text(READING) == "2026-12-01 09:00 UTC+08:00"
        assert times.iso(READING) == "2026-12-01T09:00:00+08:00"
    assert times.local_text(READING, SHANGHAI) == "2026-12-01 09:00 UTC+08:00"
    assert times.local_text(None) == ""


def test_a_record_named_in_a_list_says_its_sites_time():
    # The query picker and the sign-off list name records by str(record).
    signature = Signature(printed_name="Wei Zhang", signed_at=READING, object_id=None)
    with timezone.override(SHANGHAI):
        assert str(signature) == "Wei Zhang 2026-12-01 09:00 UTC+08:00 casebook"


def test_a_signature_manifestation_is_iso_8601_with_the_offset():
    signature = Signature(printed_name="Wei Zhang", signed_at=READING, meaning="approval")
    assert "2026-12-01T09:00:00+08:00" in signature_display(signature, SHANGHAI)
