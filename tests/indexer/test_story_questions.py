"""A question told as a story ("我在厂里干了五年，老板拖欠了两个月工资……能多拿多少？") asks in its last clause; the
scene holds most of its words. The asked value is found in a provision that shares the asking clause's
terms, as it is for a question without a story; a value nobody states is still not found. On a real
national regulation (tests/data/real) beside the seeds, with questions written for this test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR

INSPECTION = "guowuyuan_laodong_baozhang_jiancha_tiaoli_2004_ling423.md"


@pytest.fixture(scope="module")
def inspection_desk(built_home: Path, tmp_path_factory: pytest.TempPathFactory) -> Desk:
    home = tmp_path_factory.mktemp("inspection") / "home"
    shutil.copytree(built_home, home, symlinks=True)
    desk = Desk(Settings(home=home))
    desk.add_files([REAL_DIR / INSPECTION])
    return desk


@pytest.mark.parametrize(
    ("question", "locator", "value"),
    [
        (
            "我们车间的人每天都被留下来干到很晚，周末也不让休息，劳动监察能罚单位多少钱？",
            "第二十五条",
            "100元以上500元以下",
        ),
        ("老板让我们每天干十二个小时还不给加班费，劳动监察能按每人罚多少？", "第二十五条", "100元以上500元以下"),
        (
            "我媳妇在厂里干了三年，怀孕七个多月了还被安排上夜班，劳动监察能罚多少？",
            "第二十三条",
            "1000元以上5000元以下",
        ),
        (
            "我在这家厂干了五六年了，老板拖欠了我们两个月工资，监察部门责令他限期支付他还是不给，我们能多拿到多少？",
            "第二十六条",
            "50%以上1倍以下",
        ),
    ],
)
def test_the_asking_clause_finds_the_value(inspection_desk: Desk, question: str, locator: str, value: str) -> None:
    answer = inspection_desk.ask(question)
    assert answer.found, answer.answer
    first = answer.citations[0]
    assert first.doc_title == "劳动保障监察条例" and first.locator.startswith(locator)
    assert value in " ".join(c.quote for c in answer.citations)


def test_a_story_does_not_make_an_unstated_value_found(inspection_desk: Desk) -> None:
    answer = inspection_desk.ask("我在厂里干了三年，一直想知道，劳动保障监察员一个月工资有多少钱？")
    assert not answer.found
