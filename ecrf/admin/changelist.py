"""The admin's changelist made cheap enough for 100,000 rows (issue 7: the monitors' AE
list, p95 at most 500 ms with 8 clients on 2 cores), through what Django documents: a
Paginator that counts only so far (ModelAdmin.get_paginator), and the boolean icon built
once. Django builds the rows itself (issue 20: no rebuilt rows).

Measured with bench/profile.py on the AE list: the paginator's COUNT over every matching
AE cost 12-37 ms of SQL a page.
"""

import functools

from django.core.paginator import Paginator
from django.templatetags.static import static
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import format_html


@functools.cache
def boolean_icon(value: bool | None) -> str:
    """Django's yes/no/unknown icon, built once per process (Django builds it, with a
    static() look-up, in every boolean cell: 250 of them on a page of AEs)."""
    name = {True: "yes", False: "no", None: "unknown"}[value]
    return format_html('<img src="{}" alt="{}">', static(f"admin/img/icon-{name}.svg"), value)


class CappedCountPaginator(Paginator):
    """Counts the rows only up to `limit`; past it the page says "more than <limit>".

    Django's changelist counts its filtered rows on every page, which read every one of
    100,000 AEs. A LIMIT inside the COUNT lets PostgreSQL stop at limit + 1 rows."""

    def __init__(self, object_list, per_page, orphans=0, allow_empty_first_page=True, *, limit):
        super().__init__(object_list, per_page, orphans, allow_empty_first_page)
        self.limit = limit

    @cached_property
    def count(self) -> int:
        # The keys only, unordered: PostgreSQL may stop early whichever plan it picks.
        return self.object_list.order_by().values("pk")[: self.limit + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.limit

    @property
    def limit_text(self) -> str:
        return number_format(self.limit, force_grouping=True)


def count_limit(page: int, per_page: int, ahead: int) -> int:
    """How many rows to count for `page`: whole blocks of pages about `ahead` rows long,
    so the page shown is always full and its block's last page leads to the next."""
    block = max(ahead // per_page, 1) * per_page
    return ((max(page, 1) - 1) * per_page // block + 1) * block
