"""Generate a large, deterministic corpus of report texts for benchmarks, and import it.

Every sentence, problem, category and measure comes from the parsed seed reports in
fixtures/reports/, recombined: the text statistics are those of real reports, while units,
inspectors, years, kinds and statuses vary across one province so facets look real. Each
report is composed as TEXT, parsed by the real parser and stored by the real loader, one at a
time, so memory stays bounded whatever --reports is.

Report i depends only on (--seed, i): the same seed gives the same texts, and a smaller corpus
is a prefix of a larger one.
"""

from __future__ import annotations

import contextlib
import csv
import datetime
import json
import random
import re
import resource
import time
from dataclasses import dataclass
from functools import cache, lru_cache, partial
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from rectify.importer.parallel import ordered_map, worker_count
from rectify.search import index as search_index

SEED_REPORTS = Path(__file__).resolve().parents[3] / "fixtures" / "reports"
# One province's gazetteer, as cpca ships it: 21 is Liaoning, home of two of the seed reports.
PROVINCE_CODE = "21"
PROVINCE_NAME = "辽宁省"

PARTY_DEPARTMENTS = ("宣传部", "组织部", "统战部", "政法委员会", "机构编制委员会办公室", "社会工作部")
AGENCIES = (
    "教育局",
    "财政局",
    "民政局",
    "卫生健康局",
    "自然资源局",
    "住房和城乡建设局",
    "交通运输局",
    "农业农村局",
    "水利局",
    "人力资源和社会保障局",
    "市场监督管理局",
    "文化旅游和广播电视局",
    "医疗保障局",
    "融媒体中心",
    "退役军人事务局",
)
KINDS = (("", 40), ("常规", 30), ("专项", 12), ("提级", 8), ("机动", 6), ("交叉", 4))
FOCUSES = ("扫黑除恶", "乡村振兴", "选人用人", "意识形态", "粮食购销", "医保基金")
STATUSES = (
    ("已完成整改。", 55),
    ("阶段性完成整改。", 18),
    ("正在整改。", 14),
    ("立行立改的问题,已完成整改。", 9),
    ("未整改。", 4),
)
CN_NUMBERS = "一二三四五六七八九十"
FIRST_YEAR = 2019
YEARS = 7  # 2019–2025
SHI = re.compile(r"[一二三四五六七八九十]+是")
STATUS_WORDS = re.compile(r"问题(?:已)?(?:整改完成|完成整改|整改到位)|整改完成情况|整改情况|立行立改")
# Counts a report declares about itself ("5大方面11个问题") must come from the composed summary only.
DECLARING = re.compile(r"个问题|个方面|大方面|具体表现")
# A count in running text ("播发稿件85条"): varied per report so texts differ as real ones do.
COUNT = re.compile(r"(?<![\d年月.])(\d{1,5})(?=[个条次元人家期所场名项篇件万余])")


@dataclass(frozen=True)
class Pools:
    """What the seed reports offer for recombination."""

    categories: tuple[str, ...]
    titles: tuple[str, ...]
    sentences: tuple[str, ...]
    measures: tuple[str, ...]
    leadership: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    prefecture: str
    county: str | None  # None for a prefecture-level unit

    @property
    def owner(self) -> str:
        """The party committee whose inspectors come: 县委, 区委 or 市委."""
        if self.county is None or self.county.endswith("市"):
            return "市委"
        return "区委" if self.county.endswith("区") else "县委"


