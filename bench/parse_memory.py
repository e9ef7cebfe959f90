"""Peak memory and time of parse_report on one generated report with many problems.

    .venv/bin/python -m bench.parse_memory [--problems 8000]

A county's whole-term ledger runs to thousands of problems in one file (numbered past 999). This
prints the file's size, the problems read, the peak of memory Python allocated while parsing
(tracemalloc, after the gazetteer and OpenCC are loaded) against the file's size, and what the
returned record keeps; run it at several sizes to see the peak grow in step with the file.
"""

import argparse
import gc
import time
import tracemalloc

HEAD = (
    "中共某某县委关于十四届县委巡察整改进展情况的通报\n"
    "根据县委统一部署，2023年3月1日至4月30日，县委第一巡察组对某某县进行了常规巡察。"
    "2023年6月2日，县委第一巡察组反馈了巡察意见。现将整改进展情况予以公布。\n"
    "一、组织整改落实情况\n"
    "县委高度重视巡察整改工作，成立了整改工作领导小组。\n"
    "二、反馈问题整改情况\n"
)


def big_report(problems: int, per_category: int = 100) -> str:
    """A report of `problems` numbered problems, each with a statement, measures and a status line."""
    lines = [HEAD]
    for number in range(1, problems + 1):
        if number % per_category == 1:
            lines.append(f"（{_cn(number // per_category + 1)}）第{number // per_category + 1}类问题方面\n")
        lines.append(f"{number}.第{number}项问题：会议记录不规范，学习计划执行不到位。\n")
        lines.append(
            f"整改情况：一是已于2023年7月{number % 28 + 1}日修订会议制度；二是将于年底前完成第{number}次专题培训。\n"
        )
        lines.append("整改完成情况：已完成整改。\n" if number % 3 else "整改完成情况：正在整改。\n")
    return "".join(lines)


def _cn(value: int) -> str:
    import cn2an

    return cn2an.an2cn(value)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=8000)
    args = parser.parse_args()
    from rectify.importer import parse_text

    parse_text(big_report(10), name="warm-up.txt")  # load the gazetteer and OpenCC once, as a running importer has
    text = big_report(args.problems)
    gc.collect()
    tracemalloc.start()
    started = time.perf_counter()
    record = parse_text(text, name="big.txt").record
    elapsed = time.perf_counter() - started
    retained, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"text: {len(text):,} characters, {text.count(chr(10)):,} lines")
    print(f"problems read: {len(record.issues):,}; last number {record.issues[-1].number}")
    print(f"warnings: {sorted({w.code for w in record.warnings})}")
    print(f"parse: {elapsed:.1f} s (under tracemalloc, slower than plain)")
    size = len(text.encode("utf-8"))
    print(f"file size (UTF-8): {size / 2**20:.1f} MiB")
    print(
        f"peak traced memory: {peak / 2**20:.1f} MiB ({peak / size:.0f}x the file); "
        f"the record keeps {retained / 2**20:.1f} MiB"
    )


if __name__ == "__main__":
    main()
