"""National laws and regulations as LawRefBook stores them (tests/data/real, see its README): a 令号 cited
without the state's name, Markdown comments, an 附录 after the last article, the 款 after an article's
list, and the same text added twice in another encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from core import docnumber
from core.errors import InvalidInput
from corpus.catalogue import Catalogue
from corpus.clean import clean, strip_markup
from corpus.duplicates import HeldTexts
from corpus.read import read_lines
from corpus.references import references_in
from policydesk.build import BUNDLED_CORPUS
from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR, real_catalogue

UNION_LAW = "quanguo_gonghui_fa_2021.md"
WOMEN_WORKERS = "guowuyuan_nvzhigong_laodong_baohu_2012_ling619.txt"
HOUSING_FUND = "guowuyuan_zhufang_gongjijin_tiaoli_2019.txt"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return real_catalogue(UNION_LAW, WOMEN_WORKERS, HOUSING_FUND)


def _raw_line(name: str, text: str) -> int:
    """The 1-based line of the raw file that starts with ``text``."""
    lines = (REAL_DIR / name).read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if line.startswith(text))


# -- 1. a 令号 with or without 中华人民共和国 -------------------------------------------------------------
def test_an_order_number_is_found_without_the_state_name(catalogue: Catalogue) -> None:
    (doc,) = catalogue.find_documents("国务院令第619号")
    assert doc.doc_number == "中华人民共和国国务院令第619号" and doc.title == "女职工劳动保护特别规定"
    assert catalogue.find_documents("中华人民共和国国务院令第619号") == [doc]
    article = catalogue.lookup("国务院令第619号", "第七条")
    assert article.doc_id == doc.id and "产假" in article.text
    assert catalogue.find_documents("国务院令第620号") == []


def test_the_match_key_drops_only_the_state_name() -> None:
    assert docnumber.key("中华人民共和国主席令 第 11 号") == docnumber.key("主席令第11号") == "主席令第11号"
    assert docnumber.key("国务院令第619号") != docnumber.key("国务院令第620号")
    assert docnumber.key("昆工[2022]3 号") == "昆工〔2022〕3号"
    assert docnumber.key("女职工劳动保护特别规定") is None


# -- 2. Markdown / HTML residue -----------------------------------------------------------------------
def test_markdown_comments_are_not_text_and_lines_stay_right(catalogue: Catalogue) -> None:
    assert "<!--" in (REAL_DIR / UNION_LAW).read_text(encoding="utf-8")  # the source keeps it
    (law,) = catalogue.find_documents("中华人民共和国工会法")
    segments = catalogue.segments(law.id)
    assert not [s.locator for s in segments if "INFO" in s.text or "<!--" in s.text]
    first = next(s for s in segments if s.locator == "第一条")
    assert first.source.line_start == _raw_line(UNION_LAW, "第一条")


def test_comments_over_several_lines_and_tags_keep_every_line_number() -> None:
    raw = ["第一条 本法<!-- 注", "释 -->适用于职工。", "<br/>第二条 见<劳动法>规定。"]
    stripped = strip_markup(raw)
    assert stripped == ["第一条 本法", "适用于职工。", "第二条 见<劳动法>规定。"]
    paragraphs = clean(raw)
    text = "".join(p.text for p in paragraphs)
    assert "注" not in text and "<" not in text.replace("<劳动法>", "")
    lines = {ch: line for p in paragraphs for ch, line in zip(p.text, p.lines, strict=True)}
    assert (lines["本"], lines["适"], lines["见"]) == (1, 2, 3)


# -- 3. an 附录 after the last article ---------------------------------------------------------------
def test_an_appendix_is_a_part_of_its_own(catalogue: Catalogue) -> None:
    (doc,) = catalogue.find_documents("女职工劳动保护特别规定")
    segments = {s.locator: s for s in catalogue.segments(doc.id)}
    last = segments["第十六条"]
    assert last.children == () and "附录" not in last.text and "矿山" not in last.text
    assert not [loc for loc in segments if loc.startswith("第十六条") and loc != "第十六条"]
    appendix = segments["附录"]
    assert "女职工禁忌从事的劳动范围" in appendix.text
    item = segments["附录一、（一）"]
    assert item.text == "(一)矿山井下作业；" and item.source.line_start == _raw_line(WOMEN_WORKERS, "(一)矿山")
    assert segments["附录四、（二）"].parent_id == segments["附录四、"].id
    assert segments["附录四、"].parent_id == appendix.id


def test_an_appendix_number_is_no_reference_to_an_article() -> None:
    found = references_in([("第三条", "按照附录第一条和本规定第二条执行。"), ("附录一、", "依照第一条规定。")])
    assert [(r.locator, r.target_locator) for r in found] == [("第三条", "第二条")]


# -- 4. the 款 after an article's list ----------------------------------------------------------------
def test_a_paragraph_after_the_list_is_the_articles_next_clause(catalogue: Catalogue) -> None:
    (law,) = catalogue.find_documents("中华人民共和国工会法")
    segments = {s.locator: s for s in catalogue.segments(law.id)}
    assert segments["第四十三条（五）"].text == "（五）其他收入。"
    second = catalogue.lookup("中华人民共和国工会法", "第43条第2款")
    assert second.text.startswith("前款第二项") and "税前列支" in second.text
    assert second.parent_id == segments["第四十三条"].id
    assert segments["第四十三条第三款"].text.startswith("工会经费主要用于")
    fund = catalogue.lookup("住房公积金管理条例", "第二十四条第二款")
    assert fund.text.startswith("依照前款第(二)、(三)、(四)项规定")
    assert catalogue.lookup("住房公积金管理条例", "第二十四条（六）").text == "(六)房租超出家庭工资收入的规定比例的。"


def test_a_clause_between_two_lists_is_counted() -> None:
    catalogue = real_catalogue("renshebu_gongshang_rending_banfa_2010.txt")
    assert catalogue.lookup("工伤认定办法", "第十九条（六）").text == "（六）作出认定工伤或者视同工伤决定的时间。"
    assert catalogue.lookup("工伤认定办法", "第十九条第二款").text == "《不予认定工伤决定书》应当载明下列事项："
    assert catalogue.lookup("工伤认定办法", "第十九条第三款").text.startswith(
        "《认定工伤决定书》和《不予认定工伤决定书》"
    )


def test_an_item_broken_mid_sentence_keeps_its_second_line() -> None:
    catalogue = real_catalogue("zhejiang_laodong_baozhang_jiancha_tiaoli.txt")
    item = catalogue.lookup("浙江省劳动保障监察条例", "第十二条（六）")
    assert "加班" in item.text and item.source.line_end > item.source.line_start


# -- 5. the same text twice --------------------------------------------------------------------------
def test_the_same_text_in_another_encoding_is_refused(tmp_path: Path) -> None:
    utf8 = REAL_DIR / WOMEN_WORKERS
    gbk = tmp_path / "copy.txt"
    gbk.write_bytes(utf8.read_text(encoding="utf-8").encode("gb18030"))
    held = HeldTexts({WOMEN_WORKERS: utf8})
    with pytest.raises(InvalidInput, match=WOMEN_WORKERS):
        held.refuse_same("copy.txt", read_lines(gbk, gbk.read_bytes()))
    other = REAL_DIR / HOUSING_FUND
    held.refuse_same(HOUSING_FUND, read_lines(other, other.read_bytes()))
    with pytest.raises(InvalidInput, match=HOUSING_FUND):  # two copies in one batch
        held.refuse_same("again.md", read_lines(other, other.read_bytes()))


def test_adding_a_seed_again_in_gbk_changes_nothing(fresh_home: Path, tmp_path: Path) -> None:
    desk = Desk(Settings(home=fresh_home))
    generation = desk.data.current()
    seed = sorted(p for p in BUNDLED_CORPUS.iterdir() if p.suffix == ".txt")[0]
    copy = tmp_path / "同一文件_GBK.txt"
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    with pytest.raises(InvalidInput, match=seed.name):
        desk.add_files([copy])
    assert desk.data.current() == generation
    assert not (desk.data.added / copy.name).exists()
