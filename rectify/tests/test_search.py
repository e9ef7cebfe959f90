"""The search index answers exactly what a plain substring match would, through every kind of write."""

import datetime
import functools
import random
import shutil

import pytest
from django.core.management import call_command
from django.db import connection

from rectify.filters import IssueFilter
from rectify.models import Issue, IssueStatus, Measure, Report
from rectify.search import index as search_index
from rectify.search import query as search_query
from rectify.search import sqlite as search_sqlite
from rectify.search import text as search_text
from rectify.tests.conftest import REPORTS, seed_path, with_newer_status

pytestmark = pytest.mark.django_db

EDGE_TEXTS = [
    "ASCII Mixed Case: WeChat公众号 APP 运营",
    "完成率100%，超过50_60区间",
    "路径 C:\\docs\\a_b 反斜杠",
    "单引号'与双引号\"与“中文引号”",
    "FTS 运算符 AND OR NOT NEAR(a b) * ^ : - + ( ) 整改",
    "换行\n之后\t制表",
    "É é ß İ ｆｕｌｌ Ｗｉｄｔｈ 全角",
    "😀表情符号",
    "转义字符ǀ与ǀ20和ǀǀ",
    "分隔\x1f符在正文里",
    "检索式符号 a&b | !c <-> d:* 'q' \\e (f)",
]
EDGE_QUERIES = [
    *[
        "a",
        "A",
        "é",
        "É",
        "ß",
        "ｆ",
        "Ｆ",
        "%",
        "_",
        "\\",
        "'",
        '"',
        "“",
        "*",
        "^",
        ":",
        "-",
        "+",
        "(",
        ")",
        "ǀ",
        "😀",
        "整",
        "改",
        "号",
        "换",
        " ",
    ],  # one character each
    "Ap",
    "APP",
    "app",
    "wechat",
    "WECHAT公",
    "50_",
    "0_6",
    "100%",
    "%，",
    "a_b",
    "C:\\",
    "\\d",
    '"与',
    "'与",
    "AND",
    "OR",
    "NOT",
    "NEAR",
    "NEAR(",
    "( )",
    "* ^",
    '"AND"',
    "a b",
    "\n之",
    "行\n之后",
    "之后\t制",
    "ｆｕｌｌ",
    "ＦＵＬＬ",
    "😀表",
    "😀表情符号",
    "ǀ2",
    "ǀ20",
    "ǀǀ",
    "与ǀ20和",
    "隔\x1f",
    "分隔\x1f符",
    "隔符",
    "\x1f",
    "\x00",
    "整\x00改",
    "  整改  ",
    "&",
    "a&b",
    "| !",
    "<->",
    "d:*",
    ":*",
    "'q'",
    " \\e (",
    "a&b | !c <-> d:*",
    "检索式符号 a&b",
    "FTS 运算符 AND",
    "FTS 运算符 OR",
    "整改",
    "巡察整改",
    "公众号",
    "不存在的词",
    "zzz",
    "qqqqqq",
    "x" * 150,
]


@pytest.fixture
def searchable(imported_seeds):
    """The seeds plus one problem whose measures hold the awkward characters."""
    first = Issue.objects.order_by("pk").first()
    issue = problem_beside(first, "edge", 999, "特殊字符问题 Title With CAPS", "问题表现含有 100% 与 under_score")
    for order, text in enumerate(EDGE_TEXTS, start=1):
        Measure.objects.create(issue=issue, order=order, text=text)
    return issue


def problem_beside(issue: Issue, key: str, order: int, title: str, description: str = "") -> Issue:
    """A new problem in `issue`'s inspection and report."""
    return Issue.objects.create(
        inspection=issue.inspection, report=issue.report, key=key, order=order, title=title, description=description
    )


def sample_queries(seed: int = 6) -> list[str]:
    """Substrings of 1-6 characters drawn from the stored texts, their near misses, and the edge cases."""
    rng = random.Random(seed)
    texts = [t for t in Measure.objects.values_list("text", flat=True) if t]
    texts += [t for t in Issue.objects.values_list("title", flat=True) if t]
    queries = []
    for length in range(1, 7):
        for _ in range(12):
            text = rng.choice(texts)
            start = rng.randrange(max(1, len(text) - length + 1))
            queries.append(text[start : start + length])
        queries.append(queries[-1][:-1] + "豳")  # a near miss
    return [*queries, *EDGE_QUERIES]


