"""Data queries: the study's list with filters, each user's work list ("waiting for me"),
a query's thread with the steps the user's role allows, and raising a query on a record
of a subject's casebook.

Every member of the subject's site reads queries; monitors and data managers raise,
close and reopen them (others get 403), site staff and investigators answer them.
Another site's query or subject answers 404.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Value
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from ecrf import access, form_registry
from ecrf.actions import ProtocolRefusal
from ecrf.actions import queries as actions
from ecrf.forms import add_refusals
from ecrf.forms.queries import (
    QueryFilterForm,
    QueryRaiseForm,
    answer_form,
    close_form,
    reopen_form,
)
from ecrf.models import DataQuery, Study, Subject
from ecrf.models.queries import QueryStatus

# Lists show this many queries; the filters narrow them down.
LIST_LIMIT = 200


def _page(request, template, context, *, failed=False):
    """Render a page; a form that failed validation answers 422 with its messages."""
    return render(request, template, context, status=422 if failed else 200)


def _list_rows(queryset):
    rows = list(
        queryset.select_related("study", "subject", "content_type", "raised_by").order_by(
            "-raised_at", "-pk"
        )[:LIST_LIMIT]
    )
    _flag_voided_records(rows)
    return rows


def _flag_voided_records(queries) -> None:
    """Set `on_voided_record` on each query whose record was voided as entered in error
    (issue 4: the query stays, flagged). One query (a UNION over the kinds of record on
    the page), whatever the number of rows."""
    ids: dict = {}
    for query in queries:
        ids.setdefault(query.content_type, set()).add(query.object_id)
    parts = [
        content_type.model_class()
        .all_objects.filter(pk__in=pks, voided_at__isnull=False)
        .annotate(kind=Value(content_type.pk))
        .values_list("kind", "pk")
        for content_type, pks in ids.items()
        if hasattr(content_type.model_class(), "all_objects")
    ]
    voided = set(parts[0].union(*parts[1:], all=True)) if parts else set()
    for query in queries:
        query.on_voided_record = (query.content_type_id, query.object_id) in voided


def _query_or_404(user, study: Study, pk: int) -> DataQuery:
    query = (
        actions.visible_queries(user)
        .select_related("study", "subject__site", "content_type", "raised_by")
        .filter(study=study, pk=pk)
        .first()
    )
    if query is None:
        raise Http404("No such query.")
    return query


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied("Your role at this site does not take this step.")


def record_url(query: DataQuery, record) -> str:
    """The page that shows the record the query is about (the casebook if none does)."""
    subject = query.subject
    if record is None:
        return reverse(
            "ecrf:casebook",
            kwargs={"registry_id": query.study.registry_id, "number": subject.screening_number},
        )
    return form_registry.page_url(
        record, registry_id=query.study.registry_id, number=subject.screening_number
    )


# --- Lists ----------------------------------------------------------------------------------


@login_required
@require_GET
def query_list(request, registry_id):
    study = access.study_or_404(request.user, registry_id)
    form = QueryFilterForm(request.GET or None)
    queryset = actions.visible_queries(request.user).filter(study=study)
    subject = None
    if form.is_valid():
        data = form.cleaned_data
        if data["status"]:
            queryset = queryset.filter(status=data["status"])
        if data["scope"] == "waiting":
            queryset = queryset.filter(actions.waiting_for(request.user))
        elif data["scope"] == "mine":
            queryset = queryset.filter(actions.involving(request.user))
        if data["subject"]:
            queryset = queryset.filter(subject__screening_number=data["subject"])
            # Another site's subject answers as an unknown one: no header, no rows.
            subject = access.visible_subject(request.user, study, data["subject"])
        if data["record"]:
            label, _sep, pk = data["record"].partition(":")
            app_label, _dot, model = label.partition(".")
            content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
            if content_type is None or not pk.isdigit():
                queryset = queryset.none()
            else:
                queryset = queryset.filter(content_type=content_type, object_id=int(pk))
    return render(
        request,
        "ecrf/queries/list.html",
        {
            "study": study,
            "form": form,
            "subject": subject,
            "queries": _list_rows(queryset),
            "limit": LIST_LIMIT,
        },
    )


@login_required
@require_GET
def query_waiting(request):
    """The user's work list across studies: open queries for the site, answered ones for
    monitors and data managers."""
    queryset = actions.visible_queries(request.user).filter(actions.waiting_for(request.user))
    return render(
        request,
        "ecrf/queries/waiting.html",
        {"queries": _list_rows(queryset), "limit": LIST_LIMIT},
    )


# --- One query ------------------------------------------------------------------------------


def _detail(request, study, query, *, forms=None, status=200):
    site_id = query.subject.site_id
    forms = forms or {}
    can_answer = actions.may_answer(request.user, site_id) and query.status == QueryStatus.OPEN
    can_query = actions.may_raise(request.user, site_id)
    record = query.record  # one query; None if the record no longer exists
    query.on_voided_record = getattr(record, "voided_at", None) is not None
    return render(
        request,
        "ecrf/queries/detail.html",
        {
            "study": study,
            "subject": query.subject,
            "query": query,
            "record": record,
            "record_url": record_url(query, record),
            "thread": query.messages.select_related("author").order_by("at", "pk"),
            "answer_form": forms.get("answer") or (answer_form() if can_answer else None),
            "close_form": forms.get("close")
            or (close_form() if can_query and query.status != QueryStatus.CLOSED else None),
            "reopen_form": forms.get("reopen")
            or (reopen_form() if can_query and query.status == QueryStatus.CLOSED else None),
        },
        status=status,
    )


@login_required
@require_GET
def query_detail(request, registry_id, pk):
    study = access.study_or_404(request.user, registry_id)
    return _detail(request, study, _query_or_404(request.user, study, pk))


def _step_view(request, registry_id, pk, *, name, make_form, allowed, act, done):
    study = access.study_or_404(request.user, registry_id)
    query = _query_or_404(request.user, study, pk)
    _require(allowed(request.user, query.subject.site_id))
    form = make_form(request.POST)
    if form.is_valid():
        try:
            act(query=query, text=form.cleaned_data["text"], by=request.user)
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, done)
            return redirect("ecrf:query_detail", registry_id=study.registry_id, pk=query.pk)
    return _detail(request, study, query, forms={name: form}, status=422)


@login_required
@require_POST
def query_answer(request, registry_id, pk):
    return _step_view(
        request,
        registry_id,
        pk,
        name="answer",
        make_form=answer_form,
        allowed=actions.may_answer,
        act=actions.query_answer,
        done=_("Answer sent."),
    )


@login_required
@require_POST
def query_close(request, registry_id, pk):
    return _step_view(
        request,
        registry_id,
        pk,
        name="close",
        make_form=close_form,
        allowed=actions.may_raise,
        act=actions.query_close,
        done=_("Query closed."),
    )


@login_required
@require_POST
def query_reopen(request, registry_id, pk):
    return _step_view(
        request,
        registry_id,
        pk,
        name="reopen",
        make_form=reopen_form,
        allowed=actions.may_raise,
        act=actions.query_reopen,
        done=_("Query reopened."),
    )


# --- Raising a query ------------------------------------------------------------------------


def _subject_records(subject: Subject) -> dict:
    """{form: [record, ...]} of the subject, one query per form (not per record)."""
    return {
        entry.model: list(entry.of_subject(subject).order_by("pk"))
        if entry.subject_path
        else [subject]
        for entry in form_registry.entries(queryable=True)
    }


def _chosen(records: dict, key: str):
    for rows in records.values():
        for row in rows:
            if actions.record_key(row) == key:
                return row
    return None


@login_required
@require_http_methods(["GET", "POST"])
def query_new(request, registry_id, number):
    study = access.study_or_404(request.user, registry_id)
    subject = access.subject_or_404(request.user, study, number)
    _require(actions.may_raise(request.user, subject.site_id))
    records = _subject_records(subject)
    chosen = _chosen(records, request.GET.get("record", ""))
    form = QueryRaiseForm(
        request.POST or None,
        records=records,
        chosen=chosen,
        initial={"field": request.GET.get("field", "")},
    )
    if request.method == "POST" and form.is_valid():
        try:
            query = actions.query_raise(
                record=form.cleaned_data["record"],
                field=form.cleaned_data["field"] or None,
                text=form.cleaned_data["text"],
                by=request.user,
            )
        except ProtocolRefusal as refusal:
            add_refusals(form, refusal.refusals)
        else:
            messages.success(request, _("Query raised."))
            return redirect("ecrf:query_detail", registry_id=study.registry_id, pk=query.pk)
    return _page(
        request,
        "ecrf/queries/new.html",
        {"study": study, "subject": subject, "form": form, "chosen": chosen},
        failed=bool(form.errors),
    )


STUDY = "studies/<str:registry_id>/"
urlpatterns = [
    path("queries/waiting/", query_waiting, name="query_waiting"),
    path(f"{STUDY}queries/", query_list, name="query_list"),
    path(f"{STUDY}queries/<int:pk>/", query_detail, name="query_detail"),
    path(f"{STUDY}queries/<int:pk>/answer/", query_answer, name="query_answer"),
    path(f"{STUDY}queries/<int:pk>/close/", query_close, name="query_close"),
    path(f"{STUDY}queries/<int:pk>/reopen/", query_reopen, name="query_reopen"),
    path(f"{STUDY}subjects/<str:number>/queries/new/", query_new, name="query_new"),
]
