"""Write a parsed report to the database: one transaction per report, idempotent.

The only importer module that touches the ORM. Callers come in through the front door
(front_door.import_parsed), which names the file in what fails here. Identity rules:
- a report is the same report when its text has the same checksum (unchanged), or when it is about
  the same inspection and has the same source file name or date (updated in place);
- an issue is the same issue within its inspection when its key (category numbers + number) matches,
  so a newer report moves the issue's status on and the history keeps the earlier one;
- a measure is the same measure within its problem when its text says the same (matching.match_texts),
  so it is updated in place and whatever staff hung on it (evidence) stays.

What staff entered is never deleted or overwritten: evidence, progress updates, a status staff set
after the report's date, a due date staff set, fields staff corrected. A draft report does not move
problems a published report discloses; publishing it does (publish_report).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Count, F, Max, Q
from django.utils import timezone

from rectify.bulk import insert_rows
from rectify.chinese import to_simplified
from rectify.deadlines import due_date_for
from rectify.models import (
    Category,
    DueBasis,
    FactCorrection,
    Inspection,
    Issue,
    IssueDisclosure,
    IssueStatus,
    MatchState,
    Measure,
    MoneyAmount,
    ProblemMatch,
    Report,
    ReportOriginal,
    StatusChange,
    StatusSource,
    Unit,
)
from rectify.search import index as search_index

from .corrections import CORRECTABLE_FACTS, CorrectionError, apply_corrections, as_text, fact_value
from .failure import LoadError, MissingFactError
from .matching import ProblemText, match_problems, match_texts
from .names import qualify_unit_name
from .records import CategoryRecord, IssueRecord, ReportRecord
from .regions import locate
from .results import LoadResult, StaffWorkKept


def checksum_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@functools.lru_cache(maxsize=4)  # a load asks twice for the same text
def fingerprint_of(text: str) -> str:
    """The checksum of the text without its spacing: the same report saved as .txt, .docx or .html."""
    return hashlib.sha256(re.sub(r"\s+", "", unicodedata.normalize("NFKC", text)).encode("utf-8")).hexdigest()


def load_report(
    record: ReportRecord,
    *,
    source_text: str,
    source_name: str = "",
    source_url: str = "",
    source_bytes: bytes | None = None,
    publish: bool = True,
    allow_partial: bool = False,
    corrections: dict[str, str] | None = None,
    corrected_by=None,
) -> LoadResult:
    """Store `record` and its source text; return what happened to the database.

    `source_bytes` is the file as it came (kept as the report's ReportOriginal under `source_name`).

    `corrections` are header facts staff corrected (importer.corrections keys, values as text), stored
    with `corrected_by`; corrections stored earlier for this file are applied as well.
    """
    checksum = checksum_of(source_text)
    existing = _imported(checksum) or _imported_as_other_file(fingerprint_of(source_text))
    if existing is not None and not corrections:
        return _unchanged(existing)
    parsed = record
    try:
        record = _corrected(record, source_name, corrections or {})
    except CorrectionError as exc:
        raise LoadError(str(exc)) from exc
    if record.is_partial and not allow_partial:
        reason = "有报告头但没有问题清单" if record.partial_warning.code == "no_problems_section" else "文件可能被截断"
        raise LoadError(f"报告不完整：{reason}（可用 --allow-partial 仍然导入）", record.partial_warning.line)
    if not record.unit.name:
        raise MissingFactError("无法确定被巡察单位：标题、落款和正文都没有写明单位全称", key="unit.name")
    if not record.inspection.inspector:
        raise MissingFactError("无法确定巡察组：开头段落没有写明“××委第×巡察组”", key="inspection.inspector")
    try:
        with transaction.atomic():
            if existing is not None:  # the same text again, now with corrections: applied to its report
                result = reapply_report(existing, corrections=corrections)
            else:
                result = _store(record, source_text, checksum, source_name, source_url, publish)
                if source_bytes is not None:
                    _keep_original(result.report, source_name, source_bytes)
            _record_corrections(result.report, parsed, corrections or {}, corrected_by)
            return result
    except IntegrityError:
        # Another import of the same text won the race; the database holds exactly one copy.
        existing = _imported(checksum)
        if existing is None:
            raise
        return _unchanged(existing)


def _corrected(record: ReportRecord, source_name: str, corrections: dict[str, str]) -> ReportRecord:
    """The record with the corrections staff give now and those stored for this file.

    A stored correction applies while the parser still reads what it read when staff corrected it:
    once the parser (or the report) reads the fact differently, staff are asked again rather than
    an old correction overriding a new reading.
    """
    stored = {}
    # From the corrections' side: few reports have any, and reports are not indexed by file name.
    corrected = Report.objects.filter(pk__in=FactCorrection.objects.values("report_id"), source_name=source_name)
    if source_name and FactCorrection.objects.exists():
        earlier = FactCorrection.objects.filter(report__in=list(corrected.values_list("pk", flat=True)))
        for correction in earlier.order_by("corrected_at", "pk"):
            if correction.key in CORRECTABLE_FACTS and as_text(fact_value(record, correction.key)) == (
                correction.parsed_value
            ):
                stored[correction.key] = correction.value
    wanted = {**stored, **corrections}
    return apply_corrections(record, wanted) if wanted else record


def _record_corrections(report: Report, parsed: ReportRecord, corrections: dict[str, str], user) -> None:
    FactCorrection.objects.bulk_create(
        FactCorrection(
            report=report,
            key=key,
            label=CORRECTABLE_FACTS[key].label,
            parsed_value=as_text(fact_value(parsed, key)),
            value=value.strip(),
            corrected_by=user,
        )
        for key, value in corrections.items()
    )


def _unchanged(report: Report) -> LoadResult:
    """What the archive holds of a report imported again as it was."""
    measures = Measure.objects.filter(issue__report=report, report=report).count()
    return LoadResult(report, "unchanged", report.issues.count(), measures)


def _imported(checksum: str) -> Report | None:
    """The report already holding this text, if any."""
    found = Report.objects.filter(checksum=checksum)
    # Most texts are new: exists() compiles and reads a fraction of what reading a report does.
    return found.first() if found.exists() else None


def _imported_as_other_file(fingerprint: str) -> Report | None:
    """The report already holding this text in another file format (spacing and line breaks apart)."""
    found = Report.objects.filter(text_fingerprint=fingerprint)
    return found.first() if found.exists() else None


def _keep_original(report: Report, name: str, data: bytes) -> None:
    """Keep the imported file as it came, replacing the one an earlier file of this report left."""
    ReportOriginal.objects.update_or_create(
        report=report, defaults={"name": name or "report", "data": data, "size": len(data)}
    )


def _store(record, source_text, checksum, source_name, source_url, publish) -> LoadResult:
    units = _UnitResolver()
    unit, place, new_unit = _unit(record, units)
    inspection, new_inspection = _inspection(record, unit, new_unit=new_unit)
    report, outcome = _report(
        record, inspection, new_inspection, source_text, checksum, source_name, source_url, publish
    )
    return _disclose(record, report, outcome, units, unit=unit, place=place, new_inspection=new_inspection)


def _disclose(record, report, outcome, units, *, unit, place, new_inspection) -> LoadResult:
    """Write what `report` says of its inspection's problems and measures, keeping what staff entered."""
    inspection = report.inspection
    # An inspection created by this transaction has no categories or problems yet: nothing to ask.
    categories = _categories(inspection, record.categories, new_inspection=new_inspection, renumber=report.is_published)
    reported_keys = _issue_keys(record.issues)
    if new_inspection:
        matched = _Matched(keys=reported_keys)
    else:
        matched = _match_held(inspection, report, reported_keys, record.issues)
    existing = matched.existing
    kept = _Kept()
    with search_index.indexed_once_after(report.pk, indexed_ids=[issue.pk for issue in existing.values()]):
        issue_ids, current, changes = _issues(
            inspection, report, matched.keys, existing, record.issues, categories, kept
        )
        existed = {issue.pk for issue in existing.values()}
        measures = _measures(report, current, existed, unit, place, units, kept)
    # A report created now has no disclosures or questions to replace: two deletes fewer per new report.
    _record_disclosures(report, issue_ids, record.issues, matched.scores, replace=outcome != "created")
    if matched.uncertain or outcome != "created":
        _record_uncertain(report, reported_keys, issue_ids, matched.uncertain)
    if outcome == "updated":
        _drop_no_longer_disclosed(report, issue_ids, kept)
    return LoadResult(
        report,
        outcome,
        len(record.issues),
        measures,
        changes,
        StaffWorkKept(**vars(kept)),
        uncertain_matches=len(matched.uncertain),
    )


@dataclass
class _Matched:
    """The report's problems matched to those held: keys to write them under, and what was unsure."""

    keys: list[str]  # per reported problem: the held problem's key, or a new key no held problem has
    existing: dict[str, Issue] = dataclasses.field(default_factory=dict)  # key -> held problem it moves on
    scores: dict[int, float | None] = dataclasses.field(default_factory=dict)  # reported index -> match score
    uncertain: list[tuple[int, Issue, float]] = dataclasses.field(default_factory=list)


def _match_held(inspection: Inspection, report: Report, reported_keys: list[str], parsed) -> _Matched:
    """Match the report's problems to all the inspection holds, by words and numbers (matching.py)."""
    held = list(_held_issues(inspection))
    if not held:
        return _Matched(keys=reported_keys)
    measures: dict[int, list[str]] = defaultdict(list)
    rows = Measure.objects.filter(issue__inspection=inspection).order_by("issue_id", "order")
    for issue_id, text in rows.values_list("issue_id", "text"):
        measures[issue_id].append(text)
    index_of = {issue.pk: index for index, issue in enumerate(held)}
    confirmed, split = {}, set()
    for decision in ProblemMatch.objects.filter(report=report).exclude(state=MatchState.UNCERTAIN):
        if decision.candidate_id in index_of:
            if decision.state == MatchState.CONFIRMED:
                confirmed[decision.parsed_key] = index_of[decision.candidate_id]
            else:
                split.add((decision.parsed_key, index_of[decision.candidate_id]))
    held_texts = [
        ProblemText(
            key=issue.key,
            number=issue.number,
            category=issue.category.title if issue.category else "",
            title=issue.title,
            description=issue.description,
            measures=tuple(measures[issue.pk]),
        )
        for issue in held
    ]
    reported = [
        ProblemText(
            key=key,
            number=problem.number or "",
            category=problem.category[-1] if problem.category else "",
            title=problem.title,
            description=problem.description,
            measures=tuple(m.text for m in problem.measures),
        )
        for key, problem in zip(reported_keys, parsed, strict=True)
    ]
    matched = _Matched(keys=list(reported_keys))
    for pair in match_problems(held_texts, reported, confirmed=confirmed, split=split):
        issue = held[pair.held]
        if not pair.certain:
            matched.uncertain.append((pair.newer, issue, pair.score))
            continue
        matched.keys[pair.newer] = issue.key
        matched.existing[issue.key] = issue
        matched.scores[pair.newer] = None if reported_keys[pair.newer] in confirmed else pair.score
    # A problem matched to none is new: a number a held problem has (reused for another) gets its own key.
    paired = {index for index in matched.scores}
    used = {issue.key for issue in held} | {matched.keys[index] for index in paired}
    for index, key in enumerate(matched.keys):
        if index in paired:
            continue
        unique, n = key, 2
        while unique in used:
            unique, n = f"{key}~{n}", n + 1
        matched.keys[index] = unique
        used.add(unique)
    return matched


def _record_disclosures(
    report: Report, issue_ids: list[int], parsed, scores: dict[int, float | None], *, replace: bool
) -> None:
    """What this report says of each problem it lists, kept per report for the problem's history."""
    if replace:
        IssueDisclosure.objects.filter(report=report).delete()
    rows = [
        (
            issue_id,
            report.pk,
            order,
            problem.number or "",
            problem.category[-1][:300] if problem.category else "",
            problem.title[:500],
            problem.description,
            problem.status,
            scores.get(order - 1),
        )
        for order, (issue_id, problem) in enumerate(zip(issue_ids, parsed, strict=True), start=1)
    ]
    insert_rows(IssueDisclosure, DISCLOSURE_ROW, rows)


DISCLOSURE_ROW = (
    "issue_id",
    "report_id",
    "order",
    "number",
    "category",
    "title",
    "description",
    "status",
    "match_score",
)


def _record_uncertain(report: Report, reported_keys, issue_ids, uncertain) -> None:
    """Pairs below the threshold, for staff to confirm or split; decisions already taken stay.

    A question still open from an earlier import of this report stays while its problem is still listed
    (a re-import matches the problem to the separate one made for it, and would not ask again).
    """
    ProblemMatch.objects.filter(report=report, state=MatchState.UNCERTAIN).exclude(issue__in=issue_ids).delete()
    asked = set(ProblemMatch.objects.filter(report=report).values_list("parsed_key", "candidate_id"))
    ProblemMatch.objects.bulk_create(
        ProblemMatch(
            report=report, parsed_key=reported_keys[index], issue_id=issue_ids[index], candidate=issue, score=score
        )
        for index, issue, score in uncertain
        if (reported_keys[index], issue.pk) not in asked
    )


class _Kept:
    """StaffWorkKept's counts while a load runs."""

    def __init__(self):
        self.measures = self.evidence = self.issues = self.statuses = self.corrections = self.held_back = 0


def _drop_no_longer_disclosed(report: Report, issue_ids: list[int], kept: _Kept) -> None:
    """Delete the problems a corrected re-import no longer lists, unless staff have worked on them."""
    gone = Issue.objects.filter(report=report).exclude(pk__in=issue_ids)
    worked_on = set(gone.with_staff_work().values_list("pk", flat=True))
    worked_on |= {pk for pk, corrected in gone.values_list("pk", "corrected_fields") if corrected}
    kept.issues += len(worked_on)
    gone.exclude(pk__in=worked_on).delete()


def publish_report(report: Report) -> LoadResult:
    """Publish a draft: it now moves on the published problems it held back, as a published import would."""
    with transaction.atomic():
        report = Report.objects.select_for_update().get(pk=report.pk)
        if report.is_published:
            return _unchanged(report)
        report.is_published = True
        report.save(update_fields=["is_published", "updated_at"])
        return reapply_report(report)


def reapply_report(report: Report, *, corrections: dict[str, str] | None = None) -> LoadResult:
    """Write the report again from its stored text: after it is published, a match decided or a fact corrected."""
    from .parse import parse_report

    record = _corrected(parse_report(report.source_text), report.source_name, corrections or {})
    with transaction.atomic():
        report = Report.objects.select_related("inspection__unit").get(pk=report.pk)
        if corrections:
            # A corrected unit, group or period may be another inspection: the report moves to it.
            units = _UnitResolver()
            unit, place, _ = _unit(record, units)
            inspection, new_inspection = _inspection(record, unit, new_unit=False)
            report.inspection = inspection
            _set_report_facts(report, record)
            report.save()
            return _disclose(record, report, "updated", units, unit=unit, place=place, new_inspection=new_inspection)
        unit = report.inspection.unit
        return _disclose(
            record, report, "updated", _UnitResolver(), unit=unit, place=locate(unit.name)[2], new_inspection=False
        )


def _unit(record: ReportRecord, units: _UnitResolver) -> tuple[Unit, str | None, bool]:
    """Find or create the inspected unit and its sub-units; return it, its place (for unit names) and
    whether it is new."""
    parsed = record.unit
    # FOR UPDATE (SQLite has one writer anyway): imports about one unit queue here, and the later
    # one reads the sub-units, inspection and problems the earlier one committed.
    unit = Unit.objects.select_for_update().filter(match_name=to_simplified(parsed.name)).first()
    if unit is None:
        unit = Unit(name=parsed.name)
    new, known = unit.pk is None, (unit.short_name, unit.region, unit.level)
    unit.short_name = unit.short_name or parsed.short_name or ""
    unit.region = unit.region or parsed.region or ""
    unit.level = unit.level or parsed.level or ""
    if new or (unit.short_name, unit.region, unit.level) != known:
        unit.save()
    place = locate(unit.name)[2]
    names = [qualify_unit_name(sub_name, place) for sub_name in parsed.sub_units]
    units.prefetch(names, unit)
    for name in names:
        units.sub_unit(name, unit)
    return unit, place, new


class _UnitResolver:
    """Find or create a report's sub-units (acting units) by name, one query for all names.

    Resolves exactly as one `.filter(match_name | short_name under parent).first()` per name would:
    a name with more than one candidate asks the database that very query, so the ordering that
    picks the first stays the database's.
    """

    def __init__(self):
        self.known: dict[tuple[str, int], Unit] = {}

    def prefetch(self, names, parent: Unit) -> None:
        wanted = {name for name in names if name not in (parent.name, parent.short_name)}
        wanted -= {name for name, parent_id in self.known if parent_id == parent.pk}
        if not wanted:
            return
        simplified = {name: to_simplified(name) for name in wanted}
        in_question = Q(match_name__in=set(simplified.values())) | Q(short_name__in=wanted, parent=parent)
        candidates = list(Unit.objects.filter(in_question).order_by())  # only a sole candidate is taken
        for name in wanted:
            matches = [
                u
                for u in candidates
                if u.match_name == simplified[name] or (u.short_name == name and u.parent_id == parent.pk)
            ]
            if len(matches) == 1:
                self.known[(name, parent.pk)] = matches[0]

    def sub_unit(self, name: str, parent: Unit) -> Unit:
        if name in (parent.name, parent.short_name):
            return parent
        unit = self.known.get((name, parent.pk))
        if unit is None:
            unit = _sub_unit(name, parent)
            self.known[(name, parent.pk)] = unit
        return unit


def _sub_unit(name: str, parent: Unit) -> Unit:
    if name in (parent.name, parent.short_name):
        return parent
    unit = Unit.objects.filter(Q(match_name=to_simplified(name)) | Q(short_name=name, parent=parent)).first()
    if unit is None:
        unit = Unit.objects.create(name=name, short_name=name, region=parent.region, level=parent.level, parent=parent)
    return unit


INSPECTION_FACTS = ("kind", "focus", "round", "end_date", "feedback_date", "inspection_type", "inspector_level")


def _inspection(record: ReportRecord, unit: Unit, *, new_unit: bool) -> tuple[Inspection, bool]:
    """Find or create the inspection; fill in the facts it does not know yet. Say whether it is new."""
    parsed = record.inspection
    facts = {field: value for field in INSPECTION_FACTS if (value := getattr(parsed, field))}
    identity = {"unit": unit, "inspector": parsed.inspector, "start_date": parsed.start_date}
    if new_unit:  # it has no inspection, and no other import sees it before this one commits
        return Inspection.objects.create(**identity, **facts), True
    inspection, created = Inspection.objects.get_or_create(**identity, defaults=facts)
    if not created:
        for field, value in facts.items():
            if not getattr(inspection, field):
                setattr(inspection, field, value)
        inspection.save()
    return inspection, created


REPORT_DATE_FIELDS = ("published_date", "signed_date", "as_of_date", "disclosure_start", "disclosure_end")
REPORT_TEXT_FIELDS = ("address", "postcode", "publisher")
DECLARED_FIELDS = {
    "categories": "declared_category_count",
    "issues": "declared_issue_count",
    "manifestations": "declared_manifestation_count",
    "completed": "declared_completed_count",
    "partial": "declared_partial_count",
    "immediate": "declared_immediate_count",
    "undisclosed": "declared_undisclosed_count",
}


def _report(record, inspection, new_inspection, source_text, checksum, source_name, source_url, publish):
    info = record.report
    report = None if new_inspection else _same_report(inspection, info, source_name)
    outcome = "updated" if report else "created"
    if report is None:
        report = Report(inspection=inspection, is_published=publish)
    _set_report_facts(report, record)
    report.source_text = source_text
    report.checksum = checksum
    report.text_fingerprint = fingerprint_of(source_text)
    report.source_name = source_name
    report.source_url = source_url
    report.save()
    return report, outcome


def _set_report_facts(report: Report, record: ReportRecord) -> None:
    """What the parse (with staff corrections) says of the report itself."""
    info = record.report
    report.title = record.title or ""
    for field in REPORT_DATE_FIELDS:
        setattr(report, field, getattr(info, field))
    for field in REPORT_TEXT_FIELDS:
        setattr(report, field, getattr(info, field) or "")
    for key, field in DECLARED_FIELDS.items():
        setattr(report, field, getattr(info.declared, key))
    report.phones = list(info.phones)
    report.emails = list(info.emails)
    report.fact_lines = record.fact_lines()
    report.parse_warnings = [
        {"code": w.code, "line": w.line, "detail": w.detail, "message": w.message} for w in record.warnings
    ]


def _same_report(inspection: Inspection, info, source_name: str) -> Report | None:
    """The inspection's report this one replaces: the same file name, or the same date."""
    same = Q(source_name=source_name) if source_name else Q(pk__in=[])
    report_date = info.published_date or info.signed_date or info.disclosure_start
    if report_date:
        same |= Q(published_date=report_date) | Q(signed_date=report_date) | Q(disclosure_start=report_date)
    return inspection.reports.filter(same).first()


def _categories(
    inspection: Inspection, tree: tuple[CategoryRecord, ...], *, new_inspection: bool, renumber: bool = True
) -> dict[tuple[str, ...], Category]:
    """Create or reuse the inspection's categories; map each title path to its category.

    A category is the same when its parent and title match; it takes the number and the reading
    order (depth first) of this report. One query reads them all (none for a new inspection), one insert
    per level adds the new.
    """
    levels: list[list[tuple[CategoryRecord, tuple[str, ...], int]]] = []
    order = 0

    def number(nodes, path: tuple[str, ...], depth: int) -> None:
        nonlocal order
        for node in nodes:
            order += 1
            if len(levels) == depth:
                levels.append([])
            levels[depth].append((node, path, order))
            number(node.children, (*path, node.title), depth + 1)

    number(tree, (), 0)
    known = {(c.parent_id, c.title): c for c in inspection.categories.all()} if levels and not new_inspection else {}
    by_path: dict[tuple[str, ...], Category] = {}
    renumbered: dict[int, Category] = {}
    for level in levels:
        new = []
        for node, parent_path, position in level:
            parent = by_path.get(parent_path)
            key = (parent.pk if parent else None, node.title)
            category = known.get(key)
            if category is None:
                category = Category(inspection=inspection, parent=parent, title=node.title)
                known[key] = category
                new.append(category)
            elif category.pk:
                renumbered[category.pk] = category
            category.number, category.order = node.number or "", position
            by_path[(*parent_path, node.title)] = category
        ids = insert_rows(Category, CATEGORY_ROW, [_values(c, CATEGORY_ROW) for c in new], key=("parent_id", "title"))
        for category, pk in zip(new, ids, strict=True):
            category.pk = pk
    if renumber:  # a draft does not renumber what the public sees
        Category.objects.bulk_update(renumbered.values(), ["number", "order"])
    return by_path


CATEGORY_ROW = ("inspection_id", "parent_id", "number", "title", "order")


def _values(instance, fields: tuple[str, ...]) -> tuple:
    return tuple(getattr(instance, field) for field in fields)


def _issue_keys(issues: tuple[IssueRecord, ...]) -> list[str]:
    keys = []
    for order, issue in enumerate(issues, start=1):
        if issue.number and issue.number.startswith("问题"):
            key = issue.number
        elif issue.number:
            key = "/".join([*(n or "·" for n in issue.category_numbers), issue.number])
        else:
            key = f"#{order}"
        if key in keys:
            key = f"{key}#{order}"
        keys.append(key)
    return keys


# What a report sets on each problem it discloses; a new problem's row adds its inspection and key.
ISSUE_FIELDS = (
    "report_id",
    "is_published",
    "category_id",
    "number",
    "order",
    "title",
    "description",
    "immediate",
    "deadline",
    "deadline_text",
    "due_date",
    "due_basis",
    "source_line_start",
    "source_line_end",
    "status",
    "status_source",
)
ISSUE_ROW = ("inspection_id", "key", *ISSUE_FIELDS)
# What the archive knows of a problem it has not seen yet: the model's defaults.
NEW_ISSUE = Issue()
STATUS_CHANGE_ROW = ("issue_id", "status", "previous_status", "source", "report_id", "note")
MEASURE_FIELDS = ("number", "text", "acting_unit_name", "dates", "state", "source_line")
MEASURE_ROW = ("issue_id", "order", "report_id", *MEASURE_FIELDS)
ACTING_UNIT_ROW = ("measure_id", "unit_id")
AMOUNT_ROW = ("issue_id", "measure_id", "text", "yuan", "kind")


def _held_issues(inspection: Inspection):
    """Every problem the archive holds for the inspection, with what matching and moving them need."""
    issues = Issue.objects.filter(inspection=inspection).select_related("report", "category")
    # When staff last set the status: a report dated after it may move the status on, an earlier one not.
    issues = issues.annotate(
        staff_changed_at=Max("status_changes__changed_at", filter=Q(status_changes__source=StatusSource.STAFF))
    )
    return issues.defer("report__source_text").order_by("order", "pk")


def _issues(
    inspection, report, keys, existing, parsed_issues, categories, kept: _Kept
) -> tuple[list[int], list[tuple[int, IssueRecord]], int]:
    """Create or move on the report's issues in bulk.

    Return every issue's id in report order, the (id, parsed issue) pairs of those this report now
    discloses, and the number of status changes.
    """
    moved, created, updated, history = [], [], [], []
    now = timezone.now()
    for order, (key, parsed) in enumerate(zip(keys, parsed_issues, strict=True), start=1):
        issue = existing.get(key)
        if issue is not None and _is_older(report, issue.report):
            # An earlier report imported late does not move the problem back; it adds nothing current.
            continue
        if issue is not None and issue.is_published and not report.is_published and issue.report_id != report.pk:
            # The public keeps the last published state of a problem until a newer report is published.
            kept.held_back += 1
            continue
        moved.append((key, parsed))
        category = categories.get(parsed.category)
        values = _issue_values(parsed, issue, report=report, order=order, category=category, inspection=inspection)
        if issue is not None and issue.corrected_fields:
            corrected = [_attname(field) for field in issue.corrected_fields]
            kept.corrections += sum(values.pop(field, None) is not None for field in corrected)
        previous = issue.status if issue else ""
        # A status staff set after the report's date stands; a report that says nothing of a problem's
        # status does not erase what is already known.
        staff_status_stands = issue is not None and _staff_status_is_newer(issue, report)
        if staff_status_stands and parsed.status not in (IssueStatus.UNKNOWN, previous):
            kept.statuses += 1
        if not staff_status_stands and (parsed.status != IssueStatus.UNKNOWN or not previous):
            values |= {"status": parsed.status, "status_source": parsed.status_source or ""}
            if parsed.status != previous:
                note = "导入通报时记录" if not previous else "新一期通报更新了整改状态"
                history.append((key, parsed.status, previous, parsed.status_source or StatusSource.INFERRED, note))
        if issue is None:
            created.append((inspection.pk, key, *(values[field] for field in ISSUE_FIELDS)))
        else:
            for field, value in values.items():
                setattr(issue, field, value)
            issue.updated_at = now  # bulk_update skips auto_now
            updated.append(issue)
    if updated:
        Issue.objects.bulk_update(updated, [*ISSUE_FIELDS, "updated_at"])
    ids = {key: issue.pk for key, issue in existing.items()}
    ids.update(zip((row[1] for row in created), insert_rows(Issue, ISSUE_ROW, created, key=("key",)), strict=True))
    insert_rows(
        StatusChange,
        STATUS_CHANGE_ROW,
        [(ids[key], status, previous, source, report.pk, note) for key, status, previous, source, note in history],
    )
    return [ids[key] for key in keys], [(ids[key], parsed) for key, parsed in moved], len(history)


def _issue_values(parsed: IssueRecord, issue: Issue | None, *, report, order, category, inspection) -> dict:
    """The fields a report sets on a problem, but its status, over what is known of it (`issue`, None if new).

    A report that leaves out 立行立改 or a 整改时限 does not erase them; a due date staff set stays.
    """
    known = issue or NEW_ISSUE
    values = {
        "report_id": report.pk,
        # The copy of the report's publication that triggers keep (migration 0008): given here, so
        # they have nothing to put right.
        "is_published": report.is_published,
        "category_id": category.pk if category else None,
        "number": parsed.number or "",
        "order": order,
        "title": parsed.title[:500],
        "description": parsed.description,
        "immediate": parsed.immediate or known.immediate,
        "deadline": parsed.deadline or known.deadline,
        "deadline_text": parsed.deadline_text or known.deadline_text,
        "source_line_start": parsed.line,
        "source_line_end": parsed.end_line,
    }
    if known.due_basis != DueBasis.STAFF:
        values["due_date"], values["due_basis"] = due_date_for(
            deadline=values["deadline"],
            deadline_text=values["deadline_text"],
            feedback=inspection.feedback_date,
            measure_texts=[m.text for m in parsed.measures],
            default_days=settings.RECTIFY_DEFAULT_DEADLINE_DAYS,
        )
    return values


def _attname(field: str) -> str:
    return "category_id" if field == "category" else field


def _staff_status_is_newer(issue: Issue, report: Report) -> bool:
    """Whether staff set the problem's status after the report's date (or the report has none)."""
    if issue.status_source != StatusSource.STAFF or issue.staff_changed_at is None:
        return False
    return not (report.date and report.date > timezone.localdate(issue.staff_changed_at))


def _is_older(report: Report, current: Report) -> bool:
    if report.pk == current.pk:
        return False
    new_date, current_date = report.date, current.date
    return bool(new_date and current_date and new_date < current_date)


def _measures(report, current: list[tuple[int, IssueRecord]], existed: set[int], unit, place, units, kept) -> int:
    """Write the measures and sums of money of the issues this report discloses; return the measures.

    A measure already held that says the same thing is updated in place, so its evidence and staff
    corrections stay on it. One the report no longer lists stays as earlier history (its report is the
    earlier one); only one that this very report used to list, on which staff have hung nothing, goes.
    """
    held: dict[int, list[Measure]] = defaultdict(list)
    replaced = [issue_id for issue_id, _ in current if issue_id in existed]
    if replaced:
        found = Measure.objects.filter(issue__in=replaced).annotate(evidence_count=Count("evidence"))
        for measure in found.order_by("issue_id", "order"):
            held[measure.issue_id].append(measure)
    rows, listed, updated, dropped, unit_names = [], [], [], [], []
    for issue_id, parsed in current:
        olds = held.get(issue_id, [])
        pairs = match_texts([m.text for m in olds], [m.text for m in parsed.measures])
        for index, measure in enumerate(parsed.measures):
            values = _measure_values(measure)
            old = olds[pairs[index]] if index in pairs else None
            if old is None:
                rows.append((issue_id, index + 1, report.pk, *(values[field] for field in MEASURE_FIELDS)))
            else:
                kept.evidence += old.evidence_count
                kept.corrections += sum(values.pop(field, None) is not None for field in old.corrected_fields)
                for field, value in values.items():
                    setattr(old, field, list(value) if field == "dates" else value)
                old.order, old.report_id = index + 1, report.pk
                updated.append(old)
            listed.append(old)
            names = [qualify_unit_name(name, place) for name in measure.unit.split("、")] if measure.unit else []
            unit_names.append(names)
        later = len(parsed.measures)
        for index, old in enumerate(olds):
            if index in pairs.values():
                continue
            if old.report_id == report.pk and not old.evidence_count and not old.corrected_fields:
                dropped.append(old.pk)  # what a corrected re-import no longer says, with nothing staff added
                continue
            kept.measures += 1
            kept.evidence += old.evidence_count
            if old.report_id == report.pk:
                old.report_id = None  # this report, corrected, no longer lists it
            later += 1
            old.order = later  # after the measures the report lists
            updated.append(old)
    if dropped:
        Measure.objects.filter(pk__in=dropped).delete()
    rewritten = [m.pk for m in listed if m is not None]
    if replaced:
        # Sums are read from the text: those of the problem and of the measures rewritten are read anew.
        MoneyAmount.objects.filter(issue__in=replaced).filter(Q(measure=None) | Q(measure__in=rewritten)).delete()
        Measure.acting_units.through.objects.filter(measure__in=rewritten).delete()
    if updated:
        # Out of the way first: (issue, order) is unique and the new orders may swap old ones.
        Measure.objects.filter(pk__in=[m.pk for m in updated]).update(order=F("order") + MEASURE_ORDER_OFFSET)
        Measure.objects.bulk_update(updated, ["order", "report_id", *MEASURE_FIELDS])
    new_ids = iter(insert_rows(Measure, MEASURE_ROW, rows, key=("issue_id", "order")))
    measure_ids = [m.pk if m is not None else next(new_ids) for m in listed]
    units.prefetch((name for names in unit_names for name in names), unit)
    links = []
    for measure_id, names in zip(measure_ids, unit_names, strict=True):
        # dict, not set: one link per unit, in the order the text names them
        acting = dict.fromkeys(units.sub_unit(name, unit).pk for name in names)
        links.extend((measure_id, unit_id) for unit_id in acting)
    insert_rows(Measure.acting_units.through, ACTING_UNIT_ROW, links)
    # Issue sums first, then each measure's, as the ids order them on the problem's page.
    amounts, ids_of = [], iter(measure_ids)
    for issue_id, parsed in current:
        amounts.extend(_amounts(issue_id, None, parsed.amounts))
        for measure in parsed.measures:
            amounts.extend(_amounts(issue_id, next(ids_of), measure.amounts))
    insert_rows(MoneyAmount, AMOUNT_ROW, amounts)
    return len(listed)


MEASURE_ORDER_OFFSET = 1_000_000


def _measure_values(measure) -> dict:
    return {
        "number": measure.number or "",
        "text": measure.text,
        "acting_unit_name": measure.unit or "",
        "dates": tuple(d.isoformat() for d in measure.dates),
        "state": measure.state or "",
        "source_line": measure.line,
    }


def _amounts(issue_id: int, measure_id: int | None, amounts) -> list[tuple]:
    return [(issue_id, measure_id, a.text, Decimal(str(a.yuan)), a.kind or "") for a in amounts]