@functools.cache
def folded(text: str) -> str:
    return search_text.fold(text)


def expected_issue_ids(query: str) -> set[int]:
    """Problems holding every folded term of the query, each in one of their texts, found in Python."""
    terms = search_text.search_terms(query)
    texts = {
        pk: [title, description] for pk, title, description in Issue.objects.values_list("pk", "title", "description")
    }
    for issue_id, text in Measure.objects.values_list("issue_id", "text"):
        texts[issue_id].append(text)
    return {pk for pk, held in texts.items() if all(any(term in folded(text) for text in held) for term in terms)}


def expected_measure_ids(query: str) -> set[int]:
    terms = search_text.search_terms(query)
    return {pk for pk, text in Measure.objects.values_list("pk", "text") if all(term in folded(text) for term in terms)}


def assert_search_equals_substring_match(queries=None):
    queries = sample_queries() if queries is None else queries
    for query in queries:
        found = set(search_query.filter_issues(Issue.objects.all(), query).values_list("pk", flat=True))
        assert found == expected_issue_ids(query), f"problems for {query!r}"
        found = set(search_query.filter_measures(Measure.objects.all(), query).values_list("pk", flat=True))
        assert found == expected_measure_ids(query), f"measures for {query!r}"
    assert_published_hits_equal_substring_match(queries)


def test_search_equals_substring_match_after_import(searchable):
    queries = sample_queries()
    assert len({len(q) for q in queries if q.strip()} & set(range(1, 7))) == 6
    assert_search_equals_substring_match(queries)
    # The sample is worth something only if most queries find rows and some find none.
    hits = [bool(expected_measure_ids(q)) for q in queries]
    assert sum(hits) > len(hits) / 2 and not all(hits)


def test_ascii_ignores_case_and_everything_else_matches_exactly(searchable):
    def measures(query):
        return {m.text for m in search_query.filter_measures(Measure.objects.all(), query)}

    assert measures("wechat公众号") == measures("WECHAT公众号") == {EDGE_TEXTS[0]}
    assert measures("ＦＵＬＬ") == measures("ｆｕｌｌ") == measures("Full") == {EDGE_TEXTS[6]}  # full width folds
    assert measures("é") == {EDGE_TEXTS[6]}
    assert EDGE_TEXTS[6] not in measures("e")


def test_a_match_never_spans_two_texts_of_a_problem(searchable):
    # The title ends "CAPS" and the description starts "问题": no text holds "CAPS问题".
    assert not search_query.filter_issues(Issue.objects.all(), "CAPS问题").exists()
    assert not search_query.filter_issues(Issue.objects.all(), "S问").exists()
    assert search_query.filter_issues(Issue.objects.all(), "CAPS").get() == searchable


def test_search_follows_edits(searchable):
    issue = Issue.objects.exclude(pk=searchable.pk).order_by("pk").first()
    issue.title = "改后的标题含有独特词汇"
    issue.save()
    measure = issue.measures.order_by("pk").first()
    measure.text = "措施改写为全新的表述ZQX"
    measure.save()
    moved = Measure.objects.exclude(issue=issue).order_by("-pk").first()
    moved.issue = issue
    moved.order = 500
    moved.save()
    Measure.objects.filter(issue=searchable, order=1).update(text="批量更新的措施文本")
    Measure.objects.bulk_create(
        [Measure(issue=searchable, order=100 + n, text=f"批量新增第{n}条Bulk措施") for n in range(3)]
    )
    with connection.cursor() as cursor:
        cursor.execute("UPDATE rectify_issue SET description = %s WHERE id = %s", ["直接用SQL写的问题表现", issue.pk])
    assert search_query.filter_issues(Issue.objects.all(), "独特词").get() == issue
    assert search_query.filter_issues(Issue.objects.all(), "zqx").get() == issue
    assert search_query.filter_issues(Issue.objects.all(), "SQL写").get() == issue
    assert search_query.filter_measures(Measure.objects.all(), "bulk").count() == 3
    assert not search_query.filter_measures(Measure.objects.all(), "WeChat").exists()
    assert_search_equals_substring_match()


def test_search_follows_deletes(searchable):
    gone = Issue.objects.exclude(pk=searchable.pk).order_by("pk").first()
    title = gone.title
    gone.delete()
    Measure.objects.filter(issue=searchable, order__lte=3).delete()
    assert not search_query.filter_issues(Issue.objects.all(), title).exists()
    assert not search_query.filter_measures(Measure.objects.all(), "WeChat").exists()
    assert search_query.filter_issues(Issue.objects.all(), "WeChat").count() == 0
    assert_search_equals_substring_match()


