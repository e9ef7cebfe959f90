"""Admin for staff data entry and progress tracking. Importer-owned fields are read-only.

Row-level rule: a 单位填报员 sees only their units' records (UnitScopedAdmin.unit_path); status
changes go through rectify.progress so every one is recorded in the problem's history.
"""

import datetime
import json
from urllib.parse import unquote_plus

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, router, transaction
from django.db.models import Count, Q
from django.http import FileResponse, HttpResponse, StreamingHttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.http import content_disposition_header

from rectify import admin_views, closures, ledger, matches, progress
from rectify.downloads import evidence_response
from rectify.models import (
    CORRECTABLE_ISSUE_FIELDS,
    CORRECTABLE_MEASURE_FIELDS,
    Category,
    ClosureEvidence,
    ClosureRequest,
    DueBasis,
    Evidence,
    FactCorrection,
    Inspection,
    Issue,
    IssueStatus,
    MatchState,
    Measure,
    MoneyAmount,
    ProblemMatch,
    ProgressUpdate,
    ReminderSent,
    Report,
    ReviewState,
    StaffPreference,
    StatusChange,
    Unit,
    UnitEditor,
    WarningLevel,
)
from rectify.roles import is_office, is_unit_editor, scope_to_units

# --- shared pieces -------------------------------------------------------------------------------


def action_form_response(model_admin, request, queryset, *, form, action: str, title: str, **extra):
    """The intermediate page of an admin action that asks for input about the selected rows."""
    context = {
        **model_admin.admin_site.each_context(request),
        "opts": model_admin.model._meta,
        "title": title,
        "form": form,
        "objects": queryset,
        "action": action,
        **extra,
    }
    return TemplateResponse(request, "admin/rectify/action_form.html", context)


class GuardedChangelistMixin:
    """Answer a filter the database cannot run with a message on the changelist, never a 500.

    The admin accepts any lookup on a model's own fields from the query string (`?due_date__year=`,
    `?unit=`, `?description__regex=`), and only the database finds out that a year or id is out of
    range or a pattern is no regular expression. The changelist is built (its counts and its page
    of rows) in a savepoint, so that on PostgreSQL a refused query leaves the request's connection
    usable; the admin then redirects to the unfiltered list (`?e=1`), where the message is shown.
    """

    def get_changelist_instance(self, request):
        try:
            with transaction.atomic(using=router.db_for_read(self.model)):
                changelist = super().get_changelist_instance(request)
                len(changelist.result_list)  # run the page's query here, not while rendering
        except (DatabaseError, OverflowError, ValueError) as exc:
            query = unquote_plus(request.META.get("QUERY_STRING", ""))
            shown = query if len(query) <= 120 else f"{query[:120]}…"
            self.message_user(
                request,
                f"无法按这些筛选条件查询（{shown}）：数值超出范围、日期无效或正则表达式有误。已改为显示全部记录。",
                messages.ERROR,
            )
            raise IncorrectLookupParameters(exc) from exc
        return changelist


