"""Profiles: locale and phrasing knowledge is data. The kinds of answer a question asks for and what in a
text counts as holding one, the administrative levels, inheritance, and clear errors for bad files."""

from __future__ import annotations

import ast
import json
import re
import tomllib
from pathlib import Path

import pytest

from core.errors import InvalidInput
from core.profile import load_profile

ROOT = Path(__file__).resolve().parents[2]
YUNNAN = load_profile("yunnan")
NEUTRAL = load_profile("neutral")


def kind(question: str) -> str | None:
    asked = YUNNAN.answer_kind(question)
    return asked.name if asked else None


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("示范点选的是哪几个地方和企业？", "organisation"),
        ("一年最多评多少个？", "quantity"),
        ("对参赛覆盖面有什么量化要求？", "quantity"),
        ("企业拖欠工资，还能申报奖状吗？", "permission"),
        ("第一届是什么时候表彰的？", "time"),
        ("这项规定的宗旨是什么？", None),
        ("夜班补贴一天能发多少？", "money"),  # a sum named, then asked how much of it
        ("加班工资按多少比例算？", "ratio"),
        ("培训经费够多少人用？", "quantity"),
        ("高温津贴有没有？", None),  # whether, not how much
        ("逾期不改的，对单位罚多少？", "money"),
        ("全国大赛拿了第一名，省里奖多少？", "money"),
        ("每个会员发多少份问卷？", "quantity"),
        # the kind is read in the clauses that ask, not in the scene they follow
        ("单位想调低住房补贴的发放比例，需要走哪些手续？", None),
        ("奖金已经发过了，那么申报流程怎么走？", None),
        ("年终奖算不算在平均工资里？", None),  # any A不A form asks whether
        ("加班费属不属于工资总额？", None),
        ("去年调过一次比例，今年最多能调多少？", "quantity"),
        # the papers to hand in: asked by naming them, never by a verb of giving alone
        ("申请劳动能力鉴定要交哪些材料？", "materials"),
        ("会员证丢了，补办需要什么证明？", "materials"),
        ("报名参赛的时候需要带什么？", "materials"),
        ("什么时候交申报材料？", "time"),  # the profile's order: a date asked comes first
        ("工会能为职工提供什么帮助？", None),
        ("办退休需不需要交身份证复印件？", None),  # whether, not which
        # a day, hours or weeks asked colloquially
        ("新办法从哪天起执行？", "time"),
        ("值班一次最多连续几个小时？", "time"),
        ("产假能休几周？", "time"),
        ("天天加班合法吗？", None),
        ("监察员每年至少参加多少学时的培训？", "time"),
    ],
)
def test_the_kind_of_answer_a_question_asks_for(question: str, expected: str | None) -> None:
    assert kind(question) == expected


def test_which_companies_is_answered_by_a_list_not_a_passing_mention() -> None:
    organisation = YUNNAN.kind("organisation")
    passing = "其中，云南白药集团股份有限公司应重点在总结以往经验的基础上实施创建工作。"
    listing = "确定昆明钢铁集团有限责任公司、云南白药集团股份有限公司为示范企业。"
    assert not YUNNAN.holds(organisation, passing)
    assert YUNNAN.holds(organisation, listing)


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("提出工伤认定申请应当提交下列材料：", True),
        ("职工应当持提取证明向管理中心申请提取。", True),
        ("（一）工伤认定申请表；", True),  # a paper that exists to be handed in
        ("监督员开展调查时，应当出示《工会劳动法律监督员证》。", False),  # the card shown, not handed in
        ("可以查阅、复制用人单位的工资支付凭证和考勤资料。", False),  # records an inspector reads
        ("有下列情形之一的，撤销其称号，收回证书、奖章。", False),
    ],
)
def test_what_names_a_paper_to_hand_in(sentence: str, names: bool) -> None:
    """Papers named with the act of handing them in, or papers made to be handed in; a certificate a
    question is about, or records someone else reads, are not what the asker must bring."""
    assert YUNNAN.holds(YUNNAN.kind("materials"), sentence) is names