def test_a_problem_deleted_after_its_report_leaves_no_trace_in_the_index(searchable):
    # Foreign keys are checked at commit, so raw SQL (or a flush) may delete a report before its
    # problems: the index must still know the key each document was indexed under.
    report = Report.objects.exclude(pk=searchable.report_id).order_by("pk").first()
    gone = list(report.issues.values_list("pk", flat=True))
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_statuschange WHERE report_id = %s", [report.pk])
        cursor.execute("DELETE FROM rectify_reportoriginal WHERE report_id = %s", [report.pk])
        cursor.execute("DELETE FROM rectify_report WHERE id = %s", [report.pk])
    Issue.objects.filter(pk__in=gone).delete()
    with connection.cursor() as cursor:  # the rest of what the report held, as a flush would
        cursor.execute("DELETE FROM rectify_category WHERE inspection_id = %s", [report.inspection_id])
    for query in ("整改", "整", "公众号", "巡察整改"):
        assert not set(gone) & {hit.pk for hit in search_query.published_issues(query)[0:1000]}
    assert_published_hits_equal_substring_match(["整改", "整", "公众号", "巡察整改", "的"])


def test_search_follows_a_reimport_that_changes_the_report(searchable, tmp_path):
    call_command("import_reports", str(REPORTS), verbosity=0)  # unchanged
    assert_search_equals_substring_match()
    source = seed_path("000")
    changed = tmp_path / source.name
    shutil.copy(source, changed)
    text = changed.read_text(encoding="utf-8")
    measure = Measure.objects.filter(issue__report__source_name=source.name).order_by("pk").first()
    sentence = measure.text[:12]
    assert sentence in text
    changed.write_text(text.replace(sentence, "重新导入后改写的措施"), encoding="utf-8")
    call_command("import_reports", str(changed), verbosity=0)
    assert search_query.filter_measures(Measure.objects.all(), "重新导入后改写").exists()
    assert_search_equals_substring_match()


def test_search_follows_a_newer_report_on_the_same_inspection(searchable, tmp_path):
    source = seed_path("001")
    newer = tmp_path / "001_newer.txt"
    text = with_newer_status(source.read_text(encoding="utf-8"))
    measure = Measure.objects.filter(issue__report__source_name=source.name).order_by("pk").first()
    newer.write_text(text.replace(measure.text[:12], "新一期通报改写的措施"), encoding="utf-8")
    call_command("import_reports", str(newer), verbosity=0)
    moved = Issue.objects.filter(report__source_name=newer.name)
    assert moved.exists()  # the problems now belong to the newer report: new keys, new text
    assert search_query.filter_measures(Measure.objects.all(), "新一期通报改写").count() == 1
    assert_search_equals_substring_match()


def test_results_chain_with_filters_ordering_and_pagination(searchable):
    found = search_query.filter_issues(Issue.objects.published(), "整改").filter(status=IssueStatus.COMPLETED)
    page = list(found.order_by("-pk")[:5])
    expected = sorted(
        Issue.objects.published()
        .filter(status=IssueStatus.COMPLETED, pk__in=expected_issue_ids("整改"))
        .values_list("pk", flat=True),
        reverse=True,
    )
    assert [i.pk for i in page] == expected[:5]
    via_filter = IssueFilter({"q": "公众号"}, queryset=Issue.objects.all()).qs
    assert set(via_filter.values_list("pk", flat=True)) == expected_issue_ids("公众号")


def test_empty_and_blank_queries_filter_nothing(searchable):
    assert search_query.filter_issues(Issue.objects.all(), "   ").count() == Issue.objects.count()
    assert search_query.filter_measures(Measure.objects.all(), "").count() == Measure.objects.count()


def test_queries_use_the_index(searchable):
    marker = "MATCH" if connection.vendor == "sqlite" else "rectify_search_"
    for query in ("整", "整改", "巡察整改"):
        assert marker in str(search_query.filter_issues(Issue.objects.all(), query).query)
        assert marker in str(search_query.filter_measures(Measure.objects.all(), query).query)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL plans")
