"""Competition rules against 云职创〔2019〕3号 第八条、第十二条、第十六条、第十八条、第十九条."""

from __future__ import annotations

import pytest

from core.errors import InvalidInput
from rules import evaluate_rule


def _locators(out) -> list[str]:
    return [c.locator for c in out.citations]


def test_provincial_first_place_is_champion_with_bonus_medal_and_technician() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 1, "trade": "焊工"})
    assert out.outputs["title"] == "云南省焊工技术状元"
    assert out.outputs["bonus_yuan"] == 10000
    assert out.outputs["wuyi_medal"]["eligible"] is True
    assert out.outputs["qualification_promotion"] == "直接晋升技师职业资格"
    assert {"第十八条（一）", "第十八条（二）", "第十七条（六）"} <= set(_locators(out))
    assert "10000元" in out.explanation


@pytest.mark.parametrize(
    ("rank", "current", "title", "bonus", "promotion"),
    [
        (1, "技师", "技术状元", 10000, "可晋升高级技师职业资格"),
        (2, "无", "技术能手", 2000, "可破格晋升技师职业资格"),
        (3, "技师", "技术能手", 2000, "可晋升高级技师职业资格"),
        (4, "无", "技术能手", 2000, "可直接晋升高级工职业资格"),
        (10, "高级工", "技术能手", 2000, "可晋升技师职业资格"),
    ],
)
def test_provincial_titles_bonuses_and_promotions_by_rank(
    rank: int, current: str, title: str, bonus: int, promotion: str
) -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": rank, "current_qualification": current})
    assert out.outputs["title"].endswith(title)
    assert out.outputs["bonus_yuan"] == bonus
    assert out.outputs["qualification_promotion"] == promotion


def test_provincial_second_place_gets_no_medal_under_article_18() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 2})
    assert out.outputs["wuyi_medal"]["eligible"] is False
    assert "第十七条（六）" not in _locators(out)


def test_provincial_eleventh_place_is_left_to_the_organiser() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 11})
    assert out.outputs["title"] is None and out.outputs["bonus_yuan"] == 0
    assert out.outputs["qualification_promotion"] is None
    assert _locators(out)[-1] == "第十八条（三）"


def test_public_servants_keep_the_title_but_not_the_promotion() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 1, "promotion_excluded": True})
    assert out.outputs["bonus_yuan"] == 10000
    assert out.outputs["qualification_promotion"] is None
    assert "不适用职业资格晋升" in out.explanation


def test_a_previous_model_worker_gets_no_second_medal() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 1, "already_honoured": True})
    assert out.outputs["wuyi_medal"]["eligible"] is False
    assert "第九条" in _locators(out)


def test_unstated_promotion_is_reported_not_invented() -> None:
    out = evaluate_rule("provincial_skills_award", {"rank": 5, "current_qualification": "技师"})
    assert out.outputs["qualification_promotion"] is None
    assert "未规定" in out.outputs["qualification_note"]


@pytest.mark.parametrize(
    ("rank", "bonus"),
    [(1, 20000), (2, 10000), (3, 8000), (4, 5000), (5, 3000), (6, 2000), (10, 2000), (11, 1000), (20, 1000), (21, 0)],
)
def test_national_bonus_table(rank: int, bonus: int) -> None:
    out = evaluate_rule("national_skills_award", {"rank": rank})
    assert out.outputs["bonus_yuan"] == bonus
    assert (out.outputs["title"] is not None) == (rank <= 20)


def test_composite_is_three_to_seven_and_ties_go_to_practice() -> None:
    out = evaluate_rule(
        "competition_composite_score",
        {
            "competitors": [
                {"name": "甲", "theory": 90, "practice": 80},  # 83
                {"name": "乙", "theory": 76, "practice": 86},  # 83, better practice
                {"name": "丙", "theory": 100, "practice": 70},  # 79
            ]
        },
    )
    ranking = out.outputs["ranking"]
    assert [r["name"] for r in ranking] == ["乙", "甲", "丙"]
    assert [r["composite"] for r in ranking] == [83.0, 83.0, 79.0]
    assert [r["rank"] for r in ranking] == [1, 2, 3]
    assert "以实际操作成绩高者居前" in out.explanation


def test_composite_is_exact_not_rounded_into_a_tie() -> None:
    out = evaluate_rule(
        "competition_composite_score",
        {
            "competitors": [
                {"name": "甲", "theory": 90, "practice": 80},
                {"name": "乙", "theory": 80, "practice": 84.29},  # 83.003
            ]
        },
    )
    assert [r["name"] for r in out.outputs["ranking"]] == ["乙", "甲"]
    assert "居前" not in out.explanation


def test_identical_scores_share_a_rank_and_say_the_article_is_silent() -> None:
    out = evaluate_rule(
        "competition_composite_score",
        {"competitors": [{"name": "甲", "theory": 80, "practice": 80}, {"name": "乙", "theory": 80, "practice": 80}]},
    )
    assert [r["rank"] for r in out.outputs["ranking"]] == [1, 1]
    assert "未规定" in out.explanation


def test_scores_above_100_are_rejected_with_the_field_named() -> None:
    with pytest.raises(InvalidInput, match=r"competitors\[0\]\.practice"):
        evaluate_rule("competition_composite_score", {"competitors": [{"name": "甲", "theory": 90, "practice": 101}]})


def test_entry_requirements() -> None:
    out = evaluate_rule(
        "competition_entry_requirements",
        {
            "initial_entrants": 29,
            "finalists": 30,
            "teams": [
                {"leaders": 1, "technical_advisers": 1, "contestants": 5},
                {"name": "二队", "leaders": 1, "technical_advisers": 2, "contestants": 3},
            ],
        },
    )
    oks = [c["ok"] for c in out.outputs["checks"]]
    assert oks == [False, True, True, False]
    assert out.outputs["ok"] is False


def test_rare_trades_are_exempt_from_the_thirty_finalists() -> None:
    out = evaluate_rule("competition_entry_requirements", {"finalists": 12, "rare_trade": True})
    assert out.outputs["ok"] is True


def test_a_champion_may_only_re_enter_the_national_selection() -> None:
    assert not evaluate_rule("competition_entry_requirements", {"previous_champion": True}).outputs["ok"]
    assert evaluate_rule(
        "competition_entry_requirements", {"previous_champion": True, "national_selection": True}
    ).outputs["ok"]