@pytest.mark.parametrize(
    ("sentence", "states"),
    [
        ("对获奖单位给予一次性奖励5万元。", True),
        ("按照职工日工资收入的300%支付未休年休假工资报酬。", True),  # a share of a wage
        ("抚恤金为上一年度城镇居民人均可支配收入的2倍。", True),  # a multiple
        ("医疗费的具体标准由省人民政府规定。", False),  # who sets it: no sum, and said of many things
        ("对获奖单位给予一定的工作经费补助。", False),
        ("职工有权获得劳动安全卫生保护。", False),
    ],
)
def test_what_states_an_amount(sentence: str, states: bool) -> None:
    """Laws state a sum as a share or a multiple of a wage; a promise of "some" money states none."""
    assert NEUTRAL.holds(NEUTRAL.kind("money"), sentence) is states


@pytest.mark.parametrize(
    ("question", "whole"),
    [
        ("申请工伤认定要交哪些材料？", True),
        ("评选条件是什么？", True),
        ("春节放几天假？", False),
        ("谁负责审批？", False),
    ],
)
def test_a_question_asking_for_a_whole_list(question: str, whole: bool) -> None:
    assert NEUTRAL.asks_list(question) is whole


def test_per_mille_and_class_hours_are_values() -> None:
    assert NEUTRAL.holds(NEUTRAL.kind("ratio"), "逾期未缴的，按日加收5‰的滞纳金。")
    assert NEUTRAL.holds(NEUTRAL.kind("ratio"), "按日加收千分之二的滞纳金。")
    assert NEUTRAL.holds(NEUTRAL.kind("time"), "每年参加业务培训累计不少于四十学时。")
    assert not NEUTRAL.holds(NEUTRAL.kind("ratio"), "逾期未缴的，依法加收滞纳金。")


def test_permission_and_time_evidence() -> None:
    assert YUNNAN.holds(YUNNAN.kind("permission"), "有拖欠职工工资情形的单位，当年不得申报。")
    assert not YUNNAN.holds(YUNNAN.kind("permission"), "拖欠职工工资，拒不改正的；")
    assert YUNNAN.holds(YUNNAN.kind("time"), "“五一”期间，我市将对第一届“昆明工匠”进行表彰。")
    assert YUNNAN.holds(YUNNAN.kind("time"), "注册商标的有效期为十年，自核准注册之日起计算。")
    # a count in Chinese numerals states a quantity; "一个" is an article, not a count
    assert NEUTRAL.holds(NEUTRAL.kind("quantity"), "劳动功能障碍分为十个伤残等级。")
    assert not NEUTRAL.holds(NEUTRAL.kind("quantity"), "建立一个协调工作机制。")
    # a law states a time as the event it runs from
    assert NEUTRAL.holds(NEUTRAL.kind("time"), "本办法自公布之日起施行。")
    assert not NEUTRAL.holds(NEUTRAL.kind("time"), "用人单位应当依法安排职工休年休假。")


def test_levels_and_issuers_come_from_the_locale_profile() -> None:
    assert YUNNAN.levels_of("获得省级一类竞赛决赛第1名") == {"province"}
    assert YUNNAN.issuer_level("昆明市总工会") == "市级（昆明）"
    assert YUNNAN.issuer_level("中华人民共和国国务院") == "全国"
    assert NEUTRAL.levels_of("获得省级一类竞赛决赛第1名") == frozenset()  # no provinces in the neutral profile
    assert YUNNAN.without_region("云南省职工创新工作室推荐承诺书") == "职工创新工作室推荐承诺书"
    assert NEUTRAL.without_region("云南省职工创新工作室推荐承诺书") == "云南省职工创新工作室推荐承诺书"