def test_postgres_lookups_read_the_gin_index_even_where_a_scan_looks_cheaper(searchable):
    # Every lookup goes through rectify_search_find(), which turns sequential scans off: on these
    # few seed rows the planner would otherwise scan, and at archive size that scan reads every
    # row's grams from TOAST. Its plan is the GIN index's, whatever the term.
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL plan_cache_mode = force_custom_plan")
        cursor.execute("SET LOCAL enable_seqscan = off")  # the same plan rectify_search_find() gets
        for term in ("整", "整改", "巡察整改", "巡察整改工作情况"):
            cursor.execute(
                "EXPLAIN SELECT issue_id FROM rectify_search_issue"
                " WHERE rectify_search_vector(body) @@ rectify_search_query(%s)",
                [term],
            )
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Bitmap Index Scan on rectify_search_issue_vector" in plan, plan
        # JIT off too: compiling the plan of a common term took longer than running it.
        functions = ("rectify_search_count", "rectify_search_find", "rectify_search_page")
        cursor.execute(
            "SELECT proname, proconfig FROM pg_proc WHERE proname = ANY(%s) ORDER BY proname", [list(functions)]
        )
        assert cursor.fetchall() == [(name, ["enable_seqscan=off", "jit=off"]) for name in functions]


def test_rebuild_is_idempotent_and_repairs_a_paused_index(searchable, capsys):
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")
    Measure.objects.filter(issue=searchable, order=1).update(text="暂停期间写入的文本")
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_search_paused")
    # The triggers were off. (PostgreSQL's measure index is an expression index, never stale.)
    assert not search_query.filter_issues(Issue.objects.all(), "暂停期间").exists()
    call_command("rebuild_search_index")
    assert "检索索引已重建" in capsys.readouterr().out
    call_command("rebuild_search_index", verbosity=0)
    assert search_query.filter_measures(Measure.objects.all(), "暂停期间").count() == 1
    assert search_query.filter_issues(Issue.objects.all(), "暂停期间").get() == searchable
    assert_search_equals_substring_match()


def test_index_paused_rebuilds_on_exit(searchable):
    with search_index.index_paused():
        Measure.objects.bulk_create([Measure(issue=searchable, order=200, text="暂停后批量导入")])
        assert not search_query.filter_issues(Issue.objects.all(), "暂停后").exists()
    assert search_query.filter_issues(Issue.objects.all(), "暂停后").get() == searchable
    assert_search_equals_substring_match(["暂停后批量", "暂", "批量"])


def test_grams_hold_one_trigram_per_character_and_pair_within_each_text():
    spaced = search_text.grams_of("ab\x1f整改 ")
    trigrams = {spaced[i : i + 3] for i in range(len(spaced) - 2)}
    for term in ["a", "b", "ab", "整", "改", "整改", "改 ", " "]:
        assert search_text.gram_token(term) in trigrams, term
    # Terms holding SEPARATOR itself never reach the index (see test_a_match_never_spans_two_texts).
    assert search_text.gram_token("b整") not in trigrams
    assert search_text.gram_token("a") not in {search_text.gram_token(t) for t in ["ab", "b", "aa"]}


@pytest.mark.django_db(transaction=True)
def test_migration_reverses_cleanly_and_indexes_existing_rows_when_reapplied():
    from django.db.migrations.executor import MigrationExecutor

    before_index = ("rectify", "0002_issue_due_date")
    executor = MigrationExecutor(connection)
    executor.migrate([before_index])
    # The models as they were at that migration: today's have fields the old tables lack.
    old = executor.loader.project_state(before_index).apps
    unit = old.get_model("rectify", "Unit").objects.create(name="回退测试单位", match_name="回退测试单位")
    inspection = old.get_model("rectify", "Inspection").objects.create(unit=unit, inspector="市委第一巡察组")
    report = old.get_model("rectify", "Report").objects.create(inspection=inspection, source_text="", checksum="0" * 64)
    issue = old.get_model("rectify", "Issue").objects.create(
        inspection=inspection, report=report, key="1", order=1, title="索引回退期间的问题"
    )
    old.get_model("rectify", "Measure").objects.create(issue=issue, order=1, text="回退期间写入的措施")
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())  # no trigger of a later migration was left behind
    assert search_query.filter_issues(Issue.objects.all(), "写入的措").get().pk == issue.pk
    assert search_query.filter_measures(Measure.objects.all(), "回退").count() == 1
    assert [hit.pk for hit in search_query.published_issues("回退期间")[0:5]] == [issue.pk]


