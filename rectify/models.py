"""Units, inspections, their published reports, the problems fed back and the measures taken."""

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.db.models import Case, Count, Q, Value, When
from django.db.models.functions import Coalesce, ExtractYear
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from rectify.search import query as search_query
from rectify.textlines import split_lines


class UnitLevel(models.TextChoices):
    PROVINCE = "province", _("省级")
    PREFECTURE = "prefecture", _("市级（地级）")
    COUNTY_CITY = "county_city", _("市（县级）")
    COUNTY = "county", _("县")
    DISTRICT = "district", _("区")


class InspectionType(models.TextChoices):
    # 巡视 is done by the central and provincial committees, 巡察 by city and county ones; the reports
    # print the word, and the parser stores it as printed.
    XUNCHA = "巡察", pgettext_lazy("inspection type", "巡察")
    XUNSHI = "巡视", pgettext_lazy("inspection type", "巡视")


class IssueStatus(models.TextChoices):
    COMPLETED = "completed", _("已完成整改")
    PARTIAL = "partial", _("阶段性完成")
    IN_PROGRESS = "in_progress", _("正在整改")
    NOT_STARTED = "not_started", _("未整改")
    UNKNOWN = "unknown", _("未标明")

    @classmethod
    def open_values(cls) -> list[str]:
        """Statuses that mean the problem is not yet fully rectified."""
        return [cls.PARTIAL, cls.IN_PROGRESS, cls.NOT_STARTED]

    @classmethod
    def shares(cls, by_status: dict[str, int]) -> list[dict]:
        """One row per status in order, with its count and rounded share of the total (as count_by_status gives).

        未标明 is marked `unknown`, so tables show it apart from the statuses a report states.
        """
        total = sum(by_status.values())
        return [
            {
                "code": code,
                "label": label,
                "count": by_status.get(code, 0),
                "share": round(100 * by_status.get(code, 0) / total) if total else 0,
                "unknown": code == cls.UNKNOWN,
            }
            for code, label in cls.choices
        ]


class StatusSource(models.TextChoices):
    STATED = "stated", _("报告载明")
    INFERRED = "inferred", _("据整改措施推断")
    STAFF = "staff", _("工作人员更新")


class MeasureState(models.TextChoices):
    DONE = "done", _("已完成")
    ONGOING = "ongoing", _("推进中")
    PLANNED = "planned", _("计划中")
    BLOCKED = "blocked", _("受阻")


def published_condition(path: str = "") -> Q:
    """The archive's privacy rule as a condition: public means published.

    `path` reaches the report or problem the rule applies to ("" for the row itself, "report__",
    "issue__", ...). A problem is published when its latest report is (Issue.is_published, kept by a
    trigger). Every public read goes through this, by way of the querysets' published()/public()
    verbs or, inside an aggregate, directly.
    """
    # `__in=[True]`, not `=True`: Django writes the latter as a bare `WHERE is_published` on SQLite,
    # which its planner cannot match to the (is_published, ...) indexes.
    return Q(**{f"{path}is_published__in": [True]})


class UnitQuerySet(models.QuerySet):
    def search(self, query: str):
        """Units holding every term of the query in their name, short name or region (folded as search folds)."""
        return search_query.filter_names(self, ["name", "short_name", "region"], query)

    def public(self):
        """Units a published report names, as the inspected unit or acting on a measure; others would betray a draft."""
        inspected = models.Exists(Report.objects.published().filter(inspection__unit=models.OuterRef("pk")))
        acting = models.Exists(Measure.objects.published().filter(acting_units=models.OuterRef("pk")))
        return self.filter(inspected | acting)

    def with_report_count(self):
        """Annotate `report_count`: the unit's published reports."""
        published = published_condition("inspections__reports__")
        return self.annotate(report_count=Count("inspections__reports", filter=published, distinct=True))

    def reported(self):
        """Units a published report was made on (the inspected unit), not those only acting on a measure."""
        return self.filter(models.Exists(Report.objects.published().filter(inspection__unit=models.OuterRef("pk"))))

    def report_cards(self, today: datetime.date | None = None) -> list["UnitReportCard"]:
        """A UnitReportCard for each of these units that a published report was made on.

        Four grouped reads, whatever the number of units: the published problems counted per
        inspection (the problem index holds every column the counts test), the inspections' units,
        the latest published report per unit, and the units' names.
        """
        per_inspection = (
            Issue.objects.published()
            .order_by()
            .values("inspection")
            .annotate(
                issue_count=Count("*"),
                # Counted on inspection, a column of the problem index (Count("*") takes no filter).
                completed_count=Count("inspection", filter=Q(status=IssueStatus.COMPLETED)),
                open_count=Count("inspection", filter=Q(status__in=IssueStatus.open_values())),
                overdue_count=Count("inspection", filter=overdue_condition(today)),
            )
        )
        unit_of = dict(Inspection.objects.order_by().values_list("pk", "unit"))
        latest = dict(
            Report.objects.published()
            .order_by()
            .values("inspection__unit")
            .annotate(latest=models.Max(report_date()))
            .values_list("inspection__unit", "latest")
        )
        names = dict(self.filter(pk__in=list(latest)).order_by().values_list("pk", "name"))
        counts = {pk: dict.fromkeys(UnitReportCard.COUNTS, 0) for pk in names}
        for row in per_inspection:
            unit_counts = counts.get(unit_of.get(row.pop("inspection")))
            if unit_counts is not None:
                for key, value in row.items():
                    unit_counts[key] += value
        return [
            UnitReportCard(pk=pk, name=name, last_report_date=latest[pk], **counts[pk]) for pk, name in names.items()
        ]

    def with_progress(self):
        """Annotate each unit with its published problems: total, completed and of unknown status
        (未标明 is neither done nor undone, so progress bars say it apart)."""
        published = published_condition("inspections__issues__")
        return self.annotate(
            issue_count=Count("inspections__issues", filter=published, distinct=True),
            completed_count=Count(
                "inspections__issues",
                filter=published & Q(inspections__issues__status=IssueStatus.COMPLETED),
                distinct=True,
            ),
            unknown_count=Count(
                "inspections__issues",
                filter=published & Q(inspections__issues__status=IssueStatus.UNKNOWN),
                distinct=True,
            ),
        )


@dataclass(frozen=True)
class UnitReportCard:
    """One unit's line in the league table: its published problems and its latest published report.

    Open is a status the reports state as unfinished; overdue is overdue_condition, the public rule.
    """

    COUNTS = ("issue_count", "completed_count", "open_count", "overdue_count")

    pk: int
    name: str
    issue_count: int
    completed_count: int
    open_count: int
    overdue_count: int
    last_report_date: datetime.date | None

    @property
    def completion(self) -> float | None:
        """The share of its published problems stated completed, in percent; None without problems."""
        return 100 * self.completed_count / self.issue_count if self.issue_count else None


