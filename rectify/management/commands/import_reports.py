"""Import report files (.txt, .docx, .html) and folders of them; each file in its own transaction."""

import contextlib
from functools import partial
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from rectify.importer import SUPPORTED_SUFFIXES, ImportFailure, import_parsed, parse_file
from rectify.importer.parallel import ordered_map, worker_count
from rectify.search import index as search_index


def _read(found, *, max_bytes):
    """parse_file for a worker process: a failure comes back as a value, so the run goes on."""
    path, folder = found
    if folder is not None and not path.resolve().is_relative_to(folder):
        # Importing a folder means the files in it: a link out of it could reach any file the
        # importing user can read (an /etc file, another archive), so it is named and not followed.
        return ImportFailure(f"是指向所选文件夹之外的链接（{path.resolve()}），未读取", path=path)
    try:
        return parse_file(path, max_bytes=max_bytes)
    except Exception as exc:  # ImportFailure, or a parser bug met on this one file
        return exc


class Command(BaseCommand):
    help = "导入整改进展通报文件或文件夹（.txt/.docx/.html）。每份报告单独成事务，重复导入不会改变数据。"

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", type=Path)
        parser.add_argument("--dry-run", action="store_true", help="只解析和校验，不写数据库")
        parser.add_argument("--allow-partial", action="store_true", help="导入没有问题清单的不完整报告")
        parser.add_argument("--draft", action="store_true", help="导入为草稿（不在公开页面显示）")
        parser.add_argument(
            "--defer-index",
            action="store_true",
            help="批量导入：导入期间暂停检索索引，结束后整体重建一次（文件多于库中已有报告时更快）",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            help="解析用的进程数（默认：50 份以上时每个空闲 CPU 一个；0 为在本进程内解析）。写入数据库始终在本进程",
        )

    def handle(self, *args, **options):
        found = list(self._files(options["paths"]))
        if not found:
            raise CommandError("没有找到可导入的文件（.txt、.docx、.html）")
        counts = {"created": 0, "updated": 0, "unchanged": 0, "failed": 0}
        failures = []
        deferred = not options["dry_run"] and (options["defer_index"] or self._resumes_a_paused_index(options))
        with search_index.index_paused() if deferred else contextlib.nullcontext():
            self._import_all(found, options, counts, failures)
        for failure in failures:
            self.stderr.write(self.style.ERROR(failure))
        prefix = "（试运行，未写入）" if options["dry_run"] else ""
        summary = (
            f"{prefix}新增 {counts['created']}，更新 {counts['updated']}，"
            f"未变 {counts['unchanged']}，失败 {counts['failed']}"
        )
        if counts["failed"]:
            raise CommandError("\n".join([summary, *failures]))
        self.stdout.write(self.style.SUCCESS(summary))

    def _resumes_a_paused_index(self, options) -> bool:
        """Whether an earlier --defer-index run left the index paused; then this run finishes its job.

        It imports with the index paused and rebuilds it at the end, as that run would have, so a
        killed bulk import is repaired by whichever import comes next. Were that run still going,
        the rebuild only switches indexing back on early for its remaining files.
        """
        try:
            paused = search_index.is_paused()
        except OperationalError:
            # SQLite's shared-cache test database locks the table while another import writes it: that
            # import is alive, so nothing here is left to finish; this run imports as usual.
            return False
        if not paused:
            return False
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.WARNING("检索索引处于暂停状态（此前的批量导入未完成）：本次导入结束后将重建索引。")
            )
        return True

    def _import_all(self, found, options, counts, failures) -> None:
        # Files are read and parsed ahead in worker processes (no database there); each is stored
        # here, in order, in its own transaction.
        files = [path for path, _ in found]
        workers = worker_count(len(files), options["jobs"])
        read = partial(_read, max_bytes=settings.RECTIFY_MAX_REPORT_BYTES)
        parsed = ordered_map(read, found, workers=workers)
        for path, outcome in zip(self._progress(files, options["verbosity"]), parsed, strict=True):
            try:
                if isinstance(outcome, Exception):
                    raise outcome
                result = import_parsed(
                    outcome,
                    dry_run=options["dry_run"],
                    allow_partial=options["allow_partial"],
                    publish=not options["draft"],
                )
            except ImportFailure as failure:
                counts["failed"] += 1
                failures.append(str(failure))
                continue
            except Exception as exc:
                # A bug met on one file must not stop the others; --traceback shows where it is.
                if options["traceback"]:
                    raise
                counts["failed"] += 1
                failures.append(f"{path}: 导入时程序出错（{type(exc).__name__}：{exc}），请用 --traceback 查看详情")
                continue
            counts[result.outcome.removeprefix("would_")] += 1
            if result.kept and options["verbosity"] >= 1:
                # Staff work an import leaves as it was is said every time, not only when asked for.
                for line in result.kept.describe():
                    self.stdout.write(self.style.NOTICE(f"{path}: {line}"))
            if options["verbosity"] >= 2:
                self.stdout.write(
                    f"{path}: {result.outcome}，{result.issue_count} 个问题，{result.measure_count} 条措施"
                )
                for warning in outcome.record.warnings:
                    self.stdout.write(self.style.WARNING(f"  {path}: {warning.message}"))

    def _files(self, paths):
        """(file, folder it was found in) for each file to import; folder is None for a file named directly."""
        for path in paths:
            if path.is_dir():
                folder = path.resolve()
                for found in sorted(p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES):
                    yield found, folder
            else:
                yield path, None

    def _progress(self, files, verbosity):
        if verbosity < 1 or len(files) < 10:
            return files
        from tqdm import tqdm

        return tqdm(files, unit="份", file=self.stderr, desc="导入")
