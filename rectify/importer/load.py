"""Write a parsed report to the database: one transaction per report, idempotent.

The only importer module that touches the ORM. Identity rules:
- a report is the same report when its text has the same checksum (unchanged), or when it is about
  the same inspection and has the same source file name or date (updated in place);
- an issue is the same issue within its inspection when its key (category numbers + number) matches,
  so a newer report moves the issue's status on and the history keeps the earlier one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from decimal import Decimal

from django.db import IntegrityError, connections, router, transaction
from django.db.models import Q
from django.utils import timezone

from rectify import search
from rectify.models import (
    Category,
    DueBasis,
    Inspection,
    Issue,
    IssueStatus,
    Measure,
    MoneyAmount,
    Report,
    StatusChange,
    StatusSource,
    Unit,
    due_date_for,
)

from .names import qualify_unit_name
from .records import CategoryRecord, IssueRecord, ReportRecord
from .regions import locate
from .text import to_simplified


class LoadError(ValueError):
    """A parsed report that cannot be stored; the message says what is missing."""


@dataclass(frozen=True)
class LoadResult:
    report: Report | None
    outcome: str  # created, updated, unchanged, would_create, would_update
    issue_count: int = 0
    measure_count: int = 0
    status_changes: int = 0


def checksum_of(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def load_report(
    record: ReportRecord,
    *,
    source_text: str,
    source_name: str = "",
    source_url: str = "",
    publish: bool = True,
    allow_partial: bool = False,
) -> LoadResult:
    """Store `record` and its source text; return what happened to the database."""
    checksum = checksum_of(source_text)
    existing = _imported(checksum)
    if existing is not None:
        return LoadResult(existing, "unchanged", existing.issues.count())
    if record.is_partial and not allow_partial:
        reason = "有报告头但没有问题清单" if record.partial_warning.code == "no_problems_section" else "文件可能被截断"
        raise LoadError(f"报告不完整：{reason}（可用 --allow-partial 仍然导入）")
    if not record.unit.name:
        raise LoadError("无法确定被巡察单位：标题、落款和正文都没有写明单位全称")
    if not record.inspection.inspector:
        raise LoadError("无法确定巡察组：开头段落没有写明“××委第×巡察组”")
    try:
        with transaction.atomic():
            return _store(record, source_text, checksum, source_name, source_url, publish)
    except IntegrityError:
        # Another import of the same text won the race; the database holds exactly one copy.
        existing = _imported(checksum)
        if existing is None:
            raise
        return LoadResult(existing, "unchanged", existing.issues.count())


def _imported(checksum: str) -> Report | None:
    """The report already holding this text, if any."""
    found = Report.objects.filter(checksum=checksum)
    # Most texts are new: exists() compiles and reads a fraction of what reading a report does.
    return found.first() if found.exists() else None


def _store(record, source_text, checksum, source_name, source_url, publish) -> LoadResult:
    units = _UnitResolver()
    unit, place, new_unit = _unit(record, units)
    inspection, new_inspection = _inspection(record, unit, new_unit=new_unit)
    report, outcome = _report(
        record, inspection, new_inspection, source_text, checksum, source_name, source_url, publish
    )
    # An inspection created by this transaction has no categories or problems yet: nothing to ask.
    categories = _categories(inspection, record.categories, new_inspection=new_inspection)
    keys = _issue_keys(record.issues)
    existing = {} if new_inspection else _existing_issues(inspection, keys)
    with search.indexed_once_after(report.pk, indexed_ids=[issue.pk for issue in existing.values()]):
        issue_ids, current, changes = _issues(inspection, report, keys, existing, record.issues, categories)
        measures = _measures(current, {issue.pk for issue in existing.values()}, unit, place, units)
    if outcome == "updated":
        # Issues this report used to disclose but no longer does (a corrected re-import) go with it.
        Issue.objects.filter(report=report).exclude(pk__in=issue_ids).delete()
    return LoadResult(report, outcome, len(record.issues), measures, changes)


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
    report.source_text = source_text
    report.checksum = checksum
    report.source_name = source_name
    report.source_url = source_url
    report.parse_warnings = [
        {"code": w.code, "line": w.line, "detail": w.detail, "message": w.message} for w in record.warnings
    ]
    report.save()
    return report, outcome


def _same_report(inspection: Inspection, info, source_name: str) -> Report | None:
    """The inspection's report this one replaces: the same file name, or the same date."""
    same = Q(source_name=source_name) if source_name else Q(pk__in=[])
    report_date = info.published_date or info.signed_date or info.disclosure_start
    if report_date:
        same |= Q(published_date=report_date) | Q(signed_date=report_date) | Q(disclosure_start=report_date)
    return inspection.reports.filter(same).first()