class Unit(models.Model):
    name = models.CharField("全称", max_length=200, unique=True)
    match_name = models.CharField(
        "匹配用名称",
        max_length=200,
        unique=True,
        editable=False,
        help_text="简体化后的全称，用于识别同一单位的繁简写法。",
    )
    short_name = models.CharField("简称", max_length=100, blank=True)
    region = models.CharField("所在地区", max_length=100, blank=True, help_text="如：辽宁省丹东市东港市")
    level = models.CharField("层级", max_length=20, choices=UnitLevel.choices, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name="上级单位",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="sub_units",
    )
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = "被巡察单位"
        verbose_name_plural = "被巡察单位"
        ordering = ["region", "name"]
        indexes = [models.Index(fields=["region"]), models.Index(fields=["level"])]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        from rectify.chinese import to_simplified  # loads OpenCC: only when a unit is saved

        self.match_name = to_simplified(self.name)
        super().save(*args, **kwargs)

    def progress_by_report(self) -> list[tuple["Report", int, int]]:
        """After each published report on the unit: its inspection's problems known completed, and known at all.

        A problem counts from the first report that lists it, with the status the latest report so far
        stated; one a report stops mentioning keeps its last stated status.
        """
        reports = Report.objects.published().filter(inspection__unit=self).in_date_order()
        by_report: dict[int, list[IssueDisclosure]] = {report.pk: [] for report in reports}
        for disclosure in (
            IssueDisclosure.objects.public().filter(report__in=reports).only("issue_id", "report_id", "status")
        ):
            by_report[disclosure.report_id].append(disclosure)
        statuses: dict[int, dict[int, str]] = {}  # inspection -> problem -> last stated status
        points = []
        for report in reports:
            known = statuses.setdefault(report.inspection_id, {})
            known.update((d.issue_id, d.status) for d in by_report[report.pk])
            completed = sum(status == IssueStatus.COMPLETED for status in known.values())
            points.append((report, completed, len(known)))
        return points

    def scorecard(self, today: datetime.date | None = None) -> list[dict]:
        """The unit beside the units of its level: problems, share completed, overdue; best share first.

        Every peer is ranked, but only the top SCORECARD_TOP and the unit's neighbours are returned: a
        level holds hundreds of units, and the page needs the leaders and where this unit stands.
        """
        if not self.level:
            return []
        counts = (
            Issue.objects.published()
            .filter(inspection__unit__level=self.level)
            .values("inspection__unit")
            .annotate(
                issue_count=Count("pk"),
                completed_count=Count("pk", filter=Q(status=IssueStatus.COMPLETED)),
                overdue_count=Count("pk", filter=overdue_condition(today)),
            )
            .order_by()
        )
        counts = {row.pop("inspection__unit"): row for row in counts}
        names = dict(Unit.objects.filter(pk__in=counts).values_list("pk", "name"))

        def share(row: dict) -> int:
            return round(100 * row["completed_count"] / row["issue_count"])

        ranked = sorted(counts.items(), key=lambda item: (-share(item[1]), item[1]["overdue_count"], names[item[0]]))
        own_rank = next((rank for rank, (pk, _row) in enumerate(ranked) if pk == self.pk), None)
        rows = []
        for rank, (pk, row) in enumerate(ranked):
            near_self = own_rank is not None and abs(rank - own_rank) <= SCORECARD_AROUND
            if rank >= SCORECARD_TOP and not near_self:
                continue
            peer = Unit(pk=pk, name=names[pk])
            vars(peer).update(row)  # issue_count, completed_count, overdue_count, as an annotation would
            rows.append({"unit": peer, "share": share(row), "is_self": pk == self.pk, "rank": rank + 1})
        return rows


# The scorecard's rows: the leaders of the unit's level, and this many on each side of the unit.
SCORECARD_TOP = 10
SCORECARD_AROUND = 2


class InspectionQuerySet(models.QuerySet):
    def published(self):
        """Inspections with at least one published report."""
        return self.filter(models.Exists(Report.objects.published().filter(inspection=models.OuterRef("pk"))))

    def for_unit(self, unit):
        return self.filter(unit=unit)


class Inspection(models.Model):
    unit = models.ForeignKey(Unit, verbose_name="被巡察单位", on_delete=models.PROTECT, related_name="inspections")
    inspector = models.CharField("巡察组", max_length=100, help_text="如：市委第三巡察组")
    kind = models.CharField("巡察类型", max_length=50, blank=True, help_text="如：常规巡察、专项巡察、提级巡察")
    focus = models.CharField("专项内容", max_length=100, blank=True, help_text="专项巡察的主题，如：扫黑除恶")
    round = models.CharField("巡察轮次", max_length=100, blank=True, help_text="如：十八届市委第七轮")
    inspection_type = models.CharField(
        "巡察或巡视", max_length=4, choices=InspectionType.choices, blank=True, help_text="报告所写：巡察或巡视"
    )
    inspector_level = models.CharField(
        "巡察（巡视）机构层级", max_length=20, blank=True, help_text="派出巡察组的党委，如：中央、省委、市委、县委"
    )
    start_date = models.DateField("进驻日期", null=True, blank=True)
    end_date = models.DateField("结束日期", null=True, blank=True)
    feedback_date = models.DateField("反馈日期", null=True, blank=True)
    created_at = models.DateTimeField("创建时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = InspectionQuerySet.as_manager()

    class Meta:
        verbose_name = "巡察"
        verbose_name_plural = "巡察"
        ordering = ["-start_date", "unit__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["unit", "inspector", "start_date"], name="unique_inspection_per_unit_inspector_start"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=models.F("start_date")),
                name="inspection_ends_after_start",
            ),
        ]
        indexes = [models.Index(fields=["start_date"]), models.Index(fields=["kind"])]

    def __str__(self):
        period = f"{self.start_date:%Y年%-m月}" if self.start_date else "日期未标明"
        return f"{self.inspector}巡察{self.unit.short_name or self.unit.name}（{period}）"

    @property
    def year(self):
        return self.start_date.year if self.start_date else None

    def status_grid(self) -> tuple[list["Report"], list[tuple["Issue", list["IssueDisclosure | None"]]]]:
        """Published reports in order, and per published problem what each report stated (None: not mentioned)."""
        reports = self.reports.published().in_date_order()
        column = {report.pk: index for index, report in enumerate(reports)}
        disclosures = IssueDisclosure.objects.public().filter(report__in=reports).select_related("issue")
        rows: dict[int, tuple[Issue, list]] = {}
        for disclosure in sorted(disclosures, key=lambda d: (column[d.report_id], d.order)):
            issue, cells = rows.setdefault(disclosure.issue_id, (disclosure.issue, [None] * len(reports)))
            cells[column[disclosure.report_id]] = disclosure
        return reports, list(rows.values())


def report_date(prefix: str = "") -> Coalesce:
    """A report's best known date as SQL: published, else signed, else the start of disclosure.

    The same order as Report.date; prefix reaches it through a relation ("report__").
    """
    return Coalesce(f"{prefix}published_date", f"{prefix}signed_date", f"{prefix}disclosure_start")


