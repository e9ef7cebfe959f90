"""Regions from unit names, through cpca's gazetteer."""

import pytest

from rectify.importer.regions import describe_unit, locate

# What cpca 0.5.5 makes of each name (a county-level city, an autonomous county, a district named in
# more than one province, a name with no place, ...): a change of cpca shows here.
PLACES = {
    "中共东港市委宣传部": ("辽宁省", "丹东市", "东港市"),
    "中共益阳市赫山区委宣传部": ("湖南省", "益阳市", "赫山区"),
    "中共闽清县委宣传部": ("福建省", "福州市", "闽清县"),
    "中共韩城市委宣传部": ("陕西省", "渭南市", "韩城市"),
    "宽甸满族自治县融媒体中心": ("辽宁省", "丹东市", "宽甸满族自治县"),
    "沈阳市苏家屯区医疗保障局": ("辽宁省", "沈阳市", "苏家屯区"),
    "朝阳区卫生健康委员会": ("吉林省", "长春市", "朝阳区"),
    "辽宁省人民政府办公厅": ("辽宁省", None, None),
    "丹东市文旅广电局": ("辽宁省", "丹东市", None),
    "ABC 123": (None, None, None),
    # No place named: cpca reads a bare 县 as the county level of Chongqing (its gazetteer's quirk).
    "中共某某县委组织部": ("重庆市", "县", None),
    "县委宣传部": ("重庆市", "县", None),
}


@pytest.mark.parametrize(("name", "place"), PLACES.items())
def test_locate_names_province_prefecture_and_county(name, place):
    assert locate(name) == place


def test_locate_reads_traditional_characters_as_simplified():
    assert locate("中共閩清縣委宣傳部") == ("福建省", "福州市", "闽清县")


def test_describe_unit_places_a_county_unit():
    unit = describe_unit("中共闽清县委宣传部")
    assert (unit.region, unit.level, unit.short_name) == ("福建省福州市闽清县", "county", "闽清县委宣传部")
