"""Turn one run's JSON into the Markdown table printed at the end and kept in bench/README.md."""

from __future__ import annotations

import re
from pathlib import Path

from bench.common import ROOT

README = ROOT / "bench" / "README.md"


def _ms(section: dict | None, key: str) -> str:
    if not section:
        return "—"
    if "missing" in section:
        return "missing"
    if "error" in section:
        return "error"
    value = section.get(key)
    return "—" if value is None else f"{value:,.1f}"


def _ratio(baseline: dict | None, ours: dict | None, key: str = "p50") -> str:
    try:
        return f"{baseline[key] / ours[key]:.1f}×"
    except (KeyError, TypeError, ZeroDivisionError):
        return "—"


def _verdict(ok: bool | None) -> str:
    return "—" if ok is None else ("yes" if ok else "**no**")


def _under(section: dict | None, key: str, limit: float) -> bool | None:
    if not section or key not in section:
        return None
    return section[key] <= limit


def rows(result: dict) -> list[list[str]]:
    sections = result["sections"]
    vendor = result["database"]["vendor"]
    targets = result["targets"]
    search_limit = targets["search_p95_ms"].get(vendor, 100)
    out = []
    search = sections.get("search", {})
    datasette = sections.get("datasette", {})
    for kind, label in (
        ("issues", "Search problems (count + 20, newest report first)"),
        ("measures", "Search measures (count + 20; no index of their own: see README)"),
    ):
        part = search.get(kind)
        if not part:
            out.append([label, _ms(search, "p50"), _ms(search, "p95"), "icontains", "—", "—", "—", "—"])
            continue
        ours, base = part["rectify"], part["icontains"]
        speedup = base["p50"] / ours["p50"] if ours.get("p50") else None
        ok = ours["p95"] <= search_limit and speedup is not None and speedup >= targets["search_speedup_p50"]
        target = f"p95 ≤ {search_limit} ms, ≥ {targets['search_speedup_p50']}×" if kind == "issues" else "—"
        out.append(
            [
                label,
                _ms(ours, "p50"),
                _ms(ours, "p95"),
                "Django icontains",
                _ms(base, "p50"),
                _ratio(base, ours),
                target,
                _verdict(ok) if kind == "issues" else "—",
            ]
        )
        if kind == "issues":
            for length, figures in ours["by_length"].items():
                base_length = base["by_length"][length]
                out.append(
                    [
                        f"  … {length}-character terms",
                        _ms(figures, "p50"),
                        _ms(figures, "p95"),
                        "Django icontains",
                        _ms(base_length, "p50"),
                        _ratio(base_length, figures),
                        f"p95 ≤ {search_limit} ms",
                        _verdict(_under(figures, "p95", search_limit)),
                    ]
                )
            if part.get("count_mismatches"):
                mismatched = f"  … counts differ from icontains for {len(part['count_mismatches'])} terms"
                out.append([mismatched, "", "", "", "", "", "none differ", "**no**"])
    if "search_json" in datasette:
        ours = (search.get("issues") or {}).get("rectify")
        ours_counts = (search.get("issues") or {}).get("counts", {})
        differ = [t for t, n in datasette.get("search_counts", {}).items() if ours_counts and ours_counts.get(t) != n]
        out.append(
            [
                "Search problems vs Datasette _search (HTTP, JSON)",
                _ms(ours, "p50"),
                _ms(ours, "p95"),
                "Datasette FTS5 trigram",
                _ms(datasette["search_json"], "p50"),
                _ratio(datasette["search_json"], ours),
                "faster",
                _verdict(bool(ours) and datasette["search_json"]["p50"] > ours["p50"]),
            ]
        )
        if differ:
            out.append(
                [f"  … Datasette finds other counts for {len(differ)} terms ({'、'.join(differ[:8])}…)"]
                + [""] * (len(HEADER) - 1)
            )
    page = sections.get("search_page", {})
    out.append(
        [
            "Search page /search/ (server time)",
            _ms(page, "p50"),
            _ms(page, "p95"),
            "Datasette _search",
            _ms(datasette.get("search_json"), "p50"),
            _ratio(datasette.get("search_json"), page if "p50" in page else None),
            f"p95 ≤ {search_limit} ms",
            _verdict(_under(page, "p95", search_limit)),
        ]
    )
    listing = sections.get("list", {})
    orm = listing.get("orm") if "orm" in listing else listing
    out.append(
        [
            "Problem list: 3 filters + 5 facets (ORM)",
            _ms(orm, "p50"),
            _ms(orm, "p95"),
            "Datasette facets (HTTP, JSON)",
            _ms(datasette.get("list_json"), "p50"),
            _ratio(datasette.get("list_json"), orm if orm and "p50" in orm else None),
            f"p95 ≤ {targets['list_p95_ms']} ms, faster",
            _verdict(_under(orm, "p95", targets["list_p95_ms"])),
        ]
    )
    list_page = sections.get("list_page", {})
    out.append(
        [
            "Problem list page /problems/ (server time)",
            _ms(list_page, "p50"),
            _ms(list_page, "p95"),
            "Datasette facet page (HTTP, HTML)",
            _ms(datasette.get("list_html"), "p50"),
            _ratio(datasette.get("list_html"), list_page if "p50" in list_page else None),
            f"p95 ≤ {targets['list_p95_ms']} ms, faster",
            _verdict(_under(list_page, "p95", targets["list_p95_ms"])),
        ]
    )
    for key, label in (("cached", "facets cached (same filters again)"), ("unfiltered", "no filter, cache emptied")):
        if key in list_page:
            out.append(
                [f"  … {label}", _ms(list_page[key], "p50"), _ms(list_page[key], "p95")] + ["—"] * (len(HEADER) - 3)
            )
    ours_list_counts, their_list_counts = listing.get("counts"), datasette.get("list_counts")
    if ours_list_counts and their_list_counts and ours_list_counts != their_list_counts:
        differ = sum(a != b for a, b in zip(ours_list_counts, their_list_counts, strict=False))
        out.append([f"  … Datasette list counts differ for {differ} filter sets"] + [""] * (len(HEADER) - 1))
    http = sections.get("http", {})
    for name, label, baseline, limit in (
        ("list", "Problem list page over HTTP (gunicorn, 1 worker)", "list_html", targets["list_p95_ms"]),
        ("search", "Search page over HTTP (gunicorn, 1 worker)", "search_json", search_limit),
    ):
        figures = http.get(name) if "missing" not in http and "error" not in http else http
        out.append(
            [
                label,
                _ms(figures, "p50"),
                _ms(figures, "p95"),
                f"Datasette {baseline.replace('_', ' ')}",
                _ms(datasette.get(baseline), "p50"),
                _ratio(datasette.get(baseline), figures if figures and "p50" in figures else None),
                f"p95 ≤ {limit} ms, faster",
                _verdict(
                    None
                    if not figures or "p50" not in figures or baseline not in datasette
                    else figures["p50"] < datasette[baseline]["p50"] and figures["p95"] <= limit
                ),
            ]
        )
    pages = sections.get("pages", {})
    report = pages.get("report_largest")
    if report:
        constant = report["queries"] == report["queries_smallest"]
        out.append(
            [
                f"Largest report page ({report['measures']} measures; {report['queries']} queries, "
                f"smallest {report['queries_smallest']})",
                _ms(report, "p50"),
                _ms(report, "p95"),
                "target",
                f"{targets['report_p95_ms']}",
                f"{targets['report_p95_ms'] / report['p95']:.1f}×" if report.get("p95") else "—",
                f"≤ {targets['report_p95_ms']} ms, constant queries",
                _verdict(report["p95"] <= targets["report_p95_ms"] and constant),
            ]
        )
    for name, label in (("home", "Home page, cache emptied"), ("unit_busiest", "Unit page (most reports)")):
        if name in pages:
            figures = pages[name]
            out.append(
                [f"{label} ({figures['queries']} queries)", _ms(figures, "p50"), _ms(figures, "p95")] + ["—"] * 5
            )
            if name == "home" and "cached" in figures:
                cached = figures["cached"]
                out.append(["  … totals cached", _ms(cached, "p50"), _ms(cached, "p95")] + ["—"] * 5)
    imports = sections.get("import", {})
    if "parse" in imports:
        for key, label, target in (
            ("parse", "Parse (reports/s, one core)", targets["parse_per_second"]),
            ("load", f"Load into {vendor} (reports/s, in one rolled-back transaction)", targets["load_per_second"]),
        ):
            rate = imports[key]["reports_per_second"]
            cpu_rate = imports[key].get("reports_per_cpu_second")
            out.append(
                [
                    f"{label}: {rate} (per CPU second: {cpu_rate})",
                    _ms(imports[key], "p50"),
                    _ms(imports[key], "p95"),
                    "target",
                    f"{target}/s",
                    f"{rate / target:.2f}×",
                    f"≥ {target}/s",
                    _verdict(rate >= target),
                ]
            )
    corpus = sections.get("corpus", {})
    build = corpus if corpus.get("built_now") else (corpus.get("previous_build") or {})
    if build.get("seconds"):
        count = build["reports"]
        rate = count / build["seconds"]
        load_rate = count / build["timings"]["load"] if build["timings"].get("load") else 0
        cpu = f"; {count / build['cpu_seconds']:.1f} per CPU second" if build.get("cpu_seconds") else ""
        index = build["timings"].get("index")
        deferred = f"; search index rebuilt once at the end in {index:.0f} s" if index else ""
        out.append(
            [
                f"Corpus build: {count} reports in {build['seconds']:.0f} s "
                f"({rate:.1f}/s{cpu}; loader alone {load_rate:.1f}/s{deferred}; "
                f"peak {build['peak_memory_mb']:.0f} MB)",
                "",
                "",
                "target",
                "10,000 in 240 s",
                f"{rate / (10000 / 240):.2f}×",
                "≥ 41.7 reports/s",
                _verdict(rate >= 10000 / 240),
            ]
        )
    return out