class ReportQuerySet(models.QuerySet):
    def search(self, query: str):
        """Reports holding every term of the query in their title or their unit's name (folded as search folds)."""
        return search_query.filter_names(self, ["title", "inspection__unit__name"], query)

    def published(self):
        return self.filter(published_condition())

    def with_problem_counts(self):
        """Annotate `problem_count` and `completed_count`: the problems each report discloses, and of them completed."""
        completed = Q(issues__status=IssueStatus.COMPLETED)
        return self.annotate(problem_count=Count("issues"), completed_count=Count("issues", filter=completed))

    def latest_first(self):
        """Newest first by the date the lists show (Report.date), reports with no date at all last."""
        # Served by report_date_idx, made per database in migration 0014 (PostgreSQL needs it
        # DESC NULLS LAST, which SQLite refuses in CREATE INDEX), so the newest are read, not sorted.
        return self.order_by(report_date().desc(nulls_last=True), "-id")

    def oldest_first(self):
        """Oldest first by Report.date, as a unit's history reads; undated reports last."""
        return self.order_by(report_date().asc(nulls_last=True), "id")

    def for_unit(self, unit):
        return self.filter(inspection__unit=unit)

    def in_year(self, year: int):
        """Reports whose best known date (Report.date) falls in `year`."""
        return self.alias(best_year=ExtractYear(report_date())).filter(best_year=year)

    def of_inspection_type(self, *types: str):
        """Reports on 巡察 or 巡视 (InspectionType), as the report prints it."""
        return self.filter(inspection__inspection_type__in=types)

    def with_disclosed_progress(self):
        """Annotate `disclosed_count` and `disclosed_completed`: the published problems each report lists,
        and how many of them it states completed, as the report said it at the time (IssueDisclosure)."""
        listed = IssueDisclosure.objects.public().filter(report=models.OuterRef("pk")).order_by().values("report")
        count = listed.annotate(n=Count("*")).values("n")
        completed = listed.filter(status=IssueStatus.COMPLETED).annotate(n=Count("*")).values("n")
        return self.annotate(
            disclosed_count=Coalesce(models.Subquery(count), 0),
            disclosed_completed=Coalesce(models.Subquery(completed), 0),
        )

    def with_original(self):
        """Annotate `original_name` and `original_size` of the file as imported (ReportOriginal); None if not kept."""
        original = ReportOriginal.objects.filter(report=models.OuterRef("pk"))
        return self.annotate(
            original_name=models.Subquery(original.values("name")[:1]),
            original_size=models.Subquery(original.values("size")[:1]),
        )

    def in_date_order(self) -> list["Report"]:
        """Oldest first by each report's best known date (Report.date); undated ones last, by import."""
        return sorted(self, key=lambda report: (report.date is None, report.date or datetime.date.min, report.pk))


class Report(models.Model):
    inspection = models.ForeignKey(Inspection, verbose_name="巡察", on_delete=models.PROTECT, related_name="reports")
    title = models.CharField("标题", max_length=300, blank=True)
    published_date = models.DateField("发布日期", null=True, blank=True)
    signed_date = models.DateField("落款日期", null=True, blank=True)
    as_of_date = models.DateField("进展截至", null=True, blank=True)
    disclosure_start = models.DateField("公开期限起", null=True, blank=True)
    disclosure_end = models.DateField("公开期限止", null=True, blank=True)
    phones = models.JSONField("联系电话", default=list, blank=True)
    emails = models.JSONField("电子邮箱", default=list, blank=True)
    address = models.CharField("通信地址", max_length=300, blank=True)
    postcode = models.CharField("邮编", max_length=10, blank=True)
    publisher = models.CharField("发布来源", max_length=100, blank=True)
    # Nullable without a default: SQLite then adds the column in place; a rebuild of this table would
    # fail on the search view that reads it.
    fact_lines = models.JSONField(
        "事实出处", null=True, blank=True, help_text='各项开头事实读自原文第几行，如 {"inspection.feedback_date": 3}'
    )

    declared_category_count = models.PositiveIntegerField("报告所称问题类别数", null=True, blank=True)
    declared_issue_count = models.PositiveIntegerField("报告所称问题数", null=True, blank=True)
    declared_manifestation_count = models.PositiveIntegerField("报告所称具体表现形式数", null=True, blank=True)
    declared_completed_count = models.PositiveIntegerField("报告所称已完成数", null=True, blank=True)
    declared_partial_count = models.PositiveIntegerField("报告所称阶段性完成数", null=True, blank=True)
    declared_immediate_count = models.PositiveIntegerField("报告所称立行立改数", null=True, blank=True)
    declared_undisclosed_count = models.PositiveIntegerField("报告所称不宜公开数", null=True, blank=True)

    source_text = models.TextField("原文")
    checksum = models.CharField("原文校验和（SHA-256）", max_length=64, unique=True)
    text_fingerprint = models.CharField(
        "正文指纹",
        max_length=64,
        blank=True,
        db_index=True,
        editable=False,
        help_text="去掉空白后的原文校验和：同一文本另存为 .txt、.docx、.html 仍是同一份通报。",
    )
    source_name = models.CharField("来源文件", max_length=300, blank=True)
    source_url = models.URLField("来源网址", max_length=500, blank=True)
    parse_warnings = models.JSONField("解析提示", default=list, blank=True)
    is_published = models.BooleanField("已公开", default=True)
    imported_at = models.DateTimeField("导入时间", auto_now_add=True)
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = ReportQuerySet.as_manager()

    class Meta:
        verbose_name = "整改进展通报"
        verbose_name_plural = "整改进展通报"
        ordering = [report_date().desc(nulls_last=True), "-id"]
        indexes = [models.Index(fields=["is_published", "published_date"])]

    def __str__(self):
        return self.display_title

    def get_absolute_url(self):
        return reverse("report_detail", args=[self.pk])

    @property
    def display_title(self) -> str:
        """The printed title, or one composed the way such reports title themselves."""
        if self.title:
            return self.title
        return f"{self.inspection.unit.name}关于巡察整改进展情况的通报"

    @property
    def date(self):
        """The best known date: published, else signed, else the start of disclosure (as report_date())."""
        return self.published_date or self.signed_date or self.disclosure_start

    @property
    def date_kind(self) -> str:
        """Which date Report.date is: "published", "signed", "disclosure_start", or "" for none."""
        if self.published_date:
            return "published"
        if self.signed_date:
            return "signed"
        return "disclosure_start" if self.disclosure_start else ""

    def unit_neighbours(self) -> tuple["Report | None", "Report | None"]:
        """The unit's published reports just before and after this one, in date order (Report.date)."""
        reports = (
            Report.objects.published()
            .for_unit(self.inspection.unit_id)
            .select_related("inspection__unit")
            .only("title", "published_date", "signed_date", "disclosure_start", "inspection__unit__name")
            .in_date_order()
        )
        ordered = [report.pk for report in reports]
        if self.pk not in ordered:
            return None, None
        at = ordered.index(self.pk)
        return (reports[at - 1] if at else None), (reports[at + 1] if at + 1 < len(reports) else None)

    def earlier_published(self) -> list["Report"]:
        """The inspection's published reports before this one, oldest first."""
        reports = self.inspection.reports.published().in_date_order()
        ordered = [report.pk for report in reports]
        if self.pk in ordered:
            return reports[: ordered.index(self.pk)]
        return [r for r in reports if r.date and self.date and r.date < self.date]

    def changes_since_previous(self) -> "ReportChanges | None":
        """What this report says has changed since the inspection's previous published report; None if first."""
        earlier = self.earlier_published()
        if not earlier:
            return None
        previous = earlier[-1]
        known: dict[int, IssueDisclosure] = {}  # each problem's latest statement before this report
        position = {report.pk: index for index, report in enumerate(earlier)}
        before = IssueDisclosure.objects.public().filter(report__in=earlier)
        for disclosure in sorted(before, key=lambda d: position[d.report_id]):
            known[disclosure.issue_id] = disclosure
        changes = ReportChanges(previous=previous)
        now = IssueDisclosure.objects.public().filter(report=self).order_by("order")
        listed = set()
        for disclosure in now:
            listed.add(disclosure.issue_id)
            earlier_statement = known.get(disclosure.issue_id)
            change = ProblemChange(disclosure, earlier_statement)
            if earlier_statement is None:
                changes.newly_added.append(change)
            elif disclosure.status == IssueStatus.COMPLETED and earlier_statement.status != IssueStatus.COMPLETED:
                changes.newly_finished.append(change)
            elif disclosure.status not in (earlier_statement.status, IssueStatus.UNKNOWN):
                changes.moved_on.append(change)
            elif disclosure.status in IssueStatus.open_values():
                changes.still_open.append(change)
            else:
                changes.unchanged.append(change)
        # A problem kept apart until staff decide whether it is one held: neither surely new nor surely gone.
        pending = dict(ProblemMatch.objects.uncertain().filter(report=self).values_list("issue_id", "candidate_id"))
        asked_about = set(pending.values())
        for change in list(changes.newly_added):
            if change.now.issue_id in pending:
                changes.newly_added.remove(change)
                changes.pending_match.append(change)
        for disclosure in previous.disclosures.public().order_by("order"):
            if disclosure.issue_id not in listed and disclosure.issue_id not in asked_about:
                changes.not_mentioned.append(ProblemChange(disclosure, disclosure))
        return changes

    @property
    def expected_disclosed(self) -> int | None:
        """How many problems the report's own counts say it discloses: all it declares but the 不宜公开."""
        declared = self.declared_manifestation_count
        if declared is None:
            declared = self.declared_issue_count
        if declared is None:
            return None
        return declared - (self.declared_undisclosed_count or 0)

    @staticmethod
    def disclosed_counts(issues: Iterable["Issue"]) -> dict[str, int]:
        """What the disclosed problems (already fetched, in a list) add up to, in the terms reports declare."""
        issues = list(issues)
        return {
            "issues": len(issues),
            "completed": sum(i.status == IssueStatus.COMPLETED for i in issues),
            "partial": sum(i.status == IssueStatus.PARTIAL for i in issues),
            "immediate": sum(i.immediate for i in issues),
        }

    def declared_rows(self, issues: list["Issue"], disclosed: dict[str, int]) -> list[dict]:
        """Counts the report declares beside what it discloses (disclosed_counts of `issues`).

        A gap the 不宜公开 count explains is no mismatch.
        """
        hidden = self.declared_undisclosed_count or 0
        top_categories = len({i.category.parent_id or i.category_id for i in issues if i.category})
        rows = [
            (_("问题类别"), self.declared_category_count, top_categories, 0),
            (_("反馈问题"), self.declared_issue_count, None, 0),
            (_("具体表现形式"), self.declared_manifestation_count, None, 0),
            (_("不宜公开"), self.declared_undisclosed_count, None, 0),
            (_("公开的问题"), self.expected_disclosed, disclosed["issues"], 0),
            (_("已完成整改"), self.declared_completed_count, disclosed["completed"], hidden),
            (_("阶段性完成"), self.declared_partial_count, disclosed["partial"], hidden),
            (_("立行立改"), self.declared_immediate_count, disclosed["immediate"], hidden),
        ]
        return [
            {
                "label": label,
                "declared": declared,
                "found": found,
                "mismatch": declared is not None and found is not None and not 0 <= declared - found <= tolerance,
            }
            for label, declared, found, tolerance in rows
            if declared is not None or found
        ]

    def source_lines(self) -> list[dict]:
        """The report's text line by line, numbered as the importer did, each tagged with what was read from it."""
        return number_source_lines(
            self.source_text,
            issue_lines=self.issues.values_list("pk", "source_line_start", "source_line_end"),
            measure_lines=Measure.objects.filter(issue__report=self, source_line__isnull=False).values_list(
                "source_line", "issue_id"
            ),
            fact_lines=self.fact_lines or {},
        )