def test_the_neutral_profile_names_no_local_place() -> None:
    """The neutral profile knows China's provinces (a question may name one) and nothing of any locale:
    no region prefix but the state's own (中华人民共和国, dropped from a law's title), no place within a province."""
    data = tomllib.loads((ROOT / "profiles" / "neutral.toml").read_text(encoding="utf-8"))
    provinces = data["places"].pop("names")
    national = data["places"].pop("region_prefixes")
    assert national == ["中华人民共和国"]
    assert len(provinces) == 34 and not data["places"].get("within")
    text = json.dumps(data, ensure_ascii=False)
    pattern = YUNNAN.region_prefix.pattern if YUNNAN.region_prefix else ""
    places = [p for p in re.findall(r"[\u4e00-\u9fff]+", pattern) if p not in national]
    assert places and not [p for p in places if p in text]
    assert not [p for p in YUNNAN.enclosing if p in text or p in provinces]


def test_a_profile_extends_another_and_records_what_it_is(tmp_path: Path) -> None:
    custom = tmp_path / "guizhou.toml"
    custom.write_text(
        '[profile]\nname = "guizhou"\nversion = "3"\nextends = "neutral"\n'
        '[places]\nregion_prefixes = ["贵州省", "贵阳市"]\n',
        encoding="utf-8",
    )
    profile = load_profile(str(custom))
    assert profile.describe()["name"] == "guizhou" and profile.version == "3"
    assert profile.without_region("贵州省职工技能大赛办法") == "职工技能大赛办法"
    assert profile.answer_kind("补助多少钱？") is not None  # inherited from neutral
    assert profile.fingerprint != NEUTRAL.fingerprint


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[profile\nname=", "不是有效的 TOML"),
        ('[profile]\nname = "x"\nextends = "nowhere"\n', "找不到配置文件"),
        ('[profile]\nname = "x"\n[answer_kinds]\norder = ["money"]\n', "内容无效"),
        ('[profile]\nname = "x"\nextends = "neutral"\n[places]\nwithin = "云南"\n', "内容无效"),
        ('[profile]\nname = "x"\nextends = "neutral"\n[places]\nnames = 5\n', "内容无效"),
        ('[profile]\nname = "x"\nextends = "neutral"\n[lists]\nquestion = 5\n', "内容无效"),
        ('[profile]\nname = "x"\nextends = "neutral"\n[lists]\nquestion = ["(哪些"]\n', "内容无效"),
    ],
)
def test_a_bad_profile_is_a_clear_error(tmp_path: Path, content: str, message: str) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text(content, encoding="utf-8")
    with pytest.raises(InvalidInput, match=message):
        load_profile(str(bad))


def test_an_unknown_profile_name_lists_the_shipped_ones() -> None:
    with pytest.raises(InvalidInput, match="yunnan"):
        load_profile("atlantis")


# -- no dev question's wording in the algorithms --------------------------------------------------
SELECTION_CODE = ("corpus", "indexer", "rules")
CJK_RUN = re.compile(r"[\u3400-\u9fff]{4,}")


def _dev_questions() -> str:
    texts = []
    for path in (ROOT.parent / "shared" / "eval").rglob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(row.get("question") or row.get("case") or "")
    return "\n".join(texts)


def _corpus_text() -> str:
    shared = ROOT.parent / "shared"
    paths = [*(shared / "seeds").glob("*.txt"), *(shared / "eval").glob("*/corpus/*.txt")]
    return re.sub(r"\s+", "", "".join(p.read_text(encoding="utf-8") for p in paths))


def test_no_algorithm_repeats_a_dev_questions_wording() -> None:
    """Issue 10: a string literal in corpus/, indexer/ or rules/ holding a run of four CJK characters that a
    dev question (either set) holds and no text they are asked against does, is a phrasing fitted to a
    question: it belongs in a profile's cue lists, or nowhere."""
    questions = _dev_questions()
    if not questions:
        pytest.skip("../shared/eval is not beside the repository")
    corpus = _corpus_text()
    hits = []
    for package in SELECTION_CODE:
        for path in sorted((ROOT / package).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                    continue
                for run in CJK_RUN.findall(node.value):
                    pieces = {run[i : i + 4] for i in range(len(run) - 3)}
                    shared = sorted(p for p in pieces if p in questions and p not in corpus)
                    if shared:
                        hits.append(f"{path.relative_to(ROOT)}:{node.lineno}: {run[:30]} ({shared[0]})")
    assert not hits, "\n".join(hits)
