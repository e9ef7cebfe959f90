"""Where a unit sits: province, prefecture and county from its name (cpca's gazetteer)."""

from __future__ import annotations

from functools import lru_cache

from rectify.chinese import to_simplified

from .records import UnitRecord


@lru_cache(maxsize=4096)
def locate(name: str) -> tuple[str | None, str | None, str | None]:
    """Return (province, prefecture, county) named in `name`, each None where absent."""
    import cpca  # imported late: it loads its gazetteer

    # cpca's public call. Its pandas DataFrame costs more than the lookup inside it (some 2 ms a
    # name), paid once per distinct unit name thanks to the cache above.
    row = cpca.transform([to_simplified(name)]).iloc[0]
    return tuple(value if isinstance(value, str) and value else None for value in (row["省"], row["市"], row["区"]))


def level_of(province: str | None, prefecture: str | None, county: str | None) -> str | None:
    if county:
        if county.endswith("区"):
            return "district"
        if county.endswith("市"):
            return "county_city"
        return "county"
    if prefecture:
        return "prefecture"
    return "province" if province else None


def describe_unit(
    name: str | None, sub_units: tuple[str, ...] = (), *, named_as: str | None = None, lines: dict | None = None
) -> UnitRecord:
    """Complete a unit's full name with its short name, region and level."""
    lines = lines or {}
    if not name:
        return UnitRecord(name=None, sub_units=sub_units, named_as=named_as, lines=lines)
    province, prefecture, county = locate(name)
    short = name.removeprefix("中共")
    if prefecture and county and f"{prefecture}{county}" in short:
        short = short.replace(f"{prefecture}{county}", county, 1)
    elif prefecture and county and short.startswith(prefecture):
        short = short[len(prefecture) :]
    region = "".join(part for part in (province, prefecture, county) if part) or None
    return UnitRecord(
        name=name,
        short_name=short,
        region=region,
        level=level_of(province, prefecture, county),
        sub_units=sub_units,
        named_as=named_as,
        lines=lines,
    )
