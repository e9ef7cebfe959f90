"""Rebuild the search index from the problem and measure tables.

Triggers keep the index in step with every write, so this is for repairs and after a bulk load
made with the triggers paused (rectify.search.index.index_paused). Running it twice changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import DEFAULT_DB_ALIAS

from rectify.search.index import rebuild_index


class Command(BaseCommand):
    help = "重建全文检索索引（问题与整改措施）。可重复运行，结果相同。"

    def add_arguments(self, parser):
        parser.add_argument("--database", default=DEFAULT_DB_ALIAS, help="数据库别名（默认 default）")

    def handle(self, *args, **options):
        counts = rebuild_index(options["database"])
        if options["verbosity"] >= 1:
            self.stdout.write(
                self.style.SUCCESS(f"检索索引已重建：{counts['issues']} 个问题，{counts['measures']} 条整改措施")
            )
