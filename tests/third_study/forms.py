"""The made-up study's BAL session form: the core form (with the device checks its protocol
declares) and its one extra field."""

from ecrf.forms.sessions import SessionForm as BaseSessionForm
from tests.third_study.models import AmmoniaClearance


class SessionForm(BaseSessionForm):
    part_fields = {AmmoniaClearance: ("clearance_percent",)}

    def sections(self):
        sections = super().sections()
        sections[3].fields.append("clearance_percent")  # beside the cell product
        return sections