@cache
def seed_pools() -> Pools:
    """Parse the seed reports once and keep their pieces, cleaned for recombination."""
    from rectify.importer import parse_text

    categories, titles, sentences, measures, leadership = set(), set(), set(), set(), set()
    for path in sorted(SEED_REPORTS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        record = parse_text(text, name=path.name).record
        stack = list(record.categories)
        while stack:
            node = stack.pop()
            categories.add(_clean(node.title).removeprefix("关于"))
            stack.extend(node.children)
        for issue in record.issues:
            titles.add(_clean(issue.title))
            for sentence in _sentences(issue.description)[1:]:
                sentences.add(sentence)
            for measure in issue.measures:
                measures.update(_sentences(measure.text))
        for line in text.splitlines():
            if line.startswith(("（", "(")) and "整改" in line and 60 < len(line) < 400:
                leadership.add(_clean(re.sub(r"^[（(][一二三四五六七八九十]+[）)]", "", line)))
    return Pools(
        categories=_usable(categories, 4, 80),
        titles=_usable(titles, 4, 80),
        sentences=_usable(sentences, 6, 200),
        measures=_usable(measures, 8, 300),
        leadership=tuple(p for p in _usable(leadership, 20, 400) if not DECLARING.search(p)),
    )


def _clean(text: str) -> str:
    return re.sub(r"\s+", "", text).strip("。；;，,")


def _sentences(text: str) -> list[str]:
    return [s for s in (_clean(part) for part in re.split(r"[。\n]", text)) if s]


def _usable(pieces: set[str], shortest: int, longest: int) -> tuple[str, ...]:
    """Pieces that cannot be mistaken for structure (markers, status labels), in a stable order."""
    return tuple(
        sorted(p for p in pieces if shortest <= len(p) <= longest and not SHI.search(p) and not STATUS_WORDS.search(p))
    )


@cache
def province_places() -> tuple[Place, ...]:
    """Prefectures and their counties from cpca's gazetteer, in code order."""
    from importlib.resources import files

    with files("cpca").joinpath("resources", "adcodes.csv").open(encoding="utf-8") as handle:
        rows = sorted(
            (row["adcode"][:6], row["name"])
            for row in csv.DictReader(handle)
            if row["adcode"].startswith(PROVINCE_CODE) and row["name"] != "市辖区"
        )
    prefectures = {code[:4]: name for code, name in rows if code[4:] == "00" and code[2:] != "0000"}
    places = [Place(name, None) for name in prefectures.values()]
    places += [
        Place(prefectures[code[:4]], name) for code, name in rows if code[4:] != "00" and code[:4] in prefectures
    ]
    return tuple(places)


@cache
def unit_names() -> tuple[tuple[str, Place], ...]:
    """Every unit the corpus may inspect: party departments and agencies of each place."""
    names = []
    for place in province_places():
        where = place.prefecture + (place.county or "")
        names += [(f"中共{where}委{dept}", place) for dept in PARTY_DEPARTMENTS]
        names += [(f"{where}{agency}", place) for agency in AGENCIES]
    return tuple(names)


def weighted(rng: random.Random, choices) -> str:
    values, weights = zip(*choices, strict=True)
    return rng.choices(values, weights)[0]


def cn(number: int) -> str:
    """1–99 in Chinese numerals, as headings print them."""
    if number <= 10:
        return CN_NUMBERS[number - 1]
    tens, ones = divmod(number, 10)
    return ("" if tens == 1 else CN_NUMBERS[tens - 1]) + "十" + (CN_NUMBERS[ones - 1] if ones else "")


def day(value: datetime.date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


@lru_cache(maxsize=4)
def _round_order(seed: int, round_number: int) -> tuple[int, ...]:
    order = list(range(len(unit_names())))
    random.Random(f"{seed}:round:{round_number}").shuffle(order)
    return tuple(order)


def slot(seed: int, index: int) -> tuple[str, Place, int]:
    """The unit report `index` is about, its place and the year of its inspection.

    Each round visits every unit once in a shuffled order, a year earlier than the round before,
    so no two reports share a unit and a year (which the loader would take as one inspection).
    """
    units = unit_names()
    round_number, position = divmod(index, len(units))
    unit, place = units[_round_order(seed, round_number)[position]]
    return unit, place, FIRST_YEAR + YEARS - 1 - (round_number % YEARS)


def compose_report(seed: int, index: int) -> str:
    """Return the text of report `index` of the corpus for `seed`."""
    pools = seed_pools()
    unit, place, year = slot(seed, index)
    rng = random.Random(f"{seed}:report:{index}")

    start = datetime.date(year, rng.randint(1, 9), rng.randint(1, 28))
    end = start + datetime.timedelta(days=rng.randint(25, 80))
    feedback = end + datetime.timedelta(days=rng.randint(15, 70))
    as_of = feedback + datetime.timedelta(days=rng.randint(60, 200))
    signed = as_of + datetime.timedelta(days=rng.randint(2, 30))
    short = unit.removeprefix("中共").replace(place.prefecture, "", 1) if place.county else unit.removeprefix("中共")
    owner = place.owner
    inspector = (
        f"{owner}第{cn(rng.randint(1, 8))}巡察组" if rng.random() < 0.8 else f"{owner}巡察{cn(rng.randint(1, 6))}组"
    )
    kind = weighted(rng, KINDS)
    kind_phrase = f"{rng.choice(FOCUSES)}专项巡察" if kind == "专项" else f"{kind}巡察"
    round_text = f"十{cn(rng.randint(2, 5))}届{owner}第{cn(rng.randint(1, 9))}轮" if rng.random() < 0.3 else owner

    categories = rng.sample(pools.categories, rng.randint(3, 6))
    issue_count = rng.randint(12, 28)
    issues_by_category = [[] for _ in categories]
    statuses = []
    for number in range(issue_count):
        issues_by_category[number % len(categories)].append(number)
    lines = [
        f"{unit}关于{round_text}巡察整改进展情况的通报",
        "",
        f"根据{owner}和{owner}巡察工作领导小组统一部署，{day(start)}至{day(end)}，{inspector}对{short}进行了"
        f"{kind_phrase}。{day(feedback)}，{inspector}向{short}反馈了巡察意见。按照《中国共产党巡视工作条例》"
        "有关要求，现将巡察整改进展情况予以公布。",
        "一、组织整改落实情况",
    ]
    for number, paragraph in enumerate(rng.sample(pools.leadership, 3), start=1):
        lines.append(f"（{cn(number)}）{paragraph}。")
    summary_at = len(lines)
    lines.append("二、集中整改期内整改进展情况")
    issue_number = 0
    for category_number, category in enumerate(categories, start=1):
        lines.append(f"（{cn(category_number)}）{category}")
        for _ in issues_by_category[category_number - 1]:
            issue_number += 1
            status = weighted(rng, STATUSES)
            statuses.append(status)
            statement = "。".join([rng.choice(pools.titles), *rng.sample(pools.sentences, rng.randint(0, 2))])
            measures = [_measure(rng, pools) for _ in range(rng.choice((2, 3, 4, 5, 5, 6, 6, 7, 8)))]
            lines.append(f"{issue_number}.问题{issue_number}:{statement}。")
            lines.append("整改情况:" + "".join(f"{cn(n)}是{text}。" for n, text in enumerate(measures, start=1)))
            lines.append(f"整改完成情况:{status}")
    completed = sum(s.endswith("已完成整改。") for s in statuses)
    partial = sum(s.startswith("阶段性") for s in statuses)
    lines.insert(
        summary_at,
        f"截至{day(as_of)}，巡察反馈的{issue_count}个问题，已完成整改{completed}个，阶段性完成整改{partial}个。",
    )
    lines += [
        "三、下一步工作打算",
        f"（一）{rng.choice(pools.leadership)}。",
        "欢迎广大干部群众对巡察整改落实情况进行监督。如有意见建议，请及时向我们反映。"
        f"联系电话：0{rng.randint(410, 429)}-{rng.randint(2000000, 8999999)}；"
        f"电子邮箱：xc{rng.randint(10000, 99999)}@163.com。",
        unit,
        day(signed),
    ]
    return "\n".join(lines) + "\n"


def _measure(rng: random.Random, pools: Pools) -> str:
    """One to three real measure sentences, their counts varied."""
    text = "。".join(rng.sample(pools.measures, rng.choice((1, 1, 2, 2, 3))))
    return COUNT.sub(lambda m: str(rng.randint(10 ** (len(m.group(1)) - 1), 10 ** len(m.group(1)) - 1)), text)


def _compose_and_parse(index: int, *, seed: int, write_dir: Path | None, parse: bool):
    """Report `index` composed (written to `write_dir` if given) and, if asked, parsed; with the time each took.

    Touches no database, so it can run in a worker process (rectify.importer.parallel).
    """
    from rectify.importer import parse_text

    clock = time.perf_counter()
    text = compose_report(seed, index)
    tick = time.perf_counter()
    if write_dir:
        (write_dir / source_name(seed, index)).write_text(text, encoding="utf-8")
    parsed = parse_text(text, name=source_name(seed, index)) if parse else None
    return parsed, tick - clock, time.perf_counter() - tick


def source_name(seed: int, index: int) -> str:
    return f"corpus-{seed}-{index:06d}.txt"


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class Command(BaseCommand):
    help = "生成可复现的基准测试语料（由种子报告的真实语句重组），经解析器和导入器写入数据库。"

    def add_arguments(self, parser):
        parser.add_argument("--reports", type=int, required=True, help="报告份数")
        parser.add_argument("--seed", type=int, default=1, help="随机种子：同一种子生成同样的数据")
        parser.add_argument("--start", type=int, default=0, help="从第几份开始（续建语料时用）")
        parser.add_argument("--write-dir", type=Path, help="只把报告文本写入该文件夹，不导入数据库")
        parser.add_argument("--dry-run", action="store_true", help="只生成和解析，不写数据库")
        parser.add_argument("--draft-share", type=float, default=0.02, help="导入为草稿（不公开）的比例")
        parser.add_argument(
            "--defer-index", action="store_true", help="暂停检索索引，全部写入后整体重建一次（建大语料时更快）"
        )
        parser.add_argument("--stats", type=Path, help="把用时、数量和内存峰值写成 JSON 文件（基准测试用）")
        parser.add_argument(
            "--jobs", type=int, help="生成和解析用的进程数（默认：每个空闲 CPU 一个；0 为在本进程内）。写入始终在本进程"
        )

    def handle(self, *args, **options):
        count, seed, first = options["reports"], options["seed"], options["start"]
        if count < 0 or first < 0:
            raise CommandError("--reports 和 --start 不能为负数")
        write_dir = options["write_dir"]
        if write_dir:
            write_dir.mkdir(parents=True, exist_ok=True)
        timings = {"compose": 0.0, "parse": 0.0, "load": 0.0, "index": 0.0}
        totals = {"created": 0, "issues": 0, "measures": 0, "other": 0}
        started, cpu_started = time.perf_counter(), time.process_time()
        done, interrupted = 0, False
        deferred = options["defer_index"] and not (options["dry_run"] or write_dir)
        indexes = range(first, first + count)
        # Reports are composed and parsed ahead in worker processes; each is stored here, in order.
        composed = ordered_map(
            partial(_compose_and_parse, seed=seed, write_dir=write_dir, parse=not write_dir),
            indexes,
            workers=worker_count(count, options["jobs"]),
        )
        with search_index.index_paused() if deferred else contextlib.nullcontext():
            try:
                for index, (parsed, compose_seconds, parse_seconds) in zip(
                    self._progress(indexes, options["verbosity"]), composed, strict=True
                ):
                    timings["compose"] += compose_seconds
                    timings["parse"] += parse_seconds
                    if parsed is not None:
                        self._store(index, seed, parsed, options, timings, totals)
                    done += 1
            except KeyboardInterrupt:
                # Each report is its own transaction: what was stored stays, and --start resumes after it.
                interrupted = True
            loaded = time.perf_counter()
        # The index rebuild (deferred) is part of loading: the corpus is searchable only after it.
        timings["index"] = time.perf_counter() - loaded
        timings["load"] += timings["index"]
        elapsed = time.perf_counter() - started
        self.last_run = {
            "reports": done,
            "seed": seed,
            "start": first,
            "interrupted": interrupted,
            "seconds": round(elapsed, 3),
            "cpu_seconds": round(time.process_time() - cpu_started, 3),
            "timings": {key: round(value, 3) for key, value in timings.items()},
            "totals": totals,
            "peak_memory_mb": round(peak_memory_mb(), 1),
        }
        if options["stats"]:
            options["stats"].write_text(json.dumps(self.last_run, indent=2), encoding="utf-8")
        count = done
        if interrupted:
            self.stderr.write(
                self.style.WARNING(f"已中断：写入了第 {first} 至第 {first + done - 1} 份，可用 --start 续建")
            )
        if options["verbosity"] >= 1:
            rate = lambda key: count / timings[key] if timings[key] else 0  # noqa: E731
            self.stdout.write(
                self.style.SUCCESS(
                    f"{count} 份报告（种子 {seed}）：新增 {totals['created']}，其他 {totals['other']}；"
                    f"问题 {totals['issues']}，措施 {totals['measures']}；用时 {elapsed:.1f} 秒"
                    f"（生成 {rate('compose'):.0f} 份/秒，解析 {rate('parse'):.0f} 份/秒，"
                    f"写入 {rate('load'):.0f} 份/秒）；内存峰值 {peak_memory_mb():.0f} MB"
                )
            )

    def _store(self, index: int, seed: int, parsed, options: dict, timings: dict, totals: dict) -> None:
        from rectify.importer import ImportFailure, import_parsed

        record = parsed.record
        totals["issues"] += len(record.issues)
        totals["measures"] += sum(len(issue.measures) for issue in record.issues)
        if options["dry_run"]:
            return
        tick = time.perf_counter()
        publish = random.Random(f"{seed}:publish:{index}").random() >= options["draft_share"]
        try:
            result = import_parsed(parsed, publish=publish)
        except ImportFailure as failure:
            raise CommandError(str(failure)) from failure
        timings["load"] += time.perf_counter() - tick
        totals["created" if result.outcome == "created" else "other"] += 1

    def _progress(self, indexes, verbosity):
        if verbosity < 1 or len(indexes) < 50:
            return indexes
        from tqdm import tqdm

        return tqdm(indexes, unit="份", file=self.stderr, desc="生成语料", mininterval=5)