def test_every_trigger_survives_the_later_migrations():
    """A migration that rebuilds a table (SQLite's AddField of a NOT NULL column) drops its triggers."""
    import importlib

    index = importlib.import_module("rectify.migrations.0007_public_ordered_index")
    published = importlib.import_module("rectify.migrations.0008_issue_is_published")
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
            wanted = {f"rectify_search_{name}" for name, *_ in index.SQLITE_TRIGGERS} | set(published.SQLITE_TRIGGERS)
        else:
            cursor.execute("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal")
            wanted = {"rectify_issue_published", "rectify_report_published", "rectify_search_issue_ai"}
        assert wanted <= {row[0] for row in cursor.fetchall()}


def test_admin_mixins_search_through_the_index(searchable, rf):
    from django.contrib import admin

    from rectify.admin import IssueSearchAdminMixin, MeasureSearchAdminMixin

    class IssueAdmin(IssueSearchAdminMixin, admin.ModelAdmin):
        search_fields = ["inspection__unit__name"]

    class MeasureAdmin(MeasureSearchAdminMixin, admin.ModelAdmin):
        search_fields = ["acting_unit_name"]

    request = rf.get("/admin/rectify/issue/", {"q": "wechat"})
    found, may_have_duplicates = IssueAdmin(Issue, admin.site).get_search_results(
        request, Issue.objects.all(), "wechat"
    )
    assert (list(found), may_have_duplicates) == ([searchable], False)
    found, _ = MeasureAdmin(Measure, admin.site).get_search_results(request, Measure.objects.all(), "WeChat")
    assert [m.text for m in found] == [EDGE_TEXTS[0]]


def test_rebuild_gives_back_the_connection_page_cache(searchable):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite page cache")
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        before = cursor.fetchone()[0]
        search_index.rebuild_index()
        cursor.execute("PRAGMA cache_size")
        assert cursor.fetchone()[0] == before != search_sqlite.REBUILD_CACHE_KIB


def test_stored_gap_characters_make_no_false_pairs_and_are_found_by_a_scan(searchable):
    measure = Measure.objects.create(issue=searchable, order=300, text="前\x1e后")

    def measures(query):
        return set(search_query.filter_measures(Measure.objects.all(), query))

    assert measure not in measures("前后")
    # Inside a term only: U+001E is whitespace to str.strip(), so a query never starts or ends with it.
    assert measures("前\x1e后") == {measure}
    assert search_query.filter_issues(Issue.objects.all(), "前\x1e后").get() == searchable
    assert_search_equals_substring_match(["前后", "前\x1e后", "后"])


def expected_published_hits(query: str) -> list[int]:
    """The published problems holding `query`, in the order published_issues promises: newest report first."""
    found = expected_issue_ids(query)
    issues = Issue.objects.published().filter(pk__in=found).select_related("report")
    undated = datetime.date.min
    return [
        issue.pk for issue in sorted(issues, key=lambda issue: (-(issue.report.date or undated).toordinal(), issue.pk))
    ]


def assert_published_hits_equal_substring_match(queries):
    for query in queries:
        hits = search_query.published_issues(query)
        expected = expected_published_hits(query)
        assert hits.count() == len(expected), f"count for {query!r}"
        assert [issue.pk for issue in hits[0 : len(expected) + 5]] == expected, f"order for {query!r}"


def test_published_hits_count_and_order_like_a_substring_match(searchable):
    assert_published_hits_equal_substring_match(sample_queries())


def test_published_hits_page_in_slices(searchable):
    everything = [issue.pk for issue in search_query.published_issues("整")[0:1000]]
    assert len(everything) > 25
    hits = search_query.published_issues("整")
    assert [issue.pk for issue in hits[5:15]] == everything[5:15]
    assert hits[3].pk == everything[3]
    assert hits[len(everything) : len(everything) + 20] == []
    with pytest.raises(ValueError):
        hits[-5:]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="rectify_search_page is PostgreSQL's")