# The header facts a report's source page marks on the line each was read from (Report.fact_lines).
FACT_LABELS = {
    "title": _("标题"),
    "unit.name": _("单位全称"),
    "unit.named_as": _("被巡察单位"),
    "inspection.inspector": _("巡察组"),
    "inspection.inspector_level": None,
    "inspection.inspection_type": None,
    "inspection.kind": _("巡察类型"),
    "inspection.round": _("轮次"),
    "inspection.start_date": _("进驻日期"),
    "inspection.end_date": _("结束日期"),
    "inspection.feedback_date": _("反馈日期"),
    "report.published_date": _("发布日期"),
    "report.signed_date": _("落款日期"),
    "report.publisher": _("发布机构"),
    "report.declared.categories": _("所称问题类别数"),
    "report.declared.issues": _("所称问题数"),
    "report.declared.manifestations": _("所称具体问题数"),
    "report.declared.completed": _("所称已完成数"),
    "report.declared.partial": _("所称阶段性完成数"),
    "report.declared.immediate": _("所称立行立改数"),
    "report.declared.undisclosed": _("所称不宜公开数"),
}


def number_source_lines(text: str, *, issue_lines, measure_lines, fact_lines=None) -> list[dict]:
    """Number the text's lines as the importer did; tag each with the problem or measure read from it.

    issue_lines: (issue pk, first line, last line); measure_lines: (line, issue pk);
    fact_lines: {"inspection.feedback_date": 3, ...}, the header facts read from each line.
    """

    facts: dict[int, list[str]] = {}
    for key, number in (fact_lines or {}).items():
        if label := FACT_LABELS.get(key):
            facts.setdefault(number, []).append(str(label))
    marks = {}
    for issue_id, start, end in issue_lines:
        if start:
            for number in range(start, (end or start) + 1):
                marks[number] = ("issue", issue_id, number == start)
    for number, issue_id in measure_lines:
        marks[number] = ("measure", issue_id, marks.get(number, (None, None, False))[2])
    rows = []
    for number, line in enumerate(split_lines(text), start=1):
        kind, issue_id, starts_issue = marks.get(number, ("", None, False))
        rows.append(
            {
                "number": number,
                "text": line,
                "kind": kind or ("fact" if number in facts else ""),
                "issue_id": issue_id,
                "starts_issue": starts_issue,
                "facts": facts.get(number, []),
            }
        )
    return rows


class ReportOriginalQuerySet(models.QuerySet):
    def public(self):
        """Files of published reports only: a draft's file is no more public than its text."""
        return self.filter(report__is_published__in=[True])


class ReportOriginal(models.Model):
    """The report's file byte for byte as imported, for readers who want the original, not our reading of it.

    Kept in its own table, apart from Report, so no list of reports reads the bytes; in the database,
    not on disk, so an import rolled back (the admin preview) leaves no file behind.
    """

    report = models.OneToOneField(
        Report, verbose_name="通报", on_delete=models.CASCADE, primary_key=True, related_name="original"
    )
    name = models.CharField("文件名", max_length=300)
    data = models.BinaryField("文件内容")
    size = models.PositiveIntegerField("大小（字节）")
    stored_at = models.DateTimeField("保存时间", auto_now=True)

    objects = ReportOriginalQuerySet.as_manager()

    class Meta:
        verbose_name = "通报原始文件"
        verbose_name_plural = "通报原始文件"

    def __str__(self):
        return self.name


