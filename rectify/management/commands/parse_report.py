"""Print what the parser reads in one report file; writes nothing."""

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rectify.importer import ImportFailure, parse_file
from rectify.importer.records import describe_warning


class Command(BaseCommand):
    help = "解析一份整改进展通报并输出结果（不写数据库）。--json 输出 JSON。"

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--json", action="store_true", help="输出一个 JSON 对象")

    def handle(self, *args, **options):
        path = options["file"]
        try:
            record = parse_file(path, max_bytes=settings.RECTIFY_MAX_REPORT_BYTES).record
        except ImportFailure as failure:
            raise CommandError(str(failure)) from failure
        if options["json"]:
            self.stdout.write(json.dumps(record.as_dict(), ensure_ascii=False, indent=2))
            return
        self._outline(record)

    def _outline(self, record):
        out = self.stdout.write
        unit, inspection, info = record.unit, record.inspection, record.report
        out(self.style.MIGRATE_HEADING(record.title or f"{unit.name}（无标题）"))
        out(f"单位：{unit.name}（{unit.region or '地区未知'}）")
        if unit.named_as and unit.named_as != unit.name:
            out(f"开头称：{unit.named_as}")
        out(
            f"{inspection.inspection_type or '巡察'}：{inspection.inspector or '?'}"
            f"（{inspection.inspector_level or '层级未知'}） {inspection.kind or ''} {inspection.round or ''} "
            f"{inspection.start_date or '?'} 至 {inspection.end_date or '?'}，反馈 {inspection.feedback_date or '?'}"
        )
        out(
            f"发布：{info.published_date or '?'}  落款：{info.signed_date or '-'}  发布机构：{info.publisher or '-'}  "
            f"截至：{info.as_of_date or '-'}  电话：{'、'.join(info.phones) or '-'}"
        )
        current = None
        for issue in record.issues:
            if issue.category != current:
                current = issue.category
                out(self.style.HTTP_INFO(" / ".join(current) or "（无类别）"))
            flag = "【立行立改】" if issue.immediate else ""
            out(f"  {issue.number or '-'} {issue.title} [{issue.status}]{flag}")
            for measure in issue.measures:
                acting = f"（{measure.unit}）" if measure.unit else ""
                out(f"      {measure.number or '·'} {acting}{measure.text[:60]}")
        for warning in record.warnings:
            out(self.style.WARNING(describe_warning(warning)))
