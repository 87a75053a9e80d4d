"""The admin's changelist made cheap enough for 100,000 rows (issue 7: the monitors' AE
list, p95 at most 500 ms with 8 clients on 2 cores).

Django's changelist spends most of a 50-row page on work that is the same for every
row: each cell looks its column up again, and each link cell resolve()s its own URL.
Measured with bench/profile.py on the AE list (13 columns), before these changes:

- add_preserved_filters() resolving every link (150 on a filtered page of 50 AEs with
  3 link columns): a sixth of the page's time under cProfile;
- the paginator's COUNT over every matching AE: 12-37 ms of SQL;
- building the rows' 650 cells: 10 ms, against 4 ms with the column work done once.
"""

import datetime as dt
import functools

from django.contrib.admin.templatetags.admin_list import (
    result_headers,
    result_hidden_fields,
)
from django.contrib.admin.utils import display_for_field, display_for_value, lookup_field
from django.contrib.admin.views.main import ChangeList
from django.core.exceptions import FieldDoesNotExist, ObjectDoesNotExist
from django.core.paginator import Paginator
from django.db import models
from django.templatetags.static import static
from django.urls import NoReverseMatch
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.html import conditional_escape, format_html
from django.utils.safestring import mark_safe


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


class ScopedChangeList(ChangeList):
    """Django's changelist, with each row's link built once.

    Django passes every link cell through add_preserved_filters(), which resolve()s the
    change page's URL against the whole URLconf to learn whether it is the changelist.
    A row's link is its change page, so the list's filters go on it as they are."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Emptied so that add_preserved_filters() leaves the URLs as built here.
        self.row_link_query, self.preserved_filters = self.preserved_filters, ""
        self._row_urls = {}

    def url_for_result(self, result):
        key = getattr(result, self.pk_attname)
        if key not in self._row_urls:
            url = super().url_for_result(result)
            self._row_urls[key] = f"{url}?{self.row_link_query}" if self.row_link_query else url
        return self._row_urls[key]

    def result_rows(self) -> list[str]:
        """Each row's cells as Django's items_for_result() writes them, one string a row,
        with what is the same for every row (the column's field or method, its class,
        whether it links) worked out once per column. No list_editable: lists with a
        formset keep Django's rows (see the scoped_result_list tag)."""
        columns = [self._column(index, name) for index, name in enumerate(self.list_display)]
        first_link = next((c for c in columns if c.link), None)
        if first_link is not None:
            first_link.tag = "th"
        return [mark_safe("".join(c.cell(self, row) for c in columns)) for row in self.result_list]

    def _column(self, index, name):
        if self.list_display_links is None:
            link = False
        elif not self.list_display_links:
            link = index == 0
        else:
            link = name in self.list_display_links
        field = getter = None
        if not callable(name):
            field = _model_field(self.lookup_opts, name)
            if field is None and hasattr(self.model_admin, name) and name != "__str__":
                getter = getattr(self.model_admin, name)
        return _Column(name, index, link, field, getter, self.model_admin)


def _model_field(opts, name):
    """The model field lookup_field() would read for `name`, or None where it would call
    something instead (a method, a generic relation, a reverse relation, "<fk>_id")."""
    try:
        field = opts.get_field(name)
    except FieldDoesNotExist:
        return None
    if field.is_relation and ((field.many_to_one and not field.related_model) or field.one_to_many):
        return None
    if (
        field.is_relation
        and not field.many_to_many
        and hasattr(field, "attname")
        and field.attname == name
    ):
        return None
    return field


class _Column:
    """One column of list_display, as items_for_result() shows it."""

    def __init__(self, name, index, link, field, getter, model_admin):
        self.name, self.link, self.field, self.getter = name, link, field, getter
        self.model_admin = model_admin
        self.tag = "td"
        if callable(name):
            self.css = f"lambda{index}" if name.__name__ == "<lambda>" else name.__name__
        else:
            self.css = name
        self.empty = model_admin.get_empty_value_display()

    def cell(self, changelist, row) -> str:
        classes = f"field-{self.css}"
        try:
            if self.field is not None:
                field, attr, value = self.field, None, getattr(row, self.name)
            elif self.getter is not None:
                field, attr, value = None, self.getter, self.getter(row)
            else:
                field, attr, value = lookup_field(self.name, row, self.model_admin)
        except ObjectDoesNotExist:
            text = self.empty
        else:
            empty = getattr(attr, "empty_value_display", self.empty)
            if isinstance(value, str) and value.strip() == "":
                value = ""
            if field is None or field.auto_created:
                if self.name == "action_checkbox":
                    classes = "action-checkbox"
                boolean = getattr(attr, "boolean", False)
                if isinstance(attr, property) and hasattr(attr, "fget"):
                    boolean = getattr(attr.fget, "boolean", False)
                text = display_for_value(value, empty, boolean)
                if isinstance(value, dt.date | dt.time):
                    classes += " nowrap"
            else:
                if isinstance(field.remote_field, models.ManyToOneRel):
                    text = empty if value is None else value
                else:
                    text = display_for_field(value, field, empty, avoid_link=self.link)
                if isinstance(field, models.DateField | models.TimeField | models.ForeignKey):
                    classes += " nowrap"
        text = conditional_escape(text)
        if self.link:
            try:
                url = changelist.url_for_result(row)
            except NoReverseMatch:
                pass
            else:
                popup = ""
                if changelist.is_popup:
                    key = str(changelist.to_field or changelist.pk_attname)
                    popup = format_html(' data-popup-opener="{}"', row.serializable_value(key))
                text = format_html('<a href="{}"{}>{}</a>', url, popup, text)
        return f'<{self.tag} class="{classes}">{text}</{self.tag}>'


def result_list_context(changelist: ScopedChangeList) -> dict:
    """The context of Django's admin/change_list_results.html, the rows built by
    ScopedChangeList.result_rows()."""
    headers = list(result_headers(changelist))
    return {
        "cl": changelist,
        "result_hidden_fields": list(result_hidden_fields(changelist)),
        "result_headers": headers,
        "num_sorted_fields": sum(1 for h in headers if h["sortable"] and h["sorted"]),
        "results": [[row] for row in changelist.result_rows()],
    }