class Category(models.Model):
    """A heading under which the inspection's feedback groups problems; may nest one level."""

    inspection = models.ForeignKey(Inspection, verbose_name="巡察", on_delete=models.CASCADE, related_name="categories")
    parent = models.ForeignKey(
        "self", verbose_name="上级类别", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    number = models.CharField("序号", max_length=20, blank=True)
    title = models.CharField("类别", max_length=300)
    order = models.PositiveIntegerField("顺序")

    class Meta:
        verbose_name = "问题类别"
        verbose_name_plural = "问题类别"
        ordering = ["inspection", "order"]

    def __str__(self):
        if not self.number:
            return self.title
        return f"{self.number}.{self.title}" if self.number.isdigit() else f"（{self.number}）{self.title}"


class DueBasis(models.TextChoices):
    STATED = "stated", _("报告载明")
    DEFAULT = "default", _("按反馈日期估算")
    LONG_TERM = "long_term", _("长期坚持")
    STAFF = "staff", _("工作人员设定")

    @classmethod
    def known_values(cls) -> list[str]:
        """Deadlines someone stated: the report or the office. DEFAULT is the site's own estimate."""
        return [cls.STATED, cls.STAFF]


class WarningLevel(models.TextChoices):
    """The early-warning colours inspection offices use for rectification deadlines."""

    GREEN = "green", _("绿色预警")
    YELLOW = "yellow", _("黄色预警")
    RED = "red", _("红色预警（已逾期）")


def warning_days() -> tuple[int, int]:
    """Days left at which a warning turns green and yellow (settings.RECTIFY_WARNING_DAYS)."""
    green, yellow = settings.RECTIFY_WARNING_DAYS
    return green, yellow


def known_open_condition() -> Q:
    """Known to be unfinished, with a deadline the report stated or staff set.

    The public rule for every warning: a problem whose report states no status (未标明) is not known
    to be unfinished, and a deadline the site estimated from the feedback date (DueBasis.DEFAULT) is
    not one anybody set, so neither makes a problem late in public.
    """
    return Q(status__in=IssueStatus.open_values(), due_basis__in=DueBasis.known_values(), due_date__isnull=False)


def overdue_condition(today: datetime.date | None = None) -> Q:
    """Past a known deadline and known to be unfinished (known_open_condition); usable in a conditional count."""
    today = today or timezone.localdate()
    return known_open_condition() & Q(due_date__lt=today)


def estimated_open_condition() -> Q:
    """What staff views add to known_open_condition: any deadline, any status but completed."""
    return Q(due_date__isnull=False) & ~Q(status=IssueStatus.COMPLETED)


def inferred_completed_condition() -> Q:
    """The report states no status, lists measures, and states every one of them done (Measure.state)."""
    measures = Measure.objects.filter(issue=models.OuterRef("pk"))
    return (
        Q(status=IssueStatus.UNKNOWN)
        & models.Exists(measures)
        & ~models.Exists(measures.exclude(state=MeasureState.DONE))
    )


def _warning_case(condition: Q, today: datetime.date) -> Case:
    green, yellow = warning_days()
    return Case(
        When(condition & Q(due_date__lt=today), then=Value(WarningLevel.RED)),
        When(condition & Q(due_date__lte=today + datetime.timedelta(days=yellow)), then=Value(WarningLevel.YELLOW)),
        When(condition & Q(due_date__lte=today + datetime.timedelta(days=green)), then=Value(WarningLevel.GREEN)),
        default=Value(""),
        output_field=models.CharField(),
    )


class IssueQuerySet(models.QuerySet):
    def search(self, query: str):
        """Problems whose title or description, or one of whose measures, contains the query (rectify.search)."""
        return search_query.filter_issues(self, query)

    def search_published(self, query: str) -> "search_query.IssueHits":
        """The published problems holding the query, newest report first, counted and paged by the index
        alone; this queryset says how a page's rows are read (select_related...), not which."""
        return search_query.published_issues(query, self)

    def published(self):
        return self.filter(published_condition())

    def unpublished(self):
        """Problems of draft reports: never shown, only subtracted from totals."""
        return self.exclude(published_condition())

    def count_by_status(self) -> dict[str, int]:
        """{status code: number of problems}, statuses with none left out."""
        return dict(self.order_by().values_list("status").annotate(n=Count("id")).values_list("status", "n"))

    def overdue(self, today: datetime.date | None = None):
        """Past a deadline the report stated or staff set, and known to be unfinished (overdue_condition)."""
        return self.filter(overdue_condition(today))

    def with_warning(self, today: datetime.date | None = None):
        """Annotate `warning` with the public WarningLevel value, or "" when none applies.

        Only known deadlines of problems known to be unfinished warn (known_open_condition), as
        overdue() counts them; staff views use with_staff_warning().
        """
        return self.annotate(warning=_warning_case(known_open_condition(), today or timezone.localdate()))

    def with_warning_level(self, level: str, today: datetime.date | None = None):
        return self.with_warning(today).filter(warning=level)

    def with_staff_warning(self, today: datetime.date | None = None):
        """Annotate `warning` for staff: every deadline of a problem not completed, estimated ones too;
        `warning_estimated` is true where the public would see no such warning (an estimated
        deadline or a status the report does not state), so staff views can mark it."""
        today = today or timezone.localdate()
        return self.annotate(
            warning=_warning_case(estimated_open_condition(), today),
            warning_estimated=Case(
                When(known_open_condition(), then=Value(False)),
                default=Value(True),
                output_field=models.BooleanField(),
            ),
        )

    def with_inferred_status(self):
        """Annotate `inferred_status`: "completed" where the report states no status but lists
        measures and states every one done (据措施推断), else "".

        Shown beside the stated status, never counted as it: `status` stays what the report says.
        """
        return self.annotate(
            inferred_status=Case(
                When(inferred_completed_condition(), then=Value(IssueStatus.COMPLETED)),
                default=Value(""),
                output_field=models.CharField(),
            )
        )

    def inferred_completed(self):
        """Problems with_inferred_status() marks completed: no stated status, every measure stated done."""
        return self.filter(inferred_completed_condition())

    def not_completed(self):
        return self.filter(status__in=IssueStatus.open_values())

    def for_unit(self, unit):
        return self.filter(inspection__unit=unit)

    def with_staff_work(self):
        """Problems staff have worked on: evidence, progress updates, a staff status or due date, a correction.

        An import never deletes these; the corrections are checked in Python (`corrected_fields`).
        """
        evidence = models.Exists(Evidence.objects.filter(measure__issue=models.OuterRef("pk")))
        updates = models.Exists(ProgressUpdate.objects.filter(issue=models.OuterRef("pk")))
        staff_changes = models.Exists(
            StatusChange.objects.filter(issue=models.OuterRef("pk"), source=StatusSource.STAFF)
        )
        closures = models.Exists(ClosureRequest.objects.filter(issue=models.OuterRef("pk")))
        return self.filter(evidence | updates | closures | staff_changes | Q(due_basis=DueBasis.STAFF))


# Fields of a problem or a measure that staff may correct in the admin; a later import keeps a correction.
CORRECTABLE_ISSUE_FIELDS = ("category", "number", "title", "description", "immediate", "deadline", "deadline_text")
CORRECTABLE_MEASURE_FIELDS = ("number", "text", "acting_unit_name", "dates", "state")


class Issue(models.Model):
    inspection = models.ForeignKey(Inspection, verbose_name="巡察", on_delete=models.CASCADE, related_name="issues")
    report = models.ForeignKey(
        Report,
        verbose_name="最近公开该问题的通报",
        on_delete=models.PROTECT,
        related_name="issues",
    )
    category = models.ForeignKey(
        Category, verbose_name="类别", null=True, blank=True, on_delete=models.SET_NULL, related_name="issues"
    )
    key = models.CharField(
        "识别键", max_length=200, editable=False, help_text="同一巡察内识别同一问题，用于后续通报更新状态。"
    )
    number = models.CharField("编号（原文）", max_length=20, blank=True)
    order = models.PositiveIntegerField("顺序")
    title = models.CharField("问题", max_length=500)
    description = models.TextField("问题表现", blank=True)
    status = models.CharField("整改状态", max_length=20, choices=IssueStatus.choices, default=IssueStatus.UNKNOWN)
    status_source = models.CharField("状态来源", max_length=20, choices=StatusSource.choices, blank=True)
    immediate = models.BooleanField("立行立改", default=False)
    deadline = models.DateField("整改时限", null=True, blank=True)
    deadline_text = models.CharField("整改时限（原文）", max_length=100, blank=True)
    due_date = models.DateField(
        "整改期限",
        null=True,
        blank=True,
        help_text="预警所用期限：报告载明的时限，否则为反馈日期加默认天数；长期坚持的问题为空。",
    )
    due_basis = models.CharField("期限依据", max_length=20, choices=DueBasis.choices, blank=True)
    responsible = models.CharField("责任领导/部门", max_length=300, blank=True)
    responsible_department = models.CharField("责任部门", max_length=300, blank=True)
    is_published = models.BooleanField(
        "已公开", default=True, editable=False, help_text="与最近公开该问题的通报一致，由数据库触发器维护。"
    )
    source_line_start = models.PositiveIntegerField("原文起始行", null=True, blank=True)
    source_line_end = models.PositiveIntegerField("原文结束行", null=True, blank=True)
    corrected_fields = models.JSONField(
        "工作人员更正的字段", default=list, blank=True, editable=False, help_text="再次导入时保留这些字段的更正。"
    )
    updated_at = models.DateTimeField("更新时间", auto_now=True)

    objects = IssueQuerySet.as_manager()

    class Meta:
        verbose_name = "反馈问题"
        verbose_name_plural = "反馈问题"
        ordering = ["inspection", "order"]
        constraints = [
            models.UniqueConstraint(fields=["inspection", "key"], name="unique_issue_key_per_inspection"),
            models.CheckConstraint(condition=Q(status__in=IssueStatus.values), name="issue_status_valid"),
        ]
        indexes = [
            # No index on status alone: SQLite's planner would scan it to group facet counts by
            # status in order, reading every problem (320 ms) instead of the few the filters pick.
            models.Index(fields=["inspection", "order"]),
            models.Index(fields=["due_date"]),
            # Covers the problem list's filters and facet counts once the inspections are chosen,
            # so a facet count reads this index only, never the wide issue rows. due_basis is in it
            # because overdue and warnings depend on how the deadline was set (known_open_condition).
            models.Index(
                fields=["inspection", "is_published", "status", "immediate", "due_date", "due_basis", "category"],
                name="issue_facets_idx",
            ),
            models.Index(fields=["updated_at"], name="issue_updated_idx"),
        ]

    def __str__(self):
        return f"{self.number} {self.title}".strip()

    def get_absolute_url(self):
        return reverse("issue_detail", args=[self.pk])


@dataclass(frozen=True)
class ProblemChange:
    """One problem in a report, beside what the archive knew of it before (None: first listed here)."""

    now: "IssueDisclosure"
    before: "IssueDisclosure | None"


@dataclass
class ReportChanges:
    """A later report against the inspection's reports before it, problem by problem."""

    previous: Report
    newly_finished: list[ProblemChange] = field(default_factory=list)
    moved_on: list[ProblemChange] = field(default_factory=list)  # to another stated status, not finished
    still_open: list[ProblemChange] = field(default_factory=list)
    unchanged: list[ProblemChange] = field(default_factory=list)  # finished before, or no status stated
    newly_added: list[ProblemChange] = field(default_factory=list)
    not_mentioned: list[ProblemChange] = field(default_factory=list)  # listed by the previous report only
    # new to the archive's eyes, but possibly one held: staff have not yet said (ProblemMatch)
    pending_match: list[ProblemChange] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {
            name: len(getattr(self, name))
            for name in (
                "newly_finished",
                "moved_on",
                "still_open",
                "unchanged",
                "newly_added",
                "not_mentioned",
                "pending_match",
            )
        }


class FactCorrection(models.Model):
    """A header fact of a report as staff corrected it, with what the parser had read and who said so.

    The loader applies it to every later import of the same file while the parser still reads the
    value staff corrected. `key` names one of the facts the upload preview lets staff correct.
    """

    report = models.ForeignKey(Report, verbose_name="通报", on_delete=models.CASCADE, related_name="corrections")
    key = models.CharField("字段", max_length=50)
    label = models.CharField("事实", max_length=50)
    parsed_value = models.CharField("解析结果", max_length=300, blank=True)
    value = models.CharField("更正为", max_length=300, blank=True)
    corrected_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="更正人", null=True, blank=True, on_delete=models.SET_NULL
    )
    corrected_at = models.DateTimeField("更正时间", auto_now_add=True)

    class Meta:
        verbose_name = "报告事实更正"
        verbose_name_plural = "报告事实更正"
        ordering = ["report", "corrected_at", "id"]

    def __str__(self):
        return f"{self.label}：{self.parsed_value or '（未读出）'} → {self.value or '（未载明）'}"