def _categories(
    inspection: Inspection, tree: tuple[CategoryRecord, ...], *, new_inspection: bool
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
        ids = _insert_rows(Category, CATEGORY_ROW, [_values(c, CATEGORY_ROW) for c in new], key=("parent_id", "title"))
        for category, pk in zip(new, ids, strict=True):
            category.pk = pk
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
MEASURE_ROW = ("issue_id", "order", "number", "text", "acting_unit_name", "dates", "state", "source_line")
ACTING_UNIT_ROW = ("measure_id", "unit_id")
AMOUNT_ROW = ("issue_id", "measure_id", "text", "yuan", "kind")


def _existing_issues(inspection: Inspection, keys: list[str]) -> dict[str, Issue]:
    issues = Issue.objects.filter(inspection=inspection, key__in=keys).select_related("report")
    return {issue.key: issue for issue in issues.defer("report__source_text")}


def _issues(
    inspection, report, keys, existing, parsed_issues, categories
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
        moved.append((key, parsed))
        category = categories.get(parsed.category)
        values = _issue_values(parsed, issue, report=report, order=order, category=category, inspection=inspection)
        previous = issue.status if issue else ""
        # A report that says nothing of a problem's status does not erase what is already known.
        if parsed.status != IssueStatus.UNKNOWN or not previous:
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
    ids.update(zip((row[1] for row in created), _insert_rows(Issue, ISSUE_ROW, created, key=("key",)), strict=True))
    _insert_rows(
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
        )
    return values


def _is_older(report: Report, current: Report) -> bool:
    if report.pk == current.pk:
        return False
    new_date, current_date = report.date, current.date
    return bool(new_date and current_date and new_date < current_date)


def _measures(current: list[tuple[int, IssueRecord]], existed: set[int], unit: Unit, place: str | None, units) -> int:
    """Replace the measures and sums of money of the issues this report discloses; return the measures."""
    replaced = [issue_id for issue_id, _ in current if issue_id in existed]
    if replaced:
        Measure.objects.filter(issue__in=replaced).delete()
        MoneyAmount.objects.filter(issue__in=replaced).delete()
    rows, unit_names = [], []
    for issue_id, parsed in current:
        for order, measure in enumerate(parsed.measures, start=1):
            rows.append(
                (
                    issue_id,
                    order,
                    measure.number or "",
                    measure.text,
                    measure.unit or "",
                    tuple(d.isoformat() for d in measure.dates),
                    measure.state or "",
                    measure.line,
                )
            )
            names = [qualify_unit_name(name, place) for name in measure.unit.split("、")] if measure.unit else []
            unit_names.append(names)
    measure_ids = _insert_rows(Measure, MEASURE_ROW, rows, key=("issue_id", "order"))
    units.prefetch((name for names in unit_names for name in names), unit)
    links = []
    for measure_id, names in zip(measure_ids, unit_names, strict=True):
        # dict, not set: one link per unit, in the order the text names them
        acting = dict.fromkeys(units.sub_unit(name, unit).pk for name in names)
        links.extend((measure_id, unit_id) for unit_id in acting)
    _insert_rows(Measure.acting_units.through, ACTING_UNIT_ROW, links)
    # Issue sums first, then each measure's, as the ids order them on the problem's page.
    amounts, ids_of = [], iter(measure_ids)
    for issue_id, parsed in current:
        amounts.extend(_amounts(issue_id, None, parsed.amounts))
        for measure in parsed.measures:
            amounts.extend(_amounts(issue_id, next(ids_of), measure.amounts))
    _insert_rows(MoneyAmount, AMOUNT_ROW, amounts)
    return len(rows)


def _amounts(issue_id: int, measure_id: int | None, amounts) -> list[tuple]:
    return [(issue_id, measure_id, a.text, Decimal(str(a.yuan)), a.kind or "") for a in amounts]


# Field types whose Python values (str, int, bool, a key's int) go to either driver as they are; every
# other type (dates, JSON, decimals) goes through the field's get_db_prep_save, as bulk_create does.
AS_IS = {"CharField", "TextField", "IntegerField", "PositiveIntegerField", "BooleanField", "ForeignKey"}


def _insert_rows(model, fields: tuple[str, ...], rows: list[tuple], *, key: tuple[str, ...] = ()) -> list[int]:
    """Insert `rows`, each the values of `fields` (attnames) in order, as bulk_create would store them.

    No model instance per row, no SQL compiler: one multi-row INSERT per batch of the size bulk_create
    uses. Columns not in `fields` take their default, auto_now(_add) ones the moment of the insert.
    Values must be hashable (a tuple for a JSON list): each distinct one is adapted once.
    With `key`, fields that tell the rows apart, return the new ids in row order, matched on the key
    (neither SQLite nor PostgreSQL promises RETURNING's rows in the order of the VALUES).
    """
    if not rows:
        return []
    connection = connections[router.db_for_write(model)]
    opts, qn, now = model._meta, connection.ops.quote_name, timezone.now()
    given = [opts.get_field(name) for name in fields]
    rest = [field for field in opts.concrete_fields if not field.primary_key and field.attname not in fields]
    defaults = [
        field.get_db_prep_save(
            now if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False) else field.get_default(),
            connection,
        )
        for field in rest
    ]
    adapted = [(i, field) for i, field in enumerate(given) if field.get_internal_type() not in AS_IS]
    prepared: dict[tuple[int, object], object] = {}  # most measures name no date: dates=() is adapted once
    columns = ", ".join(qn(field.column) for field in given + rest)
    placeholders = f"({', '.join(['%s'] * (len(given) + len(rest)))})"
    returning = f" RETURNING {', '.join(qn(opts.get_field(name).column) for name in (opts.pk.attname, *key))}"
    batch_size = max(connection.ops.bulk_batch_size(given + rest, rows), 1)
    ids: dict[tuple, int] = {}
    with connection.cursor() as cursor:
        for start in range(0, len(rows), batch_size):
            batch, params = rows[start : start + batch_size], []
            for row in batch:
                if adapted:
                    row = list(row)
                    for i, field in adapted:
                        if (i, row[i]) not in prepared:
                            prepared[i, row[i]] = field.get_db_prep_save(row[i], connection)
                        row[i] = prepared[i, row[i]]
                params += row
                params += defaults
            sql = f"INSERT INTO {qn(opts.db_table)} ({columns}) VALUES {', '.join([placeholders] * len(batch))}"
            cursor.execute(sql + returning if key else sql, params)
            if key:
                ids.update((tuple(returned[1:]), returned[0]) for returned in cursor.fetchall())
    if not key:
        return []
    at = [fields.index(name) for name in key]
    if len(ids) != len(rows):
        raise ValueError(f"{opts.label}: the key {key} does not tell the inserted rows apart")
    return [ids[tuple(row[i] for i in at)] for row in rows]


class ImportFailure(Exception):
    """One file that could not be imported: `str()` names the file, the line and what was wrong."""

    def __init__(self, path, message: str, line: int | None = None):
        self.path, self.message, self.line = str(path), message, line
        where = f"{self.path}:{line}" if line else self.path
        super().__init__(f"{where}: {message}")

    def __reduce__(self):
        # Raised in a worker process that parses (read_report), re-raised in the one that loads.
        return type(self), (self.path, self.message, self.line)


def import_file(
    path,
    *,
    dry_run: bool = False,
    allow_partial: bool = False,
    publish: bool = True,
    max_bytes: int | None = None,
) -> tuple[LoadResult, ReportRecord]:
    """Read, parse and store one report file; raise ImportFailure, leaving the database untouched."""
    source, record = read_report(path, max_bytes=max_bytes)
    result = store_report(path, source, record, dry_run=dry_run, allow_partial=allow_partial, publish=publish)
    return result, record


def read_report(path, *, max_bytes: int | None = None):
    """Read and parse one report file, touching no database; raise ImportFailure naming the file and line.

    Return (source, record): what sources.read_source decoded and what the parser made of it.
    """
    from .parse import ParseError, parse_report
    from .sources import SourceError, read_source

    try:
        source = read_source(path, max_bytes=max_bytes)
    except SourceError as exc:
        raise ImportFailure(path, str(exc), exc.line) from exc
    except OSError as exc:
        raise ImportFailure(path, f"无法读取文件：{exc.strerror or exc}") from exc
    try:
        record = parse_report(source.text)
    except ParseError as exc:
        message = str(exc)
        if source.encoding and not source.encoding.startswith("utf"):
            # Big5 or Latin-1 bytes read as GB18030 give plausible-looking nonsense, never an error.
            message += f"（文件按 {source.encoding} 编码读取；如原文是其他编码，请另存为 UTF-8 后再导入）"
        raise ImportFailure(path, message, exc.line) from exc
    return source, record


def store_report(
    path, source, record: ReportRecord, *, dry_run: bool = False, allow_partial: bool = False, publish: bool = True
) -> LoadResult:
    """Store what read_report gave for `path` in one transaction; raise ImportFailure if it cannot be."""
    try:
        with transaction.atomic():
            result = load_report(
                record,
                source_text=source.text,
                source_name=getattr(path, "name", str(path)),
                publish=publish,
                allow_partial=allow_partial,
            )
            if dry_run:
                transaction.set_rollback(True)
                result = LoadResult(
                    None,
                    f"would_{result.outcome}" if result.outcome != "unchanged" else "unchanged",
                    result.issue_count,
                    result.measure_count,
                    result.status_changes,
                )
    except LoadError as exc:
        raise ImportFailure(path, str(exc), _first_line(record)) from exc
    return result


def _first_line(record: ReportRecord) -> int | None:
    partial = record.partial_warning
    return partial.line if partial else None
