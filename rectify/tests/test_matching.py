"""Matching problems and measures across successive reports: pure functions, no database."""

from rectify.importer.matching import CERTAIN, ProblemText, match_problems, match_texts, problem_score

SUBSIDY = ProblemText(
    key="问题9",
    number="问题9",
    category="财务管理有待加强",
    title="重复发放伙食补助",
    description="重复发放伙食补助。2021年已按标准发放驻村帮扶工作人员生活补助，同时重复发放食堂餐补4800元。",
    measures=("重复发放的补助4800元已于2024年11月上缴至区纪委。",),
)
FEES = ProblemText(
    key="问题10",
    number="问题10",
    category="财务管理有待加强",
    title="违规发放记者节慰问费",
    description="违规发放记者节慰问费。2022年无政策文件给5名干职工发放记者节慰问费共计5000元。",
    measures=("违规发放的记者节慰问费已于2024年11月上缴至区纪委。",),
)
LIBRARY = ProblemText(
    key="问题7",
    number="问题7",
    category="阵地建设管理有待加强",
    title="公共文化服务能力有提升空间",
    description="公共文化服务能力有提升空间。乡镇公共图书馆使用率、覆盖率不高，部分分馆未实现通借通还。",
)


def renumbered(problem: ProblemText, number: int, **changes) -> ProblemText:
    values = {**vars(problem), "key": f"问题{number}", "number": f"问题{number}", **changes}
    return ProblemText(**values)


def test_identical_problems_pair_with_certainty():
    pairs = match_problems([SUBSIDY, FEES, LIBRARY], [SUBSIDY, FEES, LIBRARY])
    assert [(p.newer, p.held, p.certain) for p in pairs] == [(0, 0, True), (1, 1, True), (2, 2, True)]


def test_renumbered_and_reordered_problems_pair_by_their_words():
    newer = [renumbered(LIBRARY, 1), renumbered(FEES, 2), renumbered(SUBSIDY, 3)]
    pairs = match_problems([SUBSIDY, FEES, LIBRARY], newer)
    assert [(p.newer, p.held) for p in pairs] == [(0, 2), (1, 1), (2, 0)]
    assert all(p.certain for p in pairs)


def test_a_lightly_reworded_title_is_still_the_same_problem():
    reworded = renumbered(LIBRARY, 7, title="公共文化服务能力仍有较大提升空间")
    assert problem_score(reworded, LIBRARY) >= CERTAIN


def test_a_number_reused_for_another_problem_is_not_merged():
    # The later report dropped 问题9 (finished) and numbers the fees problem 问题9.
    newer = [renumbered(FEES, 9)]
    pairs = match_problems([SUBSIDY, FEES], newer)
    assert [(p.newer, p.held) for p in pairs] == [(0, 1)]
    other = renumbered(LIBRARY, 9, category="财务管理有待加强")
    assert match_problems([SUBSIDY], [other]) == []


def test_a_problem_the_report_calls_newly_found_is_new_even_with_the_same_words():
    newly = renumbered(SUBSIDY, 1, category="巡察反馈后新发现的问题")
    assert match_problems([SUBSIDY], [newly]) == []


def test_staff_decisions_override_the_scores():
    far = renumbered(LIBRARY, 1, title="图书馆", description="图书馆。")
    assert match_problems([LIBRARY], [far]) == []
    (pair,) = match_problems([LIBRARY], [far], confirmed={"问题1": 0})
    assert (pair.held, pair.certain) == (0, True)
    assert match_problems([LIBRARY], [LIBRARY], split={("问题7", 0)}) == []


def test_measures_pair_by_words_not_position():
    held = ["召开专题会议研究部署整改", "重复发放的补助4800元已上缴", "建立长效机制"]
    newer = ["建立健全长效机制", "召开专题会议研究部署整改工作", "全面排查同类问题"]
    assert match_texts(held, newer) == {0: 2, 1: 0}