class IssueDisclosureQuerySet(models.QuerySet):
    def public(self):
        """What published reports said of published problems."""
        return self.filter(published_condition("issue__"), published_condition("report__"))

    def in_report_order(self):
        return self.order_by(models.F("report__published_date").asc(nulls_first=True), "report_id")


class IssueDisclosure(models.Model):
    """What one report said of one problem: its number, wording and stated status at the time.

    One row per problem per report that lists it, so a problem's path across successive reports can be
    read back (status by report, wording where it changed, not mentioned where there is no row).
    """

    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.CASCADE, related_name="disclosures")
    report = models.ForeignKey(Report, verbose_name="通报", on_delete=models.CASCADE, related_name="disclosures")
    order = models.PositiveIntegerField("在通报中的顺序")
    number = models.CharField("编号（原文）", max_length=20, blank=True)
    category = models.CharField("类别（原文）", max_length=300, blank=True)
    title = models.CharField("问题", max_length=500)
    description = models.TextField("问题表现", blank=True)
    status = models.CharField("通报所载状态", max_length=20, choices=IssueStatus.choices)
    match_score = models.FloatField(
        "匹配得分", null=True, blank=True, help_text="与此前已有问题匹配的把握（0–100）；为空表示首次列出或人工确认。"
    )

    objects = IssueDisclosureQuerySet.as_manager()

    class Meta:
        verbose_name = "问题在各期通报中的表述"
        verbose_name_plural = "问题在各期通报中的表述"
        ordering = ["issue", "report__published_date", "report_id"]
        constraints = [models.UniqueConstraint(fields=["issue", "report"], name="unique_disclosure_per_report")]
        indexes = [models.Index(fields=["report", "order"])]

    def __str__(self):
        return f"{self.report}：{self.number} {self.title}".strip()


class MatchState(models.TextChoices):
    UNCERTAIN = "uncertain", _("待确认")
    CONFIRMED = "confirmed", _("已确认为同一问题")
    SPLIT = "split", _("已确认为不同问题")


class ProblemMatchQuerySet(models.QuerySet):
    def uncertain(self):
        return self.filter(state=MatchState.UNCERTAIN)