HEADER = ["Figure", "ours p50 ms", "ours p95 ms", "baseline", "baseline p50", "baseline ÷ ours", "target", "meets"]


def render_table(result: dict) -> str:
    machine, corpus, database = result["machine"], result["corpus"], result["database"]
    lines = [
        f"**{result['label']} run, {database['vendor']}** — {machine['date']}, commit {machine['commit']}; "
        f"{machine['cpu']} ×{machine['cores']}, {machine['memory_gb']} GB, load average at start "
        f"{machine['load_average'][0]}; Python {machine['python']}, Django {machine['django']}, "
        f"SQLite {machine['sqlite']}.",
        f"Corpus: {corpus['reports']:,} reports, {corpus['issues']:,} problems, {corpus['measures']:,} measures, "
        f"{corpus['units']:,} units"
        + (f"; database {database['size_mb']:,} MB." if "size_mb" in database else ".")
        + (
            f" {database['server']}, shared_buffers {database['shared_buffers']}"
            f" (search table {database['search_heap']})."
            if "shared_buffers" in database
            else ""
        ),
        "",
        "| " + " | ".join(HEADER) + " |",
        "|" + "---|" * len(HEADER),
    ]
    lines += ["| " + " | ".join(row) + " |" for row in rows(result)]
    return "\n".join(lines)


def update_readme(result: dict, table: str, json_path: Path) -> None:
    """Replace this label's and vendor's block in bench/README.md (append it the first time)."""
    key = f"{result['label']}-{result['database']['vendor']}"
    start, end = f"<!-- results:{key}:start -->", f"<!-- results:{key}:end -->"
    block = f"{start}\n{table}\n\nRaw figures: `{json_path.relative_to(ROOT)}`\n{end}"
    text = README.read_text(encoding="utf-8") if README.exists() else "# Benchmarks\n"
    pattern = re.compile(re.escape(start) + ".*?" + re.escape(end), re.S)
    text = pattern.sub(lambda _: block, text) if pattern.search(text) else text.rstrip() + "\n\n" + block + "\n"
    README.write_text(text, encoding="utf-8")
