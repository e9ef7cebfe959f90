"""Admin pages beyond the model forms: report upload with preview, and the early-warning dashboard.

Both are mounted by their ModelAdmin's get_urls and wrapped in admin_site.admin_view, so only
logged-in staff reach them; each view also checks the model permission it needs.
"""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from rectify import progress, report_removal, report_upload
from rectify.importer import CORRECTABLE_FACTS, SUPPORTED_SUFFIXES, ImportFailure
from rectify.models import Issue, IssueStatus, ReminderSent, StaffPreference, WarningLevel, warning_days
from rectify.roles import scope_to_units

SESSION_KEY = "rectify_staged_uploads"


class ReportUploadForm(forms.Form):
    file = forms.FileField(
        label="通报文件",
        help_text="支持 .txt、.docx、.html；先预览，确认后才写入。",
        widget=forms.ClearableFileInput(attrs={"accept": ",".join(SUPPORTED_SUFFIXES)}),
    )
    source_url = forms.URLField(
        label="发布网页",
        required=False,
        max_length=500,
        assume_scheme="https",
        help_text="通报原发布页面的地址（可选），在公开页面上链接到它。",
    )
    publish = forms.BooleanField(label="导入后立即公开", required=False)
    allow_partial = forms.BooleanField(label="允许导入没有问题清单的不完整报告", required=False)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.suffix = report_upload.check_upload(upload.name, upload.size)
        except ImportFailure as exc:
            raise forms.ValidationError(str(exc)) from exc
        return upload


class ConfirmUploadForm(forms.Form):
    token = forms.RegexField(regex=report_upload.TOKEN, widget=forms.HiddenInput)


# The importer speaks to the command line; on the web the same choice is a tick box on the form.
COMMAND_LINE_HINTS = {
    "可用 --allow-partial 仍然导入": f"勾选“{ReportUploadForm.base_fields['allow_partial'].label}”后可仍然导入",
    "--allow-partial": f"“{ReportUploadForm.base_fields['allow_partial'].label}”",
    "--publish": f"“{ReportUploadForm.base_fields['publish'].label}”",
}


def in_form_words(message: str) -> str:
    """An importer message with its command-line flags put as the upload form's options."""
    for flag, words in COMMAND_LINE_HINTS.items():
        message = message.replace(flag, words)
    return message


@require_http_methods(["GET", "HEAD", "POST"])
def report_upload_view(request, model_admin):
    """Step 1 (GET) shows the form; step 2 (POST) stages the file and shows the preview."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ReportUploadForm(request.POST or None, request.FILES or None)
    context = {**model_admin.admin_site.each_context(request), "opts": model_admin.model._meta, "title": "上传通报"}
    if request.method != "POST" or not form.is_valid():
        return render(request, "admin/rectify/report/upload.html", {**context, "form": form})
    upload = form.cleaned_data["file"]
    data = upload.read()
    options = {"publish": form.cleaned_data["publish"], "allow_partial": form.cleaned_data["allow_partial"]}
    try:
        preview = report_upload.preview_import(data, name=upload.name, **options)
    except ImportFailure as exc:
        form.add_error("file", in_form_words(str(exc)))
        return render(request, "admin/rectify/report/upload.html", {**context, "form": form})
    token = report_upload.stage(data, suffix=form.suffix)
    staged = request.session.get(SESSION_KEY, {})
    staged[token] = {
        "name": upload.name,
        "suffix": form.suffix,
        "source_url": form.cleaned_data["source_url"],
        **options,
    }
    request.session[SESSION_KEY] = staged
    return render(
        request,
        "admin/rectify/report/upload_preview.html",
        {
            **context,
            "title": "导入预览",
            "preview": preview,
            "name": upload.name,
            "source_url": form.cleaned_data["source_url"],
            "options": options,
            "confirm_form": ConfirmUploadForm(initial={"token": token}),
        },
    )


@require_http_methods(["POST"])
def report_upload_confirm_view(request, model_admin):
    """Import the staged file ("confirm") or throw it away ("cancel"); either way it is unstaged."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    form = ConfirmUploadForm(request.POST)
    staged = request.session.get(SESSION_KEY, {})
    upload_url = reverse("admin:rectify_report_upload")
    # Only a token this session staged can be confirmed: no importing someone else's upload.
    if not form.is_valid() or form.cleaned_data["token"] not in staged:
        messages.error(request, "上传的文件已过期或已处理，请重新上传。")
        return HttpResponseRedirect(upload_url)
    token = form.cleaned_data["token"]
    entry = staged.pop(token)
    request.session[SESSION_KEY] = staged
    if "confirm" not in request.POST:
        report_upload.discard(token, suffix=entry["suffix"])
        messages.info(request, f"已取消导入“{entry['name']}”，没有写入任何数据。")
        return HttpResponseRedirect(upload_url)
    try:
        data = report_upload.read_staged(token, suffix=entry["suffix"])
        # The header facts as staff left them in the preview form; changed ones become corrections.
        facts = {key: request.POST[f"fact:{key}"] for key in CORRECTABLE_FACTS if f"fact:{key}" in request.POST}
        result = report_upload.import_upload(
            data,
            name=entry["name"],
            source_url=entry.get("source_url", ""),
            publish=entry["publish"],
            allow_partial=entry["allow_partial"],
            facts=facts,
            user=request.user,
        )
    except ImportFailure as exc:
        messages.error(request, f"导入失败：{in_form_words(str(exc))}")
        return HttpResponseRedirect(upload_url)
    finally:
        report_upload.discard(token, suffix=entry["suffix"])
    outcomes = {"created": "已新增", "updated": "已更新", "unchanged": "内容未变，未作改动："}
    messages.success(
        request,
        f"{outcomes[result.outcome]}“{result.report.display_title}”：{result.issue_count} 个问题，"
        f"{result.measure_count} 条措施，{result.status_changes} 项状态变化。"
        + "".join(f"{line}。" for line in result.kept.describe()),
    )
    return HttpResponseRedirect(reverse("admin:rectify_report_change", args=[result.report.pk]))