class ProblemMatch(models.Model):
    """A later report's problem that may be one the archive already holds, below the matching threshold.

    Until staff decide, the two are kept apart (the later one is its own problem, `issue`). Confirming
    re-applies the report with the pair joined; splitting keeps them apart for good. Decisions are
    keyed by the report and the problem's key in it, so re-imports of the report keep them.
    """

    report = models.ForeignKey(Report, verbose_name="通报", on_delete=models.CASCADE, related_name="problem_matches")
    parsed_key = models.CharField("问题在该通报中的识别键", max_length=200)
    issue = models.ForeignKey(
        Issue,
        verbose_name="该通报中的问题",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="possible_earlier",
    )
    candidate = models.ForeignKey(
        Issue, verbose_name="可能是同一问题的已有问题", on_delete=models.CASCADE, related_name="possible_later"
    )
    score = models.FloatField("匹配得分")
    state = models.CharField("状态", max_length=20, choices=MatchState.choices, default=MatchState.UNCERTAIN)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="确认人", null=True, blank=True, on_delete=models.SET_NULL
    )
    decided_at = models.DateTimeField("确认时间", null=True, blank=True)

    objects = ProblemMatchQuerySet.as_manager()

    class Meta:
        verbose_name = "待确认的问题匹配"
        verbose_name_plural = "待确认的问题匹配"
        ordering = ["state", "-score", "id"]
        constraints = [
            models.UniqueConstraint(fields=["report", "parsed_key", "candidate"], name="unique_problem_match")
        ]

    def __str__(self):
        return f"{self.candidate} ↔ {self.report}（{self.score:.0f}）"


class StatusChangeQuerySet(models.QuerySet):
    def public(self):
        """Changes the public may read: on published problems, not taken from a draft report."""
        from_published_report = Q(report__isnull=True) | published_condition("report__")
        return self.filter(published_condition("issue__")).filter(from_published_report)


class StatusChange(models.Model):
    """One entry in a problem's status history: from an imported report or from a staff member."""

    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.CASCADE, related_name="status_changes")
    status = models.CharField("整改状态", max_length=20, choices=IssueStatus.choices)
    previous_status = models.CharField("原状态", max_length=20, choices=IssueStatus.choices, blank=True)
    source = models.CharField("来源", max_length=20, choices=StatusSource.choices)
    report = models.ForeignKey(
        Report, verbose_name="依据通报", null=True, blank=True, on_delete=models.CASCADE, related_name="status_changes"
    )
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="操作人", null=True, blank=True, on_delete=models.SET_NULL
    )
    note = models.TextField("说明", blank=True)
    changed_at = models.DateTimeField("时间", auto_now_add=True)

    objects = StatusChangeQuerySet.as_manager()

    class Meta:
        verbose_name = "状态变更记录"
        verbose_name_plural = "状态变更记录"
        ordering = ["issue", "changed_at", "id"]

    def __str__(self):
        return f"{self.issue}：{self.get_status_display()}"


class MeasureQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_condition("issue__"))

    def search(self, query: str):
        """Measures whose text contains the query (rectify.search)."""
        return search_query.filter_measures(self, query)


class Measure(models.Model):
    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.CASCADE, related_name="measures")
    report = models.ForeignKey(
        Report,
        verbose_name="最近列出该措施的通报",
        null=True,
        blank=True,
        db_constraint=False,  # see migration 0013: SQLite could not add or drop it in place
        on_delete=models.SET_NULL,
        related_name="listed_measures",
        help_text="与问题的通报不同时，这是较早通报列出、其后通报未再列出的措施；为空表示修订后的通报不再列出。",
    )
    order = models.PositiveIntegerField("顺序")
    number = models.CharField("编号（原文）", max_length=20, blank=True)
    text = models.TextField("整改措施")
    acting_unit_name = models.CharField("责任单位（原文）", max_length=200, blank=True)
    acting_units = models.ManyToManyField(Unit, verbose_name="责任单位", blank=True, related_name="measures")
    dates = models.JSONField("提及日期", default=list, blank=True)
    state = models.CharField("措施状态", max_length=20, choices=MeasureState.choices, blank=True)
    source_line = models.PositiveIntegerField("原文行", null=True, blank=True)
    corrected_fields = models.JSONField(
        "工作人员更正的字段", default=list, blank=True, editable=False, help_text="再次导入时保留这些字段的更正。"
    )

    objects = MeasureQuerySet.as_manager()

    class Meta:
        verbose_name = "整改措施"
        verbose_name_plural = "整改措施"
        ordering = ["issue", "order"]
        constraints = [models.UniqueConstraint(fields=["issue", "order"], name="unique_measure_order_per_issue")]

    def __str__(self):
        return self.text[:40]

    @property
    def is_listed_by_issue_report(self) -> bool:
        """Whether the report that last disclosed the problem lists this measure (else it is kept history)."""
        return self.report_id is not None and self.report_id == self.issue.report_id


class MoneyAmountQuerySet(models.QuerySet):
    def recovered(self):
        """Sums the reports say were handed back (上缴, 清退, 退还...), not sums merely mentioned."""
        return self.exclude(kind="")


class MoneyAmount(models.Model):
    """A sum of money a problem statement or a measure names, as a number."""

    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.CASCADE, related_name="amounts")
    measure = models.ForeignKey(
        Measure, verbose_name="整改措施", null=True, blank=True, on_delete=models.CASCADE, related_name="amounts"
    )
    text = models.CharField("原文", max_length=50)
    yuan = models.DecimalField("金额（元）", max_digits=16, decimal_places=2)
    kind = models.CharField("性质", max_length=10, blank=True, help_text="上缴、清退、退还、归还、补缴等；空为仅提及")

    objects = MoneyAmountQuerySet.as_manager()

    class Meta:
        verbose_name = "涉及金额"
        verbose_name_plural = "涉及金额"
        ordering = ["issue", "id"]

    def __str__(self):
        return self.text


# --- progress tracking: unit editors, progress updates under review, evidence -------------------


class UnitEditor(models.Model):
    """A 单位填报员's assignment to a unit: they report progress on that unit's problems only."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="填报员", on_delete=models.CASCADE, related_name="unit_assignments"
    )
    unit = models.ForeignKey(Unit, verbose_name="负责单位", on_delete=models.CASCADE, related_name="editor_assignments")
    created_at = models.DateTimeField("指派时间", auto_now_add=True)

    class Meta:
        verbose_name = "单位填报员"
        verbose_name_plural = "单位填报员"
        ordering = ["unit", "user"]
        constraints = [models.UniqueConstraint(fields=["user", "unit"], name="unique_unit_editor")]

    def __str__(self):
        return f"{self.user}：{self.unit}"


class ReviewState(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    RETURNED = "returned", _("已退回")


class ProgressUpdateQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ReviewState.PENDING)

    def approved(self):
        return self.filter(state=ReviewState.APPROVED)

    def public(self):
        """Approved updates on problems whose report is published: what the public may read."""
        return self.approved().filter(published_condition("issue__"))


class ProgressUpdate(models.Model):
    """A unit editor's report of progress on a problem; it counts only once a 巡察办 reviewer approves it."""

    # PROTECT: a unit's reported progress is staff work; deleting its problem must be refused, not cascade.
    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.PROTECT, related_name="progress_updates")
    status = models.CharField("报送整改状态", max_length=20, choices=IssueStatus.choices)
    note = models.TextField("整改进展说明")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="报送人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="progress_updates",
    )
    submitted_at = models.DateTimeField("报送时间", auto_now_add=True)
    state = models.CharField("审核状态", max_length=20, choices=ReviewState.choices, default=ReviewState.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_progress_updates",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见", blank=True)
    comment_is_public = models.BooleanField(
        "审核意见公开", default=False, help_text="勾选后审核意见随整改状态在公开页面显示；默认仅内部可见。"
    )
    status_change = models.OneToOneField(
        StatusChange,
        verbose_name="生效的状态变更",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="progress_update",
    )

    objects = ProgressUpdateQuerySet.as_manager()

    class Meta:
        verbose_name = "整改进展报送"
        verbose_name_plural = "整改进展报送"
        ordering = ["-submitted_at", "-id"]
        permissions = [("review_progressupdate", "可以审核整改进展报送")]
        indexes = [models.Index(fields=["state", "submitted_at"])]

    def __str__(self):
        return f"{self.issue}：{self.get_status_display()}（{self.get_state_display()}）"

    @property
    def public_comment(self) -> str:
        """The review comment if the office made it public, else nothing: comments are internal by default."""
        return self.review_comment if self.comment_is_public else ""


