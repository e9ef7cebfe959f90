"""The fixed requests every run times: search terms of one to six characters, and list filters."""

from __future__ import annotations

import itertools
import random

# Six terms per length: common to rare, and one that matches nothing (the costliest for a scan).
SEARCH_TERMS: dict[int, tuple[str, ...]] = {
    1: ("补", "党", "车", "档", "费", "龘"),
    2: ("补助", "公款", "档案", "培训", "车辆", "鑫淼"),
    3: ("公众号", "融媒体", "慰问费", "招投标", "驾驶员", "霹雳舞"),
    4: ("意识形态", "三重一大", "第一议题", "固定资产", "扫黑除恶", "量子纠缠"),
    5: ("中心组学习", "新时代文明", "民主生活会", "政务公众号", "巡察整改方", "火星移民站"),
    6: ("意识形态工作", "党风廉政建设", "理论学习中心", "中央八项规定", "固定资产管理", "星际旅行指南"),
}
ALL_TERMS: tuple[str, ...] = tuple(term for terms in SEARCH_TERMS.values() for term in terms)

STATUSES = ("completed", "partial", "in_progress", "not_started", "open")
OPEN_STATUSES = ("partial", "in_progress", "not_started")
LEVELS = ("district", "county", "county_city", "prefecture")
YEARS = ("2021", "2022", "2023", "2024", "2025")
KINDS = ("常规巡察", "专项巡察", "提级巡察")
PREFECTURES = ("辽宁省沈阳市", "辽宁省大连市", "辽宁省鞍山市", "辽宁省丹东市", "辽宁省锦州市", "辽宁省铁岭市")
# The five filters whose counts a list page shows beside the rows.
FACETS = ("status", "level", "region", "kind", "year")


def list_filters(count: int = 32) -> list[dict[str, str]]:
    """`count` query strings for the problem list, each with exactly three filters, all different."""
    axes = {
        "status": STATUSES,
        "level": LEVELS,
        "year": YEARS,
        "kind": KINDS,
        "region": PREFECTURES,
    }
    triples = list(itertools.combinations(axes, 3))
    rng = random.Random(0)
    combos: dict[tuple, dict[str, str]] = {}
    index = 0
    while len(combos) < count:
        names = triples[index % len(triples)]
        combo = {name: rng.choice(axes[name]) for name in names}
        combos.setdefault(tuple(sorted(combo.items())), combo)
        index += 1
    return list(combos.values())


def datasette_params(filters: dict[str, str]) -> dict[str, str]:
    """The same filters in Datasette's column-filter syntax, over the view bench_issue_list."""
    params = {}
    for name, value in filters.items():
        if name == "status" and value == "open":
            params["status__in"] = ",".join(OPEN_STATUSES)
        elif name == "region":
            params["region__startswith"] = value
        else:
            params[name] = value
    return params