@require_http_methods(["GET", "HEAD"])
def warning_dashboard_view(request, model_admin):
    """Open problems per inspected unit by warning colour: the office's weekly overview."""
    if not model_admin.has_view_permission(request):
        raise PermissionDenied
    today = timezone.localdate()
    # Estimated warnings count here, and are counted apart, so staff can chase the report's dates.
    issues = scope_to_units(Issue.objects.all(), request.user, "inspection__unit").with_staff_warning(today)
    rows = list(
        issues.values("inspection__unit", "inspection__unit__name")
        .annotate(
            total=Count("id"),
            open=Count("id", filter=~Q(status=IssueStatus.COMPLETED)),
            completed=Count("id", filter=Q(status=IssueStatus.COMPLETED)),
            green=Count("id", filter=Q(warning=WarningLevel.GREEN)),
            yellow=Count("id", filter=Q(warning=WarningLevel.YELLOW)),
            red=Count("id", filter=Q(warning=WarningLevel.RED)),
            estimated=Count("id", filter=~Q(warning="") & Q(warning_estimated=True)),
        )
        .order_by("-red", "-yellow", "-green", "inspection__unit__name")
    )
    keys = ("total", "open", "completed", "green", "yellow", "red", "estimated")
    totals = {key: sum(row[key] for row in rows) for key in keys}
    green_days, yellow_days = warning_days()
    last_digest = scope_to_units(ReminderSent.objects.last_digest(), request.user, "issue__inspection__unit")
    last_digest = list(last_digest.select_related("issue__inspection__unit").order_by("kind", "issue"))
    return render(
        request,
        "admin/rectify/issue/dashboard.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": "整改预警看板",
            "rows": rows,
            "totals": totals,
            "today": today,
            "green_days": green_days,
            "yellow_days": yellow_days,
            "changelist_url": reverse("admin:rectify_issue_changelist"),
            "filters": DASHBOARD_FILTERS,
            "last_digest": last_digest,
            "last_digest_at": last_digest[0].sent_at if last_digest else None,
            "last_digest_recipients": sorted({address for row in last_digest for address in row.recipients}),
        },
    )


# Each dashboard count as a query string of the problem list (the unit is added per row).
DASHBOARD_FILTERS = {
    "total": "",
    "completed": f"status__exact={IssueStatus.COMPLETED}",
    "open": "status__in=" + ",".join(value for value in IssueStatus.values if value != IssueStatus.COMPLETED),
    "green": f"warning={WarningLevel.GREEN}",
    "yellow": f"warning={WarningLevel.YELLOW}",
    "red": f"warning={WarningLevel.RED}",
    "estimated": "estimated=yes",
}


class PreferenceForm(forms.ModelForm):
    class Meta:
        model = StaffPreference
        fields = ["receives_reminders"]


@require_http_methods(["GET", "HEAD", "POST"])
def my_preferences_view(request, model_admin):
    """Any staff member's own settings: whether the daily reminder digest comes to them."""
    preference = StaffPreference.objects.filter(user=request.user).first() or StaffPreference(user=request.user)
    # An unticked box posts nothing: the form is bound by the method, not by the POST being non-empty.
    form = PreferenceForm(request.POST if request.method == "POST" else None, instance=preference)
    if request.method == "POST" and form.is_valid():
        form.save()
        state = "会" if preference.receives_reminders else "不会"
        messages.success(request, f"已保存：您{state}收到每日整改期限提醒邮件。")
        return HttpResponseRedirect(request.path)
    return render(
        request,
        "admin/rectify/staffpreference/mine.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": "我的提醒设置",
            "form": form,
            "email": request.user.email,
        },
    )


@require_http_methods(["GET", "HEAD", "POST"])
def report_remove_view(request, model_admin, object_id):
    """Withdraw or delete one report, after a page that says what goes and what staff work stays."""
    report = model_admin.get_object(request, object_id)
    if report is None or not model_admin.has_delete_permission(request, report):
        raise PermissionDenied
    plan = report_removal.removal_plan(report)
    if request.method == "POST" and "withdraw" in request.POST:
        progress.set_published(reports=[report], published=False)
        messages.success(request, f"已撤回“{report.display_title}”：公开页面不再显示，所有数据保留。")
        return HttpResponseRedirect(reverse("admin:rectify_report_change", args=[report.pk]))
    if request.method == "POST" and "delete" in request.POST:
        try:
            report_removal.delete_report(report)
        except ValueError as exc:
            messages.error(request, f"未删除：{exc}。")
            return HttpResponseRedirect(request.path)
        messages.success(
            request,
            f"已删除“{report.display_title}”及 {len(plan.problems)} 个仅见于该通报的问题、{plan.measures} 条措施。",
        )
        return HttpResponseRedirect(reverse("admin:rectify_report_changelist"))
    return render(
        request,
        "admin/rectify/report/remove.html",
        {
            **model_admin.admin_site.each_context(request),
            "opts": model_admin.model._meta,
            "title": "撤回或删除通报",
            "report": report,
            "plan": plan,
            "problems_shown": plan.problems[:30],
        },
    )