def test_postgres_pages_of_hits_bunched_in_old_reports(searchable):
    # rectify_search_page reads documents in key order when the count says hits are common; hits
    # all in the oldest report defeat that read, and the page must come from the candidates instead.
    query = "锦绣河山"
    oldest = min(Report.objects.published(), key=lambda report: (report.date or datetime.date.min, -report.pk))
    for n in range(9):
        Issue.objects.create(
            inspection=oldest.inspection, report=oldest, key=f"jx{n}", order=900 + n, title=f"{query}第{n}项"
        )
    expected = expected_published_hits(query)
    assert len(expected) == 9

    def page(hits, size, skip):
        with connection.cursor() as cursor:
            cursor.execute("SELECT rectify_search_page(%s, %s, %s, %s)", [query, hits, size, skip])
            return [row[0] for row in cursor.fetchall()]

    for hits in (9, 10**6):  # the true count, and one that promises a hit in almost every document
        assert page(hits, 4, 0) == expected[0:4]
        assert page(hits, 4, 6) == expected[6:9]
    assert page(9, 4, 9) == []
    assert [issue.pk for issue in search_query.published_issues(query)[0:20]] == expected


def test_terms_whose_pieces_lie_apart_are_not_found(searchable):
    # Its triples (and the windows of 巡察整改 and 整改方) are all there, the term is not: a lookup of
    # 4-6 characters tests no body on PostgreSQL, so only the index can keep this problem out.
    issue = problem_beside(searchable, "apart", 998, "巡察整改，整改方向；意识形，识形态", "工作要求落实。落实工作要求")
    for query in ("巡察整改方", "意识形态", "工作要求落实工作要求", "整改方向；意识形，识形态"):
        assert_published_hits_equal_substring_match([query])
    assert issue.pk not in {hit.pk for hit in search_query.published_issues("巡察整改方")[0:1000]}
    assert issue.pk in {hit.pk for hit in search_query.published_issues("整改方向；意识形，识形态")[0:1000]}


def test_a_problem_too_long_for_the_index_is_still_found(searchable):
    # PostgreSQL indexes a document of over 10,000 characters under one marker and tests its body.
    filler = "".join(chr(0x4E00 + (n * 7919) % 20000) for n in range(12_000))
    issue = problem_beside(
        searchable, "long", 997, "超长问题", filler[:11_000] + "独一无二的长文本标记" + filler[11_000:]
    )
    Measure.objects.create(issue=issue, order=1, text="超长问题的措施")
    queries = ["独", "长文本", "长文本标记", "独一无二的长文本标记", filler[5:9], "超长问题的措施", "超长问题的措"]
    assert_search_equals_substring_match(queries)
    assert issue.pk in {hit.pk for hit in search_query.published_issues("独一无二的长文本标记")[0:1000]}
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT long_body, length(rectify_search_vector(body)) FROM rectify_search_issue WHERE issue_id = %s",
                [issue.pk],
            )
            assert cursor.fetchone() == (True, 1)
            cursor.execute("SELECT count(*) FROM rectify_search_issue WHERE long_body")
            assert cursor.fetchone()[0] == 1


def test_keys_in_the_index_are_the_python_search_keys(searchable):
    if connection.vendor != "sqlite":
        pytest.skip("the SQLite index is keyed by search_key")
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, key FROM rectify_search_document")
        keys = dict(cursor.fetchall())
    issues = Issue.objects.select_related("report")
    assert keys == {
        issue.pk: search_query.search_key(issue.pk, published=issue.report.is_published, report_date=issue.report.date)
        for issue in issues
    }
    assert {key & search_query.ID_BITS for key in keys.values()} == set(keys)


def test_published_hits_follow_publication_and_report_dates(searchable):
    queries = ["整改", "整", "公众号", "巡察整改"]
    draft = Report.objects.order_by("pk").first()
    draft.is_published = False
    draft.save()
    assert_published_hits_equal_substring_match(queries)
    assert not {issue.report_id for issue in search_query.published_issues("整")[0:1000]} & {draft.pk}
    Report.objects.filter(pk=draft.pk).update(is_published=True, published_date=datetime.date(2030, 1, 1))
    assert search_query.published_issues("整")[0].report_id == draft.pk  # now the newest
    other = Report.objects.exclude(pk=draft.pk).order_by("pk").first()
    Report.objects.filter(pk=other.pk).update(published_date=None, signed_date=None, disclosure_start=None)
    assert_published_hits_equal_substring_match(queries)
    # A problem that a draft report now discloses is no longer public.
    moved = Issue.objects.filter(report=other).order_by("pk").first()
    moved.report = Report.objects.create(
        inspection=moved.inspection, source_text="", checksum="f" * 64, is_published=False
    )
    moved.save()
    assert moved.pk not in {issue.pk for issue in search_query.published_issues(moved.title[:3])[0:1000]}
    assert_published_hits_equal_substring_match([*queries, moved.title[:3]])