class UnitScopedAdmin(GuardedChangelistMixin, admin.ModelAdmin):
    """Limit rows (and the choices of foreign keys) to a unit editor's own units."""

    unit_path = "inspection__unit"  # from this model to Unit; "" for Unit itself

    def get_queryset(self, request):
        return scope_to_units(super().get_queryset(request), request.user, self.unit_path)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        scoped = SCOPED_FOREIGN_KEYS.get(db_field.related_model)
        if scoped is not None:
            queryset = kwargs.get("queryset", db_field.related_model._default_manager.all())
            kwargs["queryset"] = scope_to_units(queryset, request.user, scoped)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _in_scope(self, request, obj) -> bool:
        if obj is None or not is_unit_editor(request.user):
            return True
        return self.get_queryset(request).filter(pk=obj.pk).exists()

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._in_scope(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._in_scope(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._in_scope(request, obj)


# Foreign keys whose choices a unit editor may pick from, and the path from each to its unit.
SCOPED_FOREIGN_KEYS = {
    Unit: "",
    Inspection: "unit",
    Report: "inspection__unit",
    Issue: "inspection__unit",
    Measure: "issue__inspection__unit",
}


def ledger_response(issues, *, fmt: str, filename: str) -> HttpResponse:
    """A 整改台账 download of these problems, in report order."""
    issues = issues.order_by("inspection__unit__name", "inspection", "order")
    stamp = timezone.localdate().strftime("%Y%m%d")
    # Streamed (CSV) or spooled to a temporary file (XLSX), as the public exports: a whole archive
    # selected with "select all" must not be held in memory.
    if fmt == "xlsx":
        response = FileResponse(
            ledger.ledger_xlsx_file(issues, staff=True),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    else:
        response = StreamingHttpResponse(
            ledger.ledger_csv_lines(issues, staff=True), content_type="text/csv; charset=utf-8"
        )
    response["Content-Disposition"] = content_disposition_header(True, f"{filename}-{stamp}.{fmt}")
    return response


# --- units and inspections -----------------------------------------------------------------------


@admin.register(Unit)
class UnitAdmin(UnitScopedAdmin):
    unit_path = ""
    list_display = ["name", "short_name", "region", "level", "parent"]
    list_filter = ["level", "region"]
    search_fields = ["name", "short_name", "region"]
    autocomplete_fields = ["parent"]


class ReportInline(admin.TabularInline):
    model = Report
    fields = ["title", "published_date", "as_of_date", "is_published"]
    readonly_fields = ["title"]
    extra = 0
    show_change_link = True


class InspectionIssueInline(admin.TabularInline):
    model = Issue
    fields = ["number", "title", "category", "status", "due_date"]
    readonly_fields = fields
    ordering = ["order"]
    extra = 0
    can_delete = False
    show_change_link = True
    verbose_name_plural = "反馈问题（按通报顺序）"

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Inspection)
class InspectionAdmin(UnitScopedAdmin):
    unit_path = "unit"
    list_display = ["unit", "inspector", "kind", "round", "start_date", "end_date", "feedback_date", "issue_count"]
    list_filter = ["kind", "start_date", "unit__level"]
    search_fields = ["unit__name", "unit__short_name", "inspector", "round", "focus"]
    autocomplete_fields = ["unit"]
    date_hierarchy = "start_date"
    list_select_related = ["unit"]
    inlines = [ReportInline, InspectionIssueInline]
    actions = ["export_ledger_xlsx", "export_ledger_csv"]

    @admin.display(description="问题数", ordering="_issue_count")
    def issue_count(self, obj):
        return obj._issue_count

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_issue_count=Count("issues", distinct=True))

    @admin.action(description="导出所选巡察的整改台账（XLSX）")
    def export_ledger_xlsx(self, request, queryset):
        return ledger_response(self._issues(request, queryset), fmt="xlsx", filename=self._filename(queryset))

    @admin.action(description="导出所选巡察的整改台账（CSV）")
    def export_ledger_csv(self, request, queryset):
        return ledger_response(self._issues(request, queryset), fmt="csv", filename=self._filename(queryset))

    def _issues(self, request, inspections):
        issues = Issue.objects.filter(inspection__in=inspections.values("pk"))
        return scope_to_units(issues, request.user, "inspection__unit")

    def _filename(self, inspections):
        first = inspections.select_related("unit").first()
        return f"整改台账-{first.unit.short_name or first.unit.name}" if inspections.count() == 1 else "整改台账"


# --- reports -------------------------------------------------------------------------------------


class HistoryInline(admin.TabularInline):
    """A record of what happened, shown read-only: nobody adds, changes or deletes history here."""

    extra = 0
    can_delete = False

    def get_readonly_fields(self, request, obj=None):
        return self.fields

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class FactCorrectionInline(HistoryInline):
    """The header facts staff corrected at upload: what was read, what it became, who and when."""

    model = FactCorrection
    fields = ["label", "parsed_value", "value", "corrected_by", "corrected_at"]
    verbose_name_plural = "报告头信息更正记录"


@admin.register(Report)
class ReportAdmin(UnitScopedAdmin):
    inlines = [FactCorrectionInline]
    list_display = ["__str__", "inspection", "published_date", "as_of_date", "is_published", "imported_at"]
    list_filter = ["is_published", "published_date"]
    search_fields = ["title", "inspection__unit__name", "source_name"]
    autocomplete_fields = ["inspection"]
    date_hierarchy = "published_date"
    list_select_related = ["inspection__unit"]
    readonly_fields = ["source_text", "checksum", "source_name", "parse_warnings", "imported_at", "updated_at"]
    actions = ["publish", "unpublish"]

    def get_urls(self):
        upload = self.admin_site.admin_view(admin_views.report_upload_view)
        confirm = self.admin_site.admin_view(admin_views.report_upload_confirm_view)
        return [
            path("upload/", upload, {"model_admin": self}, name="rectify_report_upload"),
            path("upload/confirm/", confirm, {"model_admin": self}, name="rectify_report_upload_confirm"),
            *super().get_urls(),
        ]

    def has_publish_permission(self, request):
        return is_office(request.user)

    @admin.action(description="公开所选通报", permissions=["publish"])
    def publish(self, request, queryset):
        count = progress.set_published(reports=queryset, published=True)
        self.message_user(request, f"已公开 {count} 份通报。", messages.SUCCESS)

    @admin.action(description="撤回所选通报（转为草稿）", permissions=["publish"])
    def unpublish(self, request, queryset):
        if "apply" not in request.POST:
            return action_form_response(
                self,
                request,
                queryset,
                form=forms.Form(),
                action="unpublish",
                title="确认撤回通报",
                explanation="撤回后这些通报及其问题不再在公开页面显示；问题、措施、进展报送、佐证材料、"
                "销号申请和状态历史全部保留，可随时重新公开。",
            )
        count = progress.set_published(reports=queryset, published=False)
        self.message_user(request, f"已撤回 {count} 份通报，公开页面不再显示，所有数据保留。", messages.SUCCESS)

    # One report at a time, on a page that says what goes with it (admin_views.report_remove_view).
    def delete_view(self, request, object_id, extra_context=None):
        return admin_views.report_remove_view(request, self, object_id)

    def has_delete_permission(self, request, obj=None):
        return is_office(request.user) and super().has_delete_permission(request, obj)

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # bulk deletion would skip the page above
        return actions

    def get_readonly_fields(self, request, obj=None):
        # Only the office publishes: a unit editor cannot flip is_published through the form either.
        fields = list(super().get_readonly_fields(request, obj))
        return fields if is_office(request.user) else [*fields, "is_published"]


# --- problems ------------------------------------------------------------------------------------


SHORT_WARNING_LABELS = {WarningLevel.GREEN: "绿", WarningLevel.YELLOW: "黄", WarningLevel.RED: "红·逾期"}
ESTIMATED_WARNING_NOTE = "期限按反馈日期估算或整改状态未标明，仅供内部跟踪，公开网站不显示此预警"


class WarningFilter(admin.SimpleListFilter):
    title = "整改预警"
    parameter_name = "warning"

    def lookups(self, request, model_admin):
        return [*WarningLevel.choices, ("none", "无预警")]

    def queryset(self, request, queryset):
        value = self.value()
        if value in WarningLevel.values:
            return queryset.filter(warning=value)
        if value == "none":
            return queryset.filter(warning="")
        return queryset


class UnitFilter(admin.SimpleListFilter):
    """Inspected units that have problems (the plain related filter would list every unit)."""

    title = "被巡察单位"
    parameter_name = "unit"

    def lookups(self, request, model_admin):
        units = scope_to_units(Unit.objects.filter(inspections__issues__isnull=False), request.user, "")
        return [(str(pk), name) for pk, name in units.distinct().order_by("name").values_list("pk", "name")]

    def queryset(self, request, queryset):
        if self.value() and self.value().isdigit():
            return queryset.filter(inspection__unit=int(self.value()))
        return queryset


class DateListField(forms.CharField):
    """A measure's dates (a JSON list of ISO dates in the database) typed as dates, comma-separated."""

    def prepare_value(self, value):
        if isinstance(value, str) and value.startswith("["):
            value = json.loads(value)
        return "，".join(value) if isinstance(value, list | tuple) else value

    def to_python(self, value):
        text = (super().to_python(value) or "").replace("，", ",").replace("、", ",")
        dates = []
        for part in filter(None, (piece.strip() for piece in text.split(","))):
            try:
                dates.append(datetime.date.fromisoformat(part).isoformat())
            except ValueError as exc:
                raise ValidationError(f"“{part}”不是日期：请按 YYYY-MM-DD 填写，多个日期用逗号分隔。") from exc
        return dates

    def has_changed(self, initial, data):
        return self.prepare_value(initial or []) != "，".join(self.to_python(data))


class MeasureForm(forms.ModelForm):
    dates = DateListField(
        label="提及日期", required=False, help_text="YYYY-MM-DD，多个日期用逗号分隔，如 2025-06-30，2025-12-31。"
    )

    class Meta:
        model = Measure
        fields = ["dates"]  # the admin adds the fields of its fieldsets


class MeasureInline(admin.StackedInline):
    model = Measure
    form = MeasureForm
    fields = ["order", "number", "text", "acting_unit_name", "acting_units", "state", "dates"]
    autocomplete_fields = ["acting_units"]
    ordering = ["order"]
    extra = 0


class StatusChangeInline(HistoryInline):
    model = StatusChange
    fields = ["changed_at", "previous_status", "status", "source", "report", "changed_by", "note"]
    verbose_name_plural = "状态变更历史"


class ProgressUpdateInline(HistoryInline):
    model = ProgressUpdate
    fields = ["submitted_at", "submitted_by", "status", "note", "state", "reviewed_by", "review_comment"]
    show_change_link = True


class IssueSearchAdminMixin:
    """For a ModelAdmin of Issue: the changelist search box uses the search index instead of search_fields."""

    def get_search_results(self, request, queryset, search_term):
        return _with_admin_fields(super(), request, queryset, search_term)


class MeasureSearchAdminMixin:
    """For a ModelAdmin of Measure: the changelist search box uses the search index instead of search_fields."""

    def get_search_results(self, request, queryset, search_term):
        return _with_admin_fields(super(), request, queryset, search_term)


def _with_admin_fields(admin, request, queryset, search_term):
    """Text through the index (the queryset's search()), OR the admin's own search_fields (unit names,
    numbers), which stay short."""
    by_fields, _ = admin.get_search_results(request, queryset, search_term)
    if not search_term.strip():
        return by_fields, False
    by_text = queryset.search(search_term)
    return queryset.filter(Q(pk__in=by_text.values("pk")) | Q(pk__in=by_fields.values("pk"))), False


class ClosureRequestInline(HistoryInline):
    model = ClosureRequest
    fields = ["submitted_at", "submitted_by", "statement", "state", "reviewed_by", "reviewed_at", "review_comment"]
    show_change_link = True


class EstimatedFilter(admin.SimpleListFilter):
    """Warnings the public site does not show (the dashboard's 其中估算 column)."""

    title = "预警是否估算"
    parameter_name = "estimated"

    def lookups(self, request, model_admin):
        return [("yes", "估算的预警"), ("no", "载明期限的预警")]

    def queryset(self, request, queryset):
        if self.value() in ("yes", "no"):
            return queryset.exclude(warning="").filter(warning_estimated=self.value() == "yes")
        return queryset


class IssueForm(forms.ModelForm):
    class Meta:
        model = Issue
        fields = ["responsible", "due_date", "deadline_text"]  # the admin adds the fields of its fieldsets
        labels = {"responsible": "责任领导", "due_date": "整改期限（预警用）", "deadline_text": "整改时限（通报原文）"}
        help_texts = {
            "due_date": "填写或修改后，期限依据变为“工作人员设定”，再次导入通报时保留。",
            "deadline_text": "通报中“整改时限”的原话，如“2025年底前”“长期坚持”。",
        }


def deadline_explanation(issue) -> str:
    """How the due date was set, in words: the one line that replaces three near-identical fields."""
    basis = issue.due_basis
    if basis == DueBasis.STAFF:
        return "工作人员设定（再次导入通报时保留）"
    if basis == DueBasis.LONG_TERM:
        return "长期坚持：没有期限，不预警"
    if basis == DueBasis.DEFAULT:
        feedback = issue.inspection.feedback_date
        return f"按反馈日期 {feedback:%Y-%m-%d} 估算（通报未载明时限），仅内部预警" if feedback else "按反馈日期估算"
    if basis == DueBasis.STATED:
        source = f"“{issue.deadline_text}”" if issue.deadline_text else "整改措施中的时限"
        return f"报告载明：{source}"
    return "未设定"


class SetStatusForm(forms.Form):
    status = forms.ChoiceField(label="整改状态", choices=IssueStatus.choices)
    note = forms.CharField(label="说明", widget=forms.Textarea(attrs={"rows": 4}), help_text="记入状态变更历史。")


@admin.register(Issue)
class IssueAdmin(IssueSearchAdminMixin, UnitScopedAdmin):
    list_display = [
        "number",
        "short_title",
        "unit_name",
        "status",
        "warning_flag",
        "due_date",
        "immediate",
        "is_public",
    ]
    list_display_links = ["number", "short_title"]
    list_filter = [
        WarningFilter,
        EstimatedFilter,
        "status",
        "due_basis",
        "immediate",
        "status_source",
        "is_published",
        UnitFilter,
        "inspection__kind",
    ]
    search_fields = ["number", "inspection__unit__name", "responsible"]  # text goes through the search index
    autocomplete_fields = ["inspection", "report", "category"]
    readonly_fields = ["key", "status_source", "deadline_basis", "source_line_start", "source_line_end", "updated_at"]
    list_select_related = ["inspection__unit", "report"]
    date_hierarchy = "due_date"
    ordering = ["inspection", "order"]
    list_per_page = 50
    inlines = [MeasureInline, StatusChangeInline, ProgressUpdateInline, ClosureRequestInline]
    actions = ["set_status", "export_ledger_xlsx", "export_ledger_csv"]
    form = IssueForm
    fieldsets = [
        (None, {"fields": ["inspection", "report", "category", "number", "order", "title", "description"]}),
        ("整改状态", {"fields": ["status", "status_source", "immediate"]}),
        (
            "整改时限",
            {
                "description": "通报所写的时限原文、预警所用的期限，以及这一期限是怎么定的。",
                "fields": ["deadline_text", "due_date", "deadline_basis"],
            },
        ),
        ("责任", {"fields": ["responsible", "responsible_department"]}),
        ("来源", {"classes": ["collapse"], "fields": ["key", "source_line_start", "source_line_end", "updated_at"]}),
    ]

    @admin.display(description="期限依据")
    def deadline_basis(self, obj):
        return deadline_explanation(obj)

    def get_queryset(self, request):
        # Staff see estimated warnings too (marked 估算); the public site shows known ones only.
        return super().get_queryset(request).with_staff_warning()

    def get_urls(self):
        dashboard = self.admin_site.admin_view(admin_views.warning_dashboard_view)
        return [
            path("dashboard/", dashboard, {"model_admin": self}, name="rectify_issue_dashboard"),
            *super().get_urls(),
        ]

    def save_formset(self, request, form, formset, change):
        if formset.model is Measure:
            for measure_form in formset.forms:
                if measure_form.instance.pk and measure_form.has_changed():
                    record_corrections(measure_form.instance, measure_form.changed_data, CORRECTABLE_MEASURE_FIELDS)
        super().save_formset(request, form, formset, change)

    @admin.display(description="问题", ordering="title")
    def short_title(self, obj):
        return obj.title if len(obj.title) <= 40 else f"{obj.title[:40]}…"

    @admin.display(description="被巡察单位", ordering="inspection__unit__name")
    def unit_name(self, obj):
        unit = obj.inspection.unit
        return unit.short_name or unit.name

    @admin.display(description="预警", ordering="warning")
    def warning_flag(self, obj):
        if not obj.warning:
            return ""
        if obj.warning_estimated:
            return format_html(
                '<span class="rectify-flag rectify-flag-{} rectify-flag-estimated" title="{}">{}（估算）</span>',
                obj.warning,
                f"{WarningLevel(obj.warning).label}：{ESTIMATED_WARNING_NOTE}",
                SHORT_WARNING_LABELS[obj.warning],
            )
        return format_html(
            '<span class="rectify-flag rectify-flag-{}" title="{}">{}</span>',
            obj.warning,
            WarningLevel(obj.warning).label,
            SHORT_WARNING_LABELS[obj.warning],
        )

    @admin.display(description="已公开", boolean=True, ordering="is_published")
    def is_public(self, obj):
        return obj.is_published

    def save_model(self, request, obj, form, change):
        # A date typed by staff is theirs: later imports keep it (see load._issue_values).
        if "due_date" in form.changed_data:
            obj.due_basis = DueBasis.STAFF
        if change:
            record_corrections(obj, form.changed_data, CORRECTABLE_ISSUE_FIELDS)
        if not change or "status" not in form.changed_data:
            super().save_model(request, obj, form, change)
            return
        # Save everything else first, then change the status through the service that records it.
        new_status, obj.status = obj.status, form.initial["status"]
        super().save_model(request, obj, form, change)
        progress.change_status(issue=obj, status=new_status, user=request.user, note="在问题编辑页修改")
        obj.refresh_from_db()

    # Unit editors may use the action too: for them it files pending updates for review.
    def has_set_status_permission(self, request):
        return request.user.has_perm("rectify.change_issue") or request.user.has_perm("rectify.add_progressupdate")

    @admin.action(description="设置所选问题的整改状态（附说明）", permissions=["set_status"])
    def set_status(self, request, queryset):
        form = SetStatusForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            status, note = form.cleaned_data["status"], form.cleaned_data["note"]
            if request.user.has_perm("rectify.change_issue"):
                count = progress.change_statuses(issues=queryset, status=status, user=request.user, note=note)
                self.message_user(request, f"已更新 {count} 个问题的整改状态，并记入历史。", messages.SUCCESS)
            else:
                count = progress.submit_updates(issues=queryset, status=status, note=note, user=request.user)
                self.message_user(request, f"已为 {count} 个问题提交整改进展，待巡察办审核后生效。", messages.SUCCESS)
            return None
        return action_form_response(
            self,
            request,
            queryset,
            form=form,
            action="set_status",
            title="设置整改状态",
            pending_note=not request.user.has_perm("rectify.change_issue"),
        )

    @admin.action(description="导出所选问题的整改台账（XLSX）")
    def export_ledger_xlsx(self, request, queryset):
        return ledger_response(queryset, fmt="xlsx", filename="整改台账")

    @admin.action(description="导出所选问题的整改台账（CSV）")
    def export_ledger_csv(self, request, queryset):
        return ledger_response(queryset, fmt="csv", filename="整改台账")


@admin.register(Category)
class CategoryAdmin(UnitScopedAdmin):
    list_display = ["__str__", "inspection", "parent", "order"]
    search_fields = ["title", "inspection__unit__name"]
    autocomplete_fields = ["inspection", "parent"]
    list_select_related = ["inspection__unit", "parent"]


# --- measures and evidence -----------------------------------------------------------------------


def record_corrections(obj, changed: list[str], correctable: tuple[str, ...]) -> None:
    """Remember which importer-read fields staff corrected, so a later import of the report keeps them."""
    corrected = [field for field in correctable if field in changed and field not in obj.corrected_fields]
    if corrected:
        obj.corrected_fields = [*obj.corrected_fields, *corrected]


def evidence_is_locked(request, evidence) -> bool:
    """Public evidence changes only through the office: a unit editor adds a new file for review instead."""
    return bool(evidence and evidence.pk and evidence.is_public and not is_office(request.user))


class EvidenceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        for form in self.forms:
            instance = form.instance
            if not evidence_is_locked(self.request, instance):
                continue
            if form.has_changed() or (self.can_delete and self._should_delete_form(form)):
                raise ValidationError(
                    f"“{instance.title}”已公开，只有巡察办可以修改或删除；如需更新，请另行上传新文件待审核。"
                )


class EvidenceInline(admin.TabularInline):
    model = Evidence
    formset = EvidenceFormSet
    fields = ["title", "file", "is_public", "uploaded_by", "uploaded_at"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
    extra = 0

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.request = request
        return formset

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        return fields if is_office(request.user) else [*fields, "is_public"]


@admin.register(Measure)
class MeasureAdmin(MeasureSearchAdminMixin, UnitScopedAdmin):
    unit_path = "issue__inspection__unit"
    list_display = ["__str__", "issue", "acting_unit_name", "state"]
    list_filter = ["state"]
    search_fields = ["acting_unit_name", "issue__inspection__unit__name"]  # text goes through the search index
    autocomplete_fields = ["issue", "acting_units"]
    list_select_related = ["issue"]
    inlines = [EvidenceInline]
    form = MeasureForm

    def save_model(self, request, obj, form, change):
        record_corrections(obj, form.changed_data, CORRECTABLE_MEASURE_FIELDS)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for evidence in formset.save(commit=False):
            evidence.uploaded_by = evidence.uploaded_by or request.user
            evidence.save()
        for obj in formset.deleted_objects:
            obj.delete()
        formset.save_m2m()


@admin.register(Evidence)
class EvidenceAdmin(UnitScopedAdmin):
    unit_path = "measure__issue__inspection__unit"
    list_display = ["title", "measure", "is_public", "uploaded_by", "uploaded_at", "download_link"]
    list_filter = ["is_public", "uploaded_at"]
    search_fields = ["title", "measure__text", "measure__issue__title"]
    autocomplete_fields = ["measure"]
    readonly_fields = ["uploaded_by", "uploaded_at"]
    date_hierarchy = "uploaded_at"
    list_select_related = ["measure", "uploaded_by"]

    def get_urls(self):
        download = self.admin_site.admin_view(self.download_view)
        return [path("<int:pk>/download/", download, name="rectify_evidence_download"), *super().get_urls()]

    def download_view(self, request, pk):
        """Staff download through the admin: scoped like the list, public or not."""
        evidence = self.get_object(request, str(pk))
        if evidence is None or not self.has_view_permission(request, evidence):
            raise PermissionDenied
        return evidence_response(evidence)

    @admin.display(description="下载")
    def download_link(self, obj):
        return format_html('<a href="{}">下载</a>', reverse("admin:rectify_evidence_download", args=[obj.pk]))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.uploaded_by = request.user
        super().save_model(request, obj, form, change)

    def get_readonly_fields(self, request, obj=None):
        # Publishing is the office's call: a unit editor's files stay non-public until the office says.
        fields = list(super().get_readonly_fields(request, obj))
        if is_office(request.user):
            return fields
        if evidence_is_locked(request, obj):
            return [*fields, "measure", "title", "file", "is_public"]
        return [*fields, "is_public"]

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and not evidence_is_locked(request, obj)

    def get_deleted_objects(self, objs, request):
        # The bulk delete action checks each selected file: an editor cannot take public ones with theirs.
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        locked = [f"{evidence}（已公开）" for evidence in objs if evidence_is_locked(request, evidence)]
        return deleted, model_count, perms_needed | set(locked), protected


# --- history, progress updates and review --------------------------------------------------------


@admin.register(StatusChange)
class StatusChangeAdmin(UnitScopedAdmin):
    unit_path = "issue__inspection__unit"
    list_display = ["issue", "previous_status", "status", "source", "report", "changed_by", "changed_at"]
    list_filter = ["source", "status", "changed_at"]
    search_fields = ["issue__title", "note", "issue__inspection__unit__name"]
    date_hierarchy = "changed_at"
    list_select_related = ["issue", "report", "changed_by"]
    readonly_fields = [
        "issue",
        "previous_status",
        "status",
        "source",
        "report",
        "changed_by",
        "changed_at",
        "note",
    ]

    # History is written by imports and rectify.progress only, never by hand.
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


class ReturnForm(forms.Form):
    comment = forms.CharField(label="审核意见", widget=forms.Textarea(attrs={"rows": 4}), help_text="说明退回原因。")


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(UnitScopedAdmin):
    unit_path = "issue__inspection__unit"
    list_display = [
        "issue",
        "unit_name",
        "status",
        "note_excerpt",
        "state",
        "comment_is_public",
        "submitted_by",
        "submitted_at",
    ]
    list_filter = ["state", "status", "submitted_at"]
    search_fields = ["issue__title", "note", "issue__inspection__unit__name"]
    autocomplete_fields = ["issue"]
    date_hierarchy = "submitted_at"
    list_select_related = ["issue__inspection__unit", "submitted_by", "reviewed_by"]
    fields = ["issue", "status", "note", "state", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at"]
    readonly_fields = [
        "state",
        "submitted_by",
        "submitted_at",
        "reviewed_by",
        "reviewed_at",
        "review_comment",
        "comment_is_public",
    ]
    actions = ["approve", "return_for_revision", "publish_comment", "hide_comment"]

    def get_fields(self, request, obj=None):
        return [*self.fields, "review_comment", "comment_is_public"] if obj else self.fields

    @admin.display(description="单位", ordering="issue__inspection__unit__name")
    def unit_name(self, obj):
        return obj.issue.inspection.unit.name

    @admin.display(description="进展说明")
    def note_excerpt(self, obj):
        return obj.note if len(obj.note) <= 60 else f"{obj.note[:60]}…"

    def has_change_permission(self, request, obj=None):
        # A reviewed update is final; a pending one may be corrected only by whoever filed it.
        if obj is not None and (obj.state != ReviewState.PENDING or obj.submitted_by_id != request.user.pk):
            return False
        return super().has_change_permission(request, obj)

    def has_review_permission(self, request):
        return request.user.has_perm("rectify.review_progressupdate")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="通过所选报送（更新问题状态）", permissions=["review"])
    def approve(self, request, queryset):
        approved, skipped = self._review(request, queryset, progress.approve_update, comment="")
        self.message_user(request, f"已通过 {approved} 条报送，{skipped} 条已审核过、未处理。", messages.SUCCESS)

    @admin.action(description="退回所选报送（附审核意见）", permissions=["review"])
    def return_for_revision(self, request, queryset):
        form = ReturnForm(request.POST if "apply" in request.POST else None)
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            returned, skipped = self._review(request, queryset, progress.return_update, comment=comment)
            self.message_user(request, f"已退回 {returned} 条报送，{skipped} 条已审核过、未处理。", messages.SUCCESS)
            return None
        return action_form_response(
            self, request, queryset, form=form, action="return_for_revision", title="退回整改进展报送"
        )

    # Review comments are internal until the office says otherwise; only reviewers can say so.
    @admin.action(description="公开所选报送的审核意见", permissions=["review"])
    def publish_comment(self, request, queryset):
        count = progress.set_comment_public(updates=queryset, public=True)
        self.message_user(request, f"已公开 {count} 条审核意见（待审核或无意见的报送不变）。", messages.SUCCESS)

    @admin.action(description="取消公开所选报送的审核意见", permissions=["review"])
    def hide_comment(self, request, queryset):
        count = progress.set_comment_public(updates=queryset, public=False)
        self.message_user(request, f"已取消公开 {count} 条审核意见。", messages.SUCCESS)

    def _review(self, request, queryset, service, *, comment):
        done = skipped = 0
        for update in queryset:
            try:
                service(update=update, reviewer=request.user, comment=comment)
                done += 1
            except ValidationError:
                skipped += 1
        return done, skipped


# --- closing problems (整改销号) ---------------------------------------------------------------------


class ClosureEvidenceFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        kept = [form for form in self.forms if form.cleaned_data and not form.cleaned_data.get("DELETE")]
        if not any(form.cleaned_data.get("file") for form in kept):
            raise ValidationError("销号申请至少需要一份佐证材料。")


class ClosureEvidenceInline(admin.TabularInline):
    model = ClosureEvidence
    formset = ClosureEvidenceFormSet
    fields = ["title", "file", "download_link"]
    readonly_fields = ["download_link"]
    min_num = 1
    extra = 1
    can_delete = False

    @admin.display(description="下载")
    def download_link(self, obj):
        if not obj.pk:
            return ""
        return format_html('<a href="{}">下载</a>', reverse("admin:rectify_closureevidence_download", args=[obj.pk]))

    def has_change_permission(self, request, obj=None):
        return False  # what a request rests on stays as it was filed


class ClosureRequestForm(forms.ModelForm):
    class Meta:
        model = ClosureRequest
        fields = ["issue", "statement"]
        help_texts = {"statement": "说明整改完成情况；至少附一份佐证材料（会议纪要、制度文件、收据等）。"}

    def clean_issue(self):
        issue = self.cleaned_data["issue"]
        closures.check_can_request(issue)
        return issue


@admin.register(ClosureRequest)
class ClosureRequestAdmin(UnitScopedAdmin):
    """A unit files a request (statement + files); the office approves (problem completed) or returns it."""

    unit_path = "issue__inspection__unit"
    form = ClosureRequestForm
    inlines = [ClosureEvidenceInline]
    list_display = ["issue", "unit_name", "state", "file_count", "submitted_by", "submitted_at", "reviewed_at"]
    list_filter = ["state", "submitted_at"]
    search_fields = ["issue__title", "statement", "issue__inspection__unit__name"]
    autocomplete_fields = ["issue"]
    list_select_related = ["issue__inspection__unit", "submitted_by"]
    readonly_fields = ["state", "submitted_by", "submitted_at", "reviewed_by", "reviewed_at", "review_comment"]
    actions = ["approve", "return_for_revision"]

    def get_fields(self, request, obj=None):
        return ["issue", "statement", *self.readonly_fields] if obj else ["issue", "statement"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(_file_count=Count("files"))

    def get_urls(self):
        download = self.admin_site.admin_view(self.download_view)
        return [
            path("evidence/<int:pk>/download/", download, name="rectify_closureevidence_download"),
            *super().get_urls(),
        ]

    def download_view(self, request, pk):
        """A closure file, to those who may see its request: never from MEDIA_URL."""
        evidence = ClosureEvidence.objects.select_related("request").filter(pk=pk).first()
        if evidence is None or not self.has_view_permission(request, evidence.request):
            raise PermissionDenied
        return evidence_response(evidence)

    @admin.display(description="单位", ordering="issue__inspection__unit__name")
    def unit_name(self, obj):
        return obj.issue.inspection.unit.name

    @admin.display(description="佐证材料", ordering="_file_count")
    def file_count(self, obj):
        return obj._file_count

    def has_change_permission(self, request, obj=None):
        # A filed request is a record: it changes only by review (the actions below).
        return obj is None and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def has_review_permission(self, request):
        return request.user.has_perm("rectify.review_closurerequest")

    def save_model(self, request, obj, form, change):
        if not change:
            obj.submitted_by = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description="通过所选销号申请（问题改为已完成整改）", permissions=["review"])
    def approve(self, request, queryset):
        done, skipped = self._review(request, queryset, closures.approve_closure)
        self.message_user(request, f"已通过 {done} 项销号申请，问题已改为已完成整改；{skipped} 项已审核过、未处理。")

    @admin.action(description="退回所选销号申请（附退回原因）", permissions=["review"])
    def return_for_revision(self, request, queryset):
        form = ReturnForm(request.POST if "apply" in request.POST else None)
        form.fields["comment"].label = "退回原因"
        if form.is_valid():
            comment = form.cleaned_data["comment"]
            done, skipped = self._review(request, queryset, closures.return_closure, comment=comment)
            self.message_user(request, f"已退回 {done} 项销号申请，{skipped} 项已审核过、未处理。", messages.SUCCESS)
            return None
        return action_form_response(
            self, request, queryset, form=form, action="return_for_revision", title="退回整改销号申请"
        )

    def _review(self, request, queryset, service, **kwargs):
        done = skipped = 0
        for closure in queryset:
            try:
                service(closure=closure, reviewer=request.user, **kwargs)
                done += 1
            except ValidationError:
                skipped += 1
        return done, skipped


# --- reminders -----------------------------------------------------------------------------------


@admin.register(StaffPreference)
class StaffPreferenceAdmin(GuardedChangelistMixin, admin.ModelAdmin):
    """The office sees who opted out; each user sets their own on the "我的提醒设置" page."""

    list_display = ["user", "receives_reminders"]
    list_filter = ["receives_reminders"]
    search_fields = ["user__username", "user__email"]
    autocomplete_fields = ["user"]

    def get_urls(self):
        mine = self.admin_site.admin_view(admin_views.my_preferences_view)
        return [path("mine/", mine, {"model_admin": self}, name="rectify_staffpreference_mine"), *super().get_urls()]


@admin.register(ReminderSent)
class ReminderSentAdmin(UnitScopedAdmin):
    """What the digests reported: written by send_deadline_reminders only."""

    unit_path = "issue__inspection__unit"
    list_display = ["issue", "kind", "change", "recipient_list", "sent_at"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["issue__title", "issue__inspection__unit__name"]
    date_hierarchy = "sent_at"
    list_select_related = ["issue"]

    @admin.display(description="收件人")
    def recipient_list(self, obj):
        return "、".join(obj.recipients)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


# --- assignments and the rest --------------------------------------------------------------------


@admin.register(UnitEditor)
class UnitEditorAdmin(GuardedChangelistMixin, admin.ModelAdmin):
    list_display = ["user", "unit", "created_at"]
    search_fields = ["user__username", "user__first_name", "user__last_name", "unit__name"]
    autocomplete_fields = ["user", "unit"]
    list_select_related = ["user", "unit"]


@admin.register(MoneyAmount)
class MoneyAmountAdmin(UnitScopedAdmin):
    unit_path = "issue__inspection__unit"
    list_display = ["text", "yuan", "kind", "issue"]
    list_filter = ["kind"]
    search_fields = ["text", "issue__title"]
    autocomplete_fields = ["issue", "measure"]
    list_select_related = ["issue"]


# --- problems that may be one across reports -------------------------------------------------------


@admin.register(ProblemMatch)
class ProblemMatchAdmin(UnitScopedAdmin):
    """Uncertain matches side by side: the office says whether a later report's problem is one held."""

    unit_path = "candidate__inspection__unit"
    list_display = ["later_problem", "held_problem", "score", "state", "decided_by", "decided_at"]
    list_filter = ["state"]
    search_fields = ["candidate__title", "issue__title", "candidate__inspection__unit__name"]
    list_select_related = ["report", "issue__report", "candidate__report", "decided_by"]
    readonly_fields = ["report", "parsed_key", "issue", "candidate", "score", "state", "decided_by", "decided_at"]
    fields = ["side_by_side", *readonly_fields]
    actions = ["confirm_same", "split_apart"]

    def get_readonly_fields(self, request, obj=None):
        return ["side_by_side", *self.readonly_fields]

    def has_add_permission(self, request):
        return False

    def has_confirm_permission(self, request):
        return is_office(request.user)

    @admin.display(description="该通报中的问题")
    def later_problem(self, obj):
        return _problem_cell(obj.issue, obj.report) if obj.issue else "（已并入）"

    @admin.display(description="已有问题")
    def held_problem(self, obj):
        return _problem_cell(obj.candidate, obj.candidate.report)

    @admin.display(description="对照")
    def side_by_side(self, obj):
        later = obj.issue
        return format_html(
            "<table><tr><th>{}</th><th>{}</th></tr><tr><td>{}</td><td>{}</td></tr></table>",
            f"{obj.report}（{obj.parsed_key}）",
            f"{obj.candidate.report}（{obj.candidate.number}）",
            later.description if later else "（已并入）",
            obj.candidate.description,
        )

    @admin.action(description="确认为同一问题（合并，并按该通报更新）", permissions=["confirm"])
    def confirm_same(self, request, queryset):
        self._decide(request, queryset, matches.confirm_match, "已确认 {} 组为同一问题并合并。")

    @admin.action(description="确认为不同问题（保持分开）", permissions=["confirm"])
    def split_apart(self, request, queryset):
        self._decide(request, queryset, matches.split_match, "已确认 {} 组为不同问题。")

    def _decide(self, request, queryset, decide, message):
        decided = 0
        for match in queryset.filter(state=MatchState.UNCERTAIN):
            try:
                decide(match=match, user=request.user)
            except ValidationError as exc:  # settled meanwhile by a decision on the same problem
                self.message_user(request, "；".join(exc.messages), messages.WARNING)
                continue
            decided += 1
        self.message_user(request, message.format(decided), messages.SUCCESS)


def _problem_cell(issue, report):
    return format_html(
        '<a href="{}">{} {}</a><br><span class="help">{}</span>',
        reverse("admin:rectify_issue_change", args=[issue.pk]),
        issue.number,
        issue.title[:60],
        report,
    )


# The changelists of other apps (auth's users and groups, axes' login records) take the same query
# strings: give them the same guard, keeping each app's own admin class.
for model in (get_user_model(), Group, AccessAttempt, AccessLog, AccessFailureLog):
    if admin.site.is_registered(model):
        app_admin = type(admin.site.get_model_admin(model))
        admin.site.unregister(model)
        admin.site.register(model, type(app_admin.__name__, (GuardedChangelistMixin, app_admin), {}))


# --- the admin index in the order of the work --------------------------------------------------------

# Reports come in, their problems are followed up, units report progress and evidence; the
# reference lists (units, inspections) and the records behind them come after.
WORK_ORDER = [
    "Report",
    "Issue",
    "ProgressUpdate",
    "ClosureRequest",
    "Evidence",
    "Unit",
    "Inspection",
    "ProblemMatch",
    "Measure",
    "Category",
    "StatusChange",
    "MoneyAmount",
    "UnitEditor",
    "StaffPreference",
    "ReminderSent",
]
# django-axes ships no Chinese: its models are named here, for the index and the sidebar.
AXES_NAMES = {
    "AccessAttempt": "登录失败（锁定）记录",
    "AccessLog": "登录记录",
    "AccessFailureLog": "登录失败日志",
    "AccessAttemptExpiration": "锁定到期时间",
}
APP_ORDER = {"rectify": 0, "auth": 1, "axes": 2}  # the lockout records last

_default_app_list = admin.site.get_app_list


def app_list_in_work_order(request, app_label=None):
    """The admin's app list with the archive first in the order of the work and axes last, in Chinese."""
    apps = _default_app_list(request, app_label)
    for app in apps:
        if app["app_label"] == "rectify":
            position = {name: index for index, name in enumerate(WORK_ORDER)}
            app["models"].sort(key=lambda model: (position.get(model["object_name"], len(WORK_ORDER)), model["name"]))
        elif app["app_label"] == "axes":
            app["name"] = "登录安全"
            for model in app["models"]:
                model["name"] = AXES_NAMES.get(model["object_name"], model["name"])
    apps.sort(key=lambda app: APP_ORDER.get(app["app_label"], 1))
    return apps


# Set on the default site rather than replacing it, so urls.py and INSTALLED_APPS stay as they are.
admin.site.get_app_list = app_list_in_work_order
