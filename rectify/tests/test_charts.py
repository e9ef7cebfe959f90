"""SVG charts (pure functions) and the statistics page that shows them."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse

from rectify import charts
from rectify.models import Issue, IssueStatus, Report

SVG = "{http://www.w3.org/2000/svg}"


def bars_fixture():
    return [
        charts.Bar(
            "甲单位", (charts.Segment("completed", "已完成整改", 3), charts.Segment("partial", "阶段性完成", 1))
        ),
        charts.Bar(
            "<b>乙&丙</b>", (charts.Segment("completed", "已完成整改", 0), charts.Segment("unknown", "未标明", 5))
        ),
    ]


def test_stacked_bars_are_valid_svg_with_titles_and_no_style():
    markup = charts.stacked_bars_svg(bars_fixture(), title="各单位问题整改状态", chart_id="t")
    root = ET.fromstring(markup)
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.find(f"{SVG}title").text == "各单位问题整改状态"
    assert root.get("width") and root.get("height")
    assert "style=" not in markup


def test_stacked_bars_escape_labels():
    markup = charts.stacked_bars_svg(bars_fixture(), title="<图>")
    assert "<b>" not in markup
    root = ET.fromstring(markup)
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert "<b>乙&丙</b>" in texts
    assert root.find(f"{SVG}title").text == "<图>"


def _percent(length: str) -> float:
    assert length.endswith("%"), f"{length} is not a share of the chart's width"
    return float(length[:-1])


def test_stacked_bar_segments_share_the_bar_by_value():
    root = ET.fromstring(charts.stacked_bars_svg(bars_fixture(), title="t"))
    segments = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    # Zero segments are not drawn: 2 for the first bar, 1 for the second.
    assert len(segments) == 3
    first, second = _percent(segments[0].get("width")), _percent(segments[1].get("width"))
    assert (first, second) == (75, 25)
    assert _percent(segments[1].get("x")) == 75
    assert _percent(segments[2].get("width")) == 100
    assert segments[0].find(f"{SVG}title").text == "已完成整改 3（75%）"
    assert segments[0].get("fill") == charts.STATUS_COLOURS["completed"]


def test_charts_are_never_scaled_so_text_keeps_its_size_on_a_phone():
    """A viewBox shrank 12 px labels to 5 px on a 360 px screen; without one, text is in CSS pixels."""
    columns = [charts.Column(f"2025年{month}月", 1, 2) for month in range(1, 13)]
    for markup in (charts.stacked_bars_svg(bars_fixture(), title="t"), charts.columns_svg(columns, title="t")):
        root = ET.fromstring(markup)
        assert root.get("viewBox") is None and root.get("width") == "100%"
        assert min(int(text.get("font-size")) for text in root.iter(f"{SVG}text")) >= 11
        assert all(r.get("x", "0%").endswith("%") for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None)


def test_columns_label_every_month_wide_and_a_few_on_a_phone():
    columns = [charts.Column(f"2025年{month}月", 1, 2) for month in range(1, 13)]
    root = ET.fromstring(charts.columns_svg(columns, title="t"))
    labels = [g for g in root.iter(f"{SVG}g")]
    assert len(labels) == 12
    shown_on_phone = [g for g in labels if g.get("class") != "minor"]
    assert len(shown_on_phone) == charts.MAX_COLUMN_LABELS_PHONE


def test_bar_labels_from_reports_are_marked_chinese():
    root = ET.fromstring(charts.stacked_bars_svg(bars_fixture(), title="t", label_lang="zh-CN"))
    assert [g.get("lang") for g in root.findall(f"{SVG}g")] == ["zh-CN", "zh-CN"]


def test_columns_heights_follow_the_share():
    columns = [charts.Column("2025年7月", 23, 24), charts.Column("2025年12月", 0, 10), charts.Column("x", 5, 10)]
    root = ET.fromstring(charts.columns_svg(columns, title="完成率", height=260))
    rects = [r for r in root.iter(f"{SVG}rect")]
    heights = [float(r.get("height")) for r in rects]
    assert heights[1] == 0
    assert heights[0] == pytest.approx(heights[2] * (23 / 24) / 0.5, rel=0.01)
    assert rects[2].find(f"{SVG}title").text == "x：5 / 10（50%）"


def test_chart_titles_take_english_punctuation_on_english_pages():
    from django.utils import translation

    with translation.override("en"):
        markup = charts.columns_svg([charts.Column("7/2025", 5, 10, unknown=2)], title="t")
    assert "7/2025: 5 / 10 (50%)" in markup and "7/2025: Not stated 2 (20%)" in markup


@pytest.mark.parametrize("draw", [charts.stacked_bars_svg, charts.columns_svg])
def test_empty_charts_say_so(draw):
    root = ET.fromstring(draw([], title="t", empty_text="暂无数据"))
    assert "暂无数据" in [t.text for t in root.iter(f"{SVG}text")]


@pytest.mark.django_db
def test_stats_page_counts_and_as_of_date(client, imported_seeds, django_assert_max_num_queries):
    draft = Report.objects.get(inspection__unit__name="中共韩城市委宣传部")
    draft.is_published = False
    draft.save()
    with django_assert_max_num_queries(10):
        response = client.get(reverse("stats"))
    page = response.content.decode()
    assert response.status_code == 200
    dates = [r.as_of_date or r.published_date for r in Report.objects.filter(is_published=True)]
    latest = max(d for d in dates if d)
    assert f"截至 {latest.year}年{latest.month}月{latest.day}日" in page
    published = Issue.objects.filter(report__is_published=True)
    assert f"<strong>{published.count()}</strong><span>公开问题" in page
    completed = published.filter(status=IssueStatus.COMPLETED).count()
    assert f"<strong>{completed}</strong><span>已完成整改" in page
    assert "中共韩城市委宣传部" not in page


@pytest.mark.django_db
def test_stats_page_inlines_valid_svg_without_style_or_script(client, imported_seeds):
    page = client.get(reverse("stats")).content.decode()
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == 2
    for svg in svgs:
        ET.fromstring(svg)
    assert 'style="' not in page and not re.search(r"<script(?![^>]*\bsrc=)", page), "inline script or style"
    # One bar per unit with published problems.
    units = Issue.objects.filter(report__is_published=True).values("inspection__unit").distinct().count()
    bar_labels = ET.fromstring(svgs[0]).findall(f"{SVG}g")
    assert len(bar_labels) == units


@pytest.mark.django_db
def test_stats_page_refuses_writes(client):
    assert client.post(reverse("stats")).status_code == 405
    assert client.get(reverse("stats")).status_code == 200  # an empty archive still renders


# --- honest progress (issue 18) -----------------------------------------------------------------


@pytest.mark.django_db
def test_stats_counts_overdue_only_among_known_unfinished_problems_with_known_deadlines(client, imported_seeds):
    from django.utils import timezone

    from rectify.models import DueBasis

    published = Issue.objects.published()
    today = timezone.localdate()
    late_but_estimated = published.filter(due_basis=DueBasis.DEFAULT, due_date__lt=today).exclude(status="completed")
    assert late_but_estimated.exists()
    # One open problem gets a deadline as a report would state it; it alone is overdue.
    stated = late_but_estimated.filter(status__in=IssueStatus.open_values()).first()
    Issue.objects.filter(pk=stated.pk).update(due_basis=DueBasis.STATED)
    counters = client.get(reverse("stats")).context["counters"]
    want = sum(
        1
        for i in published
        if i.status in IssueStatus.open_values()
        and i.due_basis in (DueBasis.STATED, DueBasis.STAFF)
        and i.due_date
        and i.due_date < today
    )
    assert counters["overdue"] == want == 1
    assert counters["overdue"] <= counters["open"]


@pytest.mark.django_db
def test_stats_counts_inferred_completion_apart(client, imported_seeds):
    inferred = [
        i
        for i in Issue.objects.published().filter(status="unknown").prefetch_related("measures")
        if i.measures.all() and all(m.state == "done" for m in i.measures.all())
    ]
    assert inferred
    response = client.get(reverse("stats"))
    counters = response.context["counters"]
    assert counters["inferred_completed"] == len(inferred)
    assert counters["completed"] == Issue.objects.published().filter(status=IssueStatus.COMPLETED).count()
    assert f"其中据措施推断已完成 {len(inferred)}" in response.content.decode()


@pytest.mark.django_db
def test_completion_chart_places_every_published_problem(client, imported_seeds):
    reports = Report.objects.published()
    assert any(r.published_date is None for r in reports), "a seed report states no publication date"
    columns = client.get(reverse("stats")).context["columns"]
    assert sum(column.total for column in columns) == Issue.objects.published().count()
    months = {(r.date.year, r.date.month) for r in reports if r.date}
    undated = any(r.date is None and r.issues.exists() for r in reports)
    assert len(columns) == len(months) + undated
    if undated:
        assert columns[-1].label == "无日期"


def test_share_bars_take_the_status_colour_and_grey_for_unknown():
    from rectify.charts import STATUS_COLOURS, share_bar_svg

    bar = share_bar_svg(59, key="unknown", label="未标明")
    assert f'fill="{STATUS_COLOURS["unknown"]}"' in bar and 'width="70.8"' in bar
    assert STATUS_COLOURS["completed"] not in bar and "style=" not in bar
    assert "<title>未标明 59%</title>" in bar
    assert "&lt;b&gt;" in share_bar_svg(10, key="x", label="<b>")


def test_columns_stack_the_unknown_share_in_grey_above_the_part():
    columns = [charts.Column("2025年7月", 2, 10, unknown=5), charts.Column("2025年8月", 5, 10)]
    root = ET.fromstring(charts.columns_svg(columns, title="完成率", height=260))
    rects = list(root.iter(f"{SVG}rect"))
    part, unknown, other = rects
    assert unknown.get("fill") == charts.STATUS_COLOURS["unknown"] != part.get("fill")
    assert float(unknown.get("height")) == pytest.approx(float(part.get("height")) * 5 / 2, rel=0.01)
    assert float(unknown.get("y")) + float(unknown.get("height")) == pytest.approx(float(part.get("y")), abs=0.1)
    assert unknown.find(f"{SVG}title").text == "2025年7月：未标明 5（50%）"
    share_label = next(t for t in root.iter(f"{SVG}text") if t.text == "20%")
    assert float(share_label.get("y")) < float(unknown.get("y"))  # above the stack, not inside the grey
    assert other.get("fill") == charts.STATUS_COLOURS["completed"]


@pytest.mark.django_db
def test_completion_chart_shows_unknown_statuses_apart(client, imported_seeds):
    columns = client.get(reverse("stats")).context["columns"]
    assert sum(c.unknown for c in columns) == Issue.objects.published().filter(status="unknown").count() > 0
    page = client.get(reverse("stats")).content.decode()
    chart = page[page.index('id="completion-over-time-title"') :].split("</svg>")[0]
    assert f'fill="{charts.STATUS_COLOURS["unknown"]}" class="unknown"' in chart


@pytest.mark.django_db
def test_english_stats_page_names_statuses_in_english(client, imported_seeds):
    from django.utils import translation

    page = client.get("/en/stats/").content.decode()
    for code, label in IssueStatus.choices:
        with translation.override("en"):
            english = str(label)
        with translation.override("zh-hans"):
            chinese = str(label)
        assert english != chinese, f"{code} has no English label"
        assert english in page
        assert chinese not in page