def test_published_hits_of_queries_the_index_cannot_answer(searchable):
    # A term holding the joining character is scanned; the count and order are the same.
    assert_published_hits_equal_substring_match(["S\x1f问", "隔\x1f", "", "   "])


# --- a paused index (issue 16, item 4) -------------------------------------------------------------


def pause_index():
    """What a --defer-index run leaves when it is killed before its rebuild."""
    with connection.cursor() as cursor:
        cursor.execute("INSERT INTO rectify_search_paused (id) VALUES (1)")


def test_a_paused_index_never_shows_a_withdrawn_problem(searchable, client):
    queries = ["整改", "整", "公众号", "巡察整改", searchable.title[:3]]
    pause_index()
    withdrawn = Report.objects.order_by("pk").first()
    withdrawn.is_published = False
    withdrawn.save()  # the search triggers are off: its problems' keys still say "published"
    moved = Issue.objects.filter(report=Report.objects.exclude(pk=withdrawn.pk).order_by("pk").first()).first()
    moved.report = Report.objects.create(
        inspection=moved.inspection, source_text="", checksum="d" * 64, is_published=False
    )
    moved.save()
    hidden = set(Issue.objects.filter(is_published=False).values_list("pk", flat=True))
    assert moved.pk in hidden and len(hidden) > 1

    assert_published_hits_equal_substring_match([*queries, moved.title[:3]])
    for query in [*queries, moved.title[:3]]:
        assert not {issue.pk for issue in search_query.published_issues(query)[0:1000]} & hidden
        response = client.get("/search/", {"q": query})
        shown = {issue.pk for group in response.context["groups"] for issue in group["issues"]}
        assert not shown & hidden, query
        assert shown or not expected_published_hits(query), query
        assert response.context["issue_count"] == len(expected_published_hits(query))


def test_search_asks_no_query_more_for_the_pause(searchable, django_assert_num_queries):
    hits = search_query.published_issues("整改")
    # The count, which also asks whether the index is paused; the page's ids; their rows.
    with django_assert_num_queries(3):
        assert hits.count() and len(hits[0:5]) == 5


def test_a_page_of_hits_never_holds_an_unpublished_problem_even_from_a_stale_index(searchable):
    """Should the index miss a withdrawal (a write racing a rebuild), the page still shows none of it."""
    pause_index()
    withdrawn = Report.objects.order_by("pk").last()
    withdrawn.is_published = False
    withdrawn.save()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM rectify_search_paused")  # back on, without the rebuild
    hidden = set(withdrawn.issues.values_list("pk", flat=True))
    assert hidden

    for query in ["整", "整改", withdrawn.issues.first().title[:4]]:
        assert not {issue.pk for issue in search_query.published_issues(query)[0:1000]} & hidden, query


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite has one writer: a rebuild queues behind a report")
@pytest.mark.django_db(transaction=True)
def test_a_rebuild_waits_for_a_report_that_saw_the_index_paused(imported_seeds):
    """A report loaded while paused is indexed by the rebuild that switches indexing back on, even
    when that rebuild starts before the report commits (PostgreSQL: a snapshot per statement)."""
    import threading

    from django.db import connections, transaction

    pause_index()
    issue = Issue.objects.order_by("pk").first()
    loaded, rebuilt, failures = threading.Event(), threading.Event(), []

    def report():
        try:
            with transaction.atomic(), search_index.indexed_once_after(issue.report_id):
                Measure.objects.create(issue=issue, order=901, text="重建开始后才提交的措施")
                loaded.set()
                # Commit only once the rebuild is waiting for this transaction.
                with connection.cursor() as cursor:
                    for _ in range(600):
                        cursor.execute(
                            "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                            "AND query LIKE 'DELETE FROM rectify_search_paused%%'"
                        )
                        if cursor.fetchone()[0] or rebuilt.wait(0.05):
                            break
        except Exception as exc:
            failures.append(exc)
        finally:
            connections.close_all()

    def rebuild():
        try:
            loaded.wait()
            search_index.rebuild_index()
        except Exception as exc:
            failures.append(exc)
        finally:
            rebuilt.set()
            connections.close_all()

    threads = [threading.Thread(target=report), threading.Thread(target=rebuild)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not failures
    assert not search_index.is_paused()
    assert search_query.filter_issues(Issue.objects.all(), "重建开始后才提交").get() == issue