def evidence_upload_to(instance, filename: str) -> str:
    """A random name under evidence/: an unpublished file's URL cannot be guessed from its title."""
    import uuid
    from pathlib import PurePath

    return f"evidence/{timezone.now():%Y/%m}/{uuid.uuid4().hex}{PurePath(filename).suffix.lower()}"


def validate_evidence_file(file) -> None:
    """Refuse files over RECTIFY_MAX_EVIDENCE_BYTES or of a type not in RECTIFY_EVIDENCE_EXTENSIONS."""
    from pathlib import PurePath

    from django.core.exceptions import ValidationError

    suffix = PurePath(file.name).suffix.lower().lstrip(".")
    allowed = settings.RECTIFY_EVIDENCE_EXTENSIONS
    if suffix not in allowed:
        raise ValidationError(
            "不支持的文件类型“%(suffix)s”：只能上传 %(allowed)s",
            params={"suffix": suffix or "无扩展名", "allowed": "、".join(allowed)},
            code="evidence_type",
        )
    limit = settings.RECTIFY_MAX_EVIDENCE_BYTES
    if file.size > limit:
        raise ValidationError(
            "文件过大：%(size)s 字节，上限 %(limit)s 字节",
            params={"size": f"{file.size:,}", "limit": f"{limit:,}"},
            code="evidence_size",
        )
    # A new upload is checked by its content (a stored file was checked when it came in).
    if not getattr(file, "_committed", True):
        from rectify.filetypes import content_matches

        if not content_matches(file, suffix):
            raise ValidationError(
                "文件内容不是扩展名所说的类型（.%(suffix)s）：请上传真正的 %(suffix)s 文件",
                params={"suffix": suffix},
                code="evidence_content",
            )


class EvidenceQuerySet(models.QuerySet):
    def public(self):
        """Files marked public on problems whose report is published."""
        return self.filter(published_condition("measure__issue__"), is_public=True)


class Evidence(models.Model):
    """A supporting file (minutes, receipts, photos) attached to a measure; public only when marked so."""

    # PROTECT: evidence is staff work; a measure (or its problem) holding evidence cannot be deleted.
    measure = models.ForeignKey(Measure, verbose_name="整改措施", on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField("文件", upload_to=evidence_upload_to, validators=[validate_evidence_file])
    title = models.CharField("名称", max_length=200)
    is_public = models.BooleanField("公开", default=False, help_text="勾选后在公开页面提供下载。")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="上传人", null=True, blank=True, on_delete=models.SET_NULL
    )
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    objects = EvidenceQuerySet.as_manager()

    class Meta:
        verbose_name = "佐证材料"
        verbose_name_plural = "佐证材料"
        ordering = ["measure", "uploaded_at", "id"]

    def __str__(self):
        return self.title


# --- staff workflow, round 2: reminders and closing problems (销号) ---------------------------------


class StaffPreference(models.Model):
    """A staff member's own settings; a user without a row takes the defaults."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, verbose_name="工作人员", on_delete=models.CASCADE, related_name="staff_preference"
    )
    receives_reminders = models.BooleanField(
        "接收期限提醒邮件", default=True, help_text="每日汇总：转为黄色、红色预警或被退回重新整改的问题。"
    )

    class Meta:
        verbose_name = "提醒设置"
        verbose_name_plural = "提醒设置"

    def __str__(self):
        return f"{self.user}：{'接收' if self.receives_reminders else '不接收'}提醒"


class ReminderKind(models.TextChoices):
    YELLOW = "yellow", "转为黄色预警"
    RED = "red", "转为红色预警（已逾期）"
    RETURNED = "returned", "退回重新整改"


class ReminderSentQuerySet(models.QuerySet):
    def last_digest(self):
        """The rows of the most recent run of send_deadline_reminders (one `sent_at` per run)."""
        latest = self.aggregate(latest=models.Max("sent_at"))["latest"]
        return self.filter(sent_at=latest) if latest else self.none()


class ReminderSent(models.Model):
    """One change of one problem that a reminder digest reported, so no later digest repeats it.

    `change` names the change within its kind: the due date a warning is about (a new date can warn
    again), or the returned progress update or closure request ("progress:12", "closure:3").
    """

    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.CASCADE, related_name="reminders_sent")
    kind = models.CharField("提醒类型", max_length=20, choices=ReminderKind.choices)
    change = models.CharField("变化", max_length=50)
    recipients = models.JSONField("收件人", default=list, blank=True)
    sent_at = models.DateTimeField("发送时间")

    objects = ReminderSentQuerySet.as_manager()

    class Meta:
        verbose_name = "已发送的期限提醒"
        verbose_name_plural = "已发送的期限提醒"
        ordering = ["-sent_at", "issue"]
        constraints = [
            models.UniqueConstraint(fields=["issue", "kind", "change"], name="unique_reminder_per_change"),
        ]

    def __str__(self):
        return f"{self.issue}：{self.get_kind_display()}"


class ClosureRequestQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=ReviewState.PENDING)


class ClosureRequest(models.Model):
    """整改销号申请: a unit asks the office to close a problem, with a statement and evidence files."""

    # PROTECT: a closure request is staff work, as a progress update is.
    issue = models.ForeignKey(Issue, verbose_name="问题", on_delete=models.PROTECT, related_name="closure_requests")
    statement = models.TextField("整改完成情况说明")
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="closure_requests",
    )
    submitted_at = models.DateTimeField("申请时间", auto_now_add=True)
    state = models.CharField("审核状态", max_length=20, choices=ReviewState.choices, default=ReviewState.PENDING)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="审核人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="reviewed_closure_requests",
    )
    reviewed_at = models.DateTimeField("审核时间", null=True, blank=True)
    review_comment = models.TextField("审核意见（退回原因）", blank=True)
    status_change = models.OneToOneField(
        StatusChange,
        verbose_name="销号的状态变更",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="closure_request",
    )

    objects = ClosureRequestQuerySet.as_manager()

    class Meta:
        verbose_name = "整改销号申请"
        verbose_name_plural = "整改销号申请"
        ordering = ["-submitted_at", "-id"]
        permissions = [("review_closurerequest", "可以审核整改销号申请")]

    def __str__(self):
        return f"{self.issue}：销号申请（{self.get_state_display()}）"


class ClosureEvidence(models.Model):
    """A file a closure request rests on; checked like any evidence, served only through the admin."""

    request = models.ForeignKey(ClosureRequest, verbose_name="销号申请", on_delete=models.CASCADE, related_name="files")
    file = models.FileField("文件", upload_to=evidence_upload_to, validators=[validate_evidence_file])
    title = models.CharField("名称", max_length=200)
    uploaded_at = models.DateTimeField("上传时间", auto_now_add=True)

    class Meta:
        verbose_name = "销号佐证材料"
        verbose_name_plural = "销号佐证材料"
        ordering = ["request", "id"]

    def __str__(self):
        return self.title
