"""Regions from unit names: the lookup agrees with cpca's public transform, which it bypasses for speed."""

import cpca
import pytest

from rectify.importer.regions import describe_unit, locate

NAMES = [
    "中共东港市委宣传部",
    "中共益阳市赫山区委宣传部",
    "中共闽清县委宣传部",
    "中共韩城市委宣传部",
    "宽甸满族自治县融媒体中心",
    "沈阳市苏家屯区医疗保障局",
    "朝阳区卫生健康委员会",
    "辽宁省人民政府办公厅",
    "丹东市文旅广电局",
    "中共某某县委组织部",
    "县委宣传部",
    "ABC 123",
]


@pytest.mark.parametrize("name", NAMES)
def test_locate_agrees_with_cpca_transform(name):
    row = cpca.transform([name]).iloc[0]
    expected = tuple(value if isinstance(value, str) and value else None for value in (row["省"], row["市"], row["区"]))
    assert locate(name) == expected


def test_describe_unit_places_a_county_unit():
    unit = describe_unit("中共闽清县委宣传部")
    assert (unit.region, unit.level, unit.short_name) == ("福建省福州市闽清县", "county", "闽清县委宣传部")
