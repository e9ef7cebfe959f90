"""search.folding.fold: its quick paths give what the folding table gives, character by character."""

from hypothesis import given
from hypothesis import strategies as st

from rectify.search import folding

# Text of the kinds fold tells apart: plain simplified Chinese and ASCII (nothing to fold), ASCII
# capitals (the quick path), and traditional or full-width characters (the whole table).
PIECES = st.sampled_from(["巡察整改", "问题", "APP", "PPT", "abc", "2024", "黨組", "２０", "Ｘ", "責任", " ", "，"])
MIXED = st.lists(PIECES, max_size=12).map("".join)


def by_the_table(text: str) -> str:
    return text.translate(folding.FOLDING)


@given(MIXED)
def test_fold_equals_the_folding_table(text):
    assert folding.fold(text) == by_the_table(text)


@given(st.text(max_size=40))
def test_fold_equals_the_folding_table_on_any_text(text):
    assert folding.fold(text) == by_the_table(text)


def test_each_path_is_taken_and_keeps_the_length():
    for text, folded in [("整改到位", "整改到位"), ("停用APP客户端", "停用app客户端"), ("黨組ＡＰＰ", "党组app")]:
        assert folding.fold(text) == folded == by_the_table(text)
        assert len(folding.fold(text)) == len(text)
