"""Unit names as reports print them, made unique across the archive."""

from __future__ import annotations

LOCAL_LEVEL_CHARS = "省市县区旗"


def qualify_unit_name(name: str, place: str | None) -> str:
    """Turn a name printed relative to its county ("县融媒体中心") into one unique in the archive.

    "县融媒体中心" in 闽清县 → "闽清县融媒体中心"; "驻县委宣传部纪检监察组" → "驻闽清县委宣传部纪检监察组";
    a name with no place in front ("社科联") gets the county in front ("闽清县社科联").
    """
    if not place:
        return name
    prefix = ""
    if name.startswith("驻"):
        prefix, name = "驻", name[1:]
    if name.startswith(place):
        return prefix + name
    if name[0] in LOCAL_LEVEL_CHARS and place.endswith(name[0]):
        return prefix + place[:-1] + name
    if name[0] in LOCAL_LEVEL_CHARS:
        # A unit of another level ("市文旅广电局" named in a county report): keep it as printed.
        return prefix + name
    return prefix + place + name
