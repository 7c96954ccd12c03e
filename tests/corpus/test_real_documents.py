"""Issue 11 on real public texts (tests/data/real, see its README): metadata any Chinese normative
document states about itself, editions in either order, and what was in force on a given day.

The ingest tests read the files directly; the Desk tests add every real file once, to a private copy
of the session's built data directory (one rebuild for the module)."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest

from core.errors import InvalidInput
from corpus import Catalogue
from corpus.diff import articles, diff_articles
from corpus.ingest import Corpus
from corpus.model import DocKind, DocStatus, Document, RelationKind
from policydesk.config import Settings
from policydesk.desk import Desk
from tests.utils.real_texts import real_corpus


def _only(corpus: Corpus, title: str) -> Document:
    found = [d for d in corpus.documents if d.title == title]
    assert len(found) == 1, [d.title for d in corpus.documents]
    return found[0]


# -- metadata ------------------------------------------------------------------------------------
def test_state_council_regulation_as_pdf() -> None:
    corpus = real_corpus("guowuyuan_shengchan_shigu_tiaoli_2007.pdf")
    doc = _only(corpus, "生产安全事故报告和调查处理条例")
    assert (doc.kind, doc.doc_number, doc.issuer) == (DocKind.REGULATION, "中华人民共和国国务院令第493号", "国务院")
    assert (doc.date, doc.effective_date, doc.status) == ("2007-04-09", "2007-06-01", DocStatus.IN_FORCE)
    repealed = [r.target_title for r in doc.relations if r.kind is RelationKind.REPEALS]
    assert repealed == ["特别重大事故调查程序暂行规定", "企业职工伤亡事故报告和处理规定"]


def test_ministry_order_with_the_issued_title_above_it_as_docx() -> None:
    corpus = real_corpus("laobaobu_gongshang_rending_banfa_2003.docx")
    order = _only(corpus, "劳动和社会保障部令第17号")
    measures = _only(corpus, "工伤认定办法")
    assert order.kind is DocKind.ORDER and order.date == "2003-09-23"
    assert measures.parent_id == order.id and measures.kind is DocKind.MEASURES
    assert (measures.doc_number, measures.issuer) == ("劳动和社会保障部令第17号", "劳动和社会保障部")
    assert (measures.date, measures.effective_date) == ("2003-09-23", "2004-01-01")


def test_ministry_rule_with_a_caption_and_one_from_a_ministerial_meeting() -> None:
    corpus = real_corpus("renshebu_gongshang_rending_banfa_2010.txt", "renshebu_nianxiujia_shishi_banfa_2008.txt")
    newer = _only(corpus, "工伤认定办法")
    assert (newer.doc_number, newer.issuer) == ("人力资源社会保障部令第8号", "人力资源社会保障部")
    assert (newer.date, newer.effective_date) == ("2010-12-31", "2011-01-01")
    rule = _only(corpus, "企业职工带薪年休假实施办法")
    assert (rule.issuer, rule.date) == ("人力资源和社会保障部", "2008-07-17")
    assert rule.effective_date == rule.date  # "自发布之日起施行"


def test_judicial_interpretations_keep_their_whole_title_number_and_dates() -> None:
    corpus = real_corpus("fashi_2013_3_jubu_laodong_baochou_jieshi.txt", "fashi_2020_26_laodong_zhengyi_jieshi_yi.txt")
    older = _only(corpus, "最高人民法院关于审理拒不支付劳动报酬刑事案件适用法律若干问题的解释")
    announcement = corpus.documents[[d.id for d in corpus.documents].index(older.parent_id)]
    assert announcement.kind is DocKind.ANNOUNCEMENT and announcement.doc_number == "法释〔2013〕3号"
    assert (older.kind, older.doc_number, older.issuer) == (DocKind.INTERPRETATION, "法释〔2013〕3号", "最高人民法院")
    assert (older.date, older.effective_date) == ("2013-01-16", "2013-01-23")
    newer = _only(corpus, "最高人民法院关于审理劳动争议案件适用法律问题的解释（一）")
    assert (newer.doc_number, newer.issuer, newer.date, newer.effective_date) == (
        "法释〔2020〕26号",
        "最高人民法院",
        "2020-12-25",
        "2021-01-01",
    )


def test_provincial_regulation_from_the_standing_committee_as_docx() -> None:
    corpus = real_corpus("zhejiang_laodong_baozhang_jiancha_tiaoli.docx")
    doc = _only(corpus, "浙江省劳动保障监察条例")
    assert (doc.kind, doc.issuer, doc.date) == (DocKind.REGULATION, "浙江省人民代表大会常务委员会", "2020-09-24")
    assert doc.effective_date == "2005-07-01"
    assert [r.target_title for r in doc.relations if r.kind is RelationKind.REPEALS] == ["浙江省劳动监察规定"]


def test_state_council_order_above_its_regulation() -> None:
    corpus = real_corpus("guowuyuan_nianxiujia_tiaoli_2007_ling514.txt")
    order = _only(corpus, "中华人民共和国国务院令第514号")
    regulation = _only(corpus, "职工带薪年休假条例")
    assert (order.kind, order.issuer, order.date) == (DocKind.ORDER, "国务院", "2007-12-14")
    assert regulation.parent_id == order.id and regulation.doc_number == "中华人民共和国国务院令第514号"
    assert (regulation.kind, regulation.effective_date) == (DocKind.REGULATION, "2008-01-01")


def test_notice_split_from_the_measures_whose_title_stands_above_it() -> None:
    corpus = real_corpus("laobaobu_daoban_jubao_tongzhi_2007.docx")
    notice = _only(corpus, "劳动和社会保障部办公厅关于严禁制售和使用盗版职业培训教材及相关教辅读物的通知")
    measures = _only(corpus, "出版物被盗版举报奖励办法")
    assert (notice.kind, notice.issuer, notice.date) == (DocKind.NOTICE, "劳动和社会保障部办公厅", "2007-07-20")
    assert measures.parent_id == notice.id and measures.kind is DocKind.MEASURES
    assert (measures.issuer, measures.date) == ("劳动和社会保障部办公厅", "2007-07-20")


def test_a_measures_without_a_number_is_normative_with_front_matter_metadata() -> None:
    doc = _only(real_corpus("guowuyuan_fangjia_banfa_2024.txt"), "全国年节及纪念日放假办法")
    assert (doc.kind, doc.status, doc.issuer) == (DocKind.MEASURES, DocStatus.IN_FORCE, "国务院")
    assert doc.date == doc.effective_date == "2024-11-10"


# -- editions ------------------------------------------------------------------------------------
def _edition_view(corpus: Corpus) -> set[tuple]:
    return {
        (
            d.source.file,
            d.title,
            d.status,
            d.expired_date,
            tuple(sorted((r.kind, r.target_id or "", r.target_title) for r in d.relations)),
        )
        for d in corpus.documents
    }


@pytest.mark.parametrize(
    ("older", "newer", "expired"),
    [
        ("laobaobu_gongshang_rending_banfa_2003.txt", "renshebu_gongshang_rending_banfa_2010.txt", "2011-01-01"),
        ("guowuyuan_fangjia_banfa_2013.txt", "guowuyuan_fangjia_banfa_2024.txt", "2024-11-10"),
    ],
)
def test_a_later_edition_supersedes_the_older_in_either_order(older: str, newer: str, expired: str) -> None:
    forward, backward = real_corpus(older, newer), real_corpus(newer, older)
    assert _edition_view(forward) == _edition_view(backward)
    old_doc = next(d for d in forward.documents if d.source.file == older and d.kind is DocKind.MEASURES)
    new_doc = next(d for d in forward.documents if d.source.file == newer)
    assert old_doc.status is DocStatus.SUPERSEDED and old_doc.expired_date == expired
    assert old_doc.superseded_by == new_doc.id
    assert new_doc.status is DocStatus.IN_FORCE and new_doc.expired_date is None
    assert (RelationKind.SUPERSEDES, old_doc.id) in {(r.kind, r.target_id) for r in new_doc.relations}


def test_in_force_on_follows_effective_and_expired_dates() -> None:
    corpus = real_corpus("laobaobu_gongshang_rending_banfa_2003.txt", "renshebu_gongshang_rending_banfa_2010.txt")
    catalogue = Catalogue(corpus.documents, corpus.segments)
    old = next(d.id for d in corpus.documents if d.title == "工伤认定办法" and d.date == "2003-09-23")
    new = next(d.id for d in corpus.documents if d.title == "工伤认定办法" and d.date == "2010-12-31")
    assert old in catalogue.in_force_on(date(2008, 1, 1)) and new not in catalogue.in_force_on(date(2008, 1, 1))
    assert new in catalogue.in_force_on(date(2012, 1, 1)) and old not in catalogue.in_force_on(date(2012, 1, 1))
    assert old not in catalogue.in_force_on(date(2011, 1, 1))  # the day the newer takes effect
    assert not {old, new} & catalogue.in_force_on(date(2003, 1, 1))
    assert catalogue.editions_of(old) == [catalogue.document(new)]


def test_an_undated_notice_is_not_in_force_before_its_numbers_year() -> None:
    # the file states no date: only its 文号 劳社部发〔2008〕3号 says when it can have been issued
    corpus = real_corpus("laoshebu_yuepingjun_gongzuo_shijian_2008.md")
    catalogue = Catalogue(corpus.documents, corpus.segments)
    (notice,) = corpus.documents
    assert notice.date is None and notice.effective_date is None
    assert notice.id not in catalogue.in_force_on(date(2007, 12, 31))
    assert notice.id in catalogue.in_force_on(date(2008, 1, 1))
    assert notice.id in catalogue.in_force_on(date(2025, 6, 1))


# -- the Desk with every real file added -------------------------------------------------------------


@pytest.mark.parametrize(
    ("question", "day", "expected", "not_expected"),
    [
        ("工伤认定资料保存多少年？", "2008-01-01", "20年", "50年"),
        ("工伤认定资料保存多少年？", "2012-01-01", "50年", "20年"),
        ("春节放几天假？", "2020-06-01", "放假3天", "放假4天"),
        ("春节放几天假？", "2025-06-01", "放假4天", "放假3天"),
    ],
)
def test_as_of_answers_from_the_edition_in_force(
    real_desk: Desk, question: str, day: str, expected: str, not_expected: str
) -> None:
    answer = real_desk.ask(question, as_of=day)
    assert answer.found
    quoted = " ".join(c.quote.replace(" ", "") for c in answer.citations)
    assert expected in quoted and not_expected not in quoted
    year, month, dd = (int(x) for x in day.split("-"))
    assert f"{year}年{month}月{dd}日" in answer.answer


def test_without_a_date_the_current_edition_answers(real_desk: Desk) -> None:
    answer = real_desk.ask("春节放几天假？")
    quoted = " ".join(c.quote for c in answer.citations)
    assert "放假4天" in quoted and "放假3天" not in quoted


def test_search_and_govern_as_of_use_only_texts_in_force(real_desk: Desk) -> None:
    catalogue = real_desk.snapshot().catalogue
    day = date(2008, 1, 1)
    in_force = catalogue.in_force_on(day)
    hits = real_desk.search("工伤认定申请 受理", k=10, as_of="2008-01-01").hits
    assert hits and all(h.doc_id in in_force for h in hits)
    assert any(h.doc_title == "工伤认定办法" and h.status == DocStatus.SUPERSEDED for h in hits)
    regulations = real_desk.govern("职工受伤后单位没有申请工伤认定，职工自己怎么申请？", as_of="2008-01-01").regulations
    assert regulations and all(r.doc_id in in_force for r in regulations)


@pytest.mark.parametrize("bad", ["2020-13-01", "2020/06/01", "昨天", "20200601", "2021-02-30"])
def test_malformed_dates_are_invalid_input(real_desk: Desk, bad: str) -> None:
    with pytest.raises(InvalidInput, match="as_of"):
        real_desk.ask("春节放几天假？", as_of=bad)
    with pytest.raises(InvalidInput):
        real_desk.search("春节", as_of=bad)


def test_document_json_carries_dates_and_editions(real_desk: Desk) -> None:
    docs = {(d.title, d.date): d for d in real_desk.documents()}
    old = docs[("工伤认定办法", "2003-09-23")]
    new = docs[("工伤认定办法", "2010-12-31")]
    detail = real_desk.document(old.id).model_dump(mode="json")
    assert detail["effective_date"] == "2004-01-01" and detail["expired_date"] == "2011-01-01"
    assert detail["superseded_by"] == new.id and detail["status"] == "superseded"
    kinds = {r["kind"] for r in real_desk.document(new.id).model_dump(mode="json")["relations"]}
    assert {"supersedes", "repeals"} <= kinds


# -- diff of two editions ----------------------------------------------------------------------------
def test_diff_reports_what_changed_between_the_holiday_editions() -> None:
    corpus = real_corpus("guowuyuan_fangjia_banfa_2013.txt", "guowuyuan_fangjia_banfa_2024.txt")
    catalogue = Catalogue(corpus.documents, corpus.segments)
    old = next(d.id for d in corpus.documents if d.date == "2007-12-14")
    new = next(d.id for d in corpus.documents if d.date == "2024-11-10")
    changes = diff_articles(articles(catalogue, old), articles(catalogue, new))
    summary = [(c.change, c.old_locator, c.new_locator) for c in changes]
    # every other article differs only in bracket width, which is not a change
    assert summary == [
        ("changed", "第二条", "第二条"),
        ("changed", "第六条", "第六条"),
        ("added", None, "第七条"),
        ("renumbered", "第七条", "第八条"),
    ]
    spring = changes[0]
    assert ("新年", "元旦") in {(s.old, s.new) for s in spring.spans}
    for span in spring.spans:
        assert spring.old_text[span.old_start : span.old_end] == span.old
        assert spring.new_text[span.new_start : span.new_end] == span.new


def test_diff_of_the_injury_editions_pairs_renumbered_articles() -> None:
    corpus = real_corpus("laobaobu_gongshang_rending_banfa_2003.txt", "renshebu_gongshang_rending_banfa_2010.txt")
    catalogue = Catalogue(corpus.documents, corpus.segments)
    old = next(d.id for d in corpus.documents if d.title == "工伤认定办法" and d.date == "2003-09-23")
    new = next(d.id for d in corpus.documents if d.date == "2010-12-31")
    changes = {
        (c.old_locator, c.new_locator): c for c in diff_articles(articles(catalogue, old), articles(catalogue, new))
    }
    assert changes[(None, "第三条")].change == "added"
    keeping = changes[("第十八条", "第二十四条")]  # 保存20年 → 保存 50年
    assert keeping.change == "changed" and any("2" in s.old and "5" in s.new for s in keeping.spans)
    assert ("劳动保障", "社会保险") in {(s.old, s.new) for s in changes[("第二条", "第二条")].spans}


def test_diff_over_http_and_the_command_line(real_desk: Desk) -> None:
    from click.testing import CliRunner
    from fastapi.testclient import TestClient

    from api import create_app
    from policydesk.cli import main

    home = real_desk.settings.home
    with TestClient(create_app(Settings(home=home))) as client:
        body = client.get("/api/diff", params={"old": "工伤认定办法", "new": "工伤认定办法"}).json()
        assert set(body) == {"old", "new", "changes"}
        assert (body["old"]["date"], body["new"]["date"]) == ("2003-09-23", "2010-12-31")
        assert body["changes"] and all(
            set(c) == {"change", "old_locator", "new_locator", "old_text", "new_text", "spans"} for c in body["changes"]
        )
        missing = client.get("/api/diff", params={"old": "不存在的办法", "new": "工伤认定办法"})
        assert missing.status_code == 404 and missing.json()["error"]["code"] == "document_not_found"
        assert client.get("/api/diff", params={"old": "工伤认定办法"}).status_code == 422
    out = CliRunner().invoke(main, ["diff", "--home", str(home), body["old"]["id"], body["new"]["id"], "--json"])
    assert out.exit_code == 0 and json.loads(out.output)["changes"] == body["changes"]
    out = CliRunner().invoke(main, ["diff", "--home", str(home), "不存在的办法", "工伤认定办法"])
    assert out.exit_code == 1 and out.output.startswith("Error: ")


# -- cross-references ----------------------------------------------------------------------------------
def _refers(doc: Document) -> set[tuple[str | None, str | None, str]]:
    return {(r.locator, r.target_id, r.note) for r in doc.relations if r.kind is RelationKind.REFERS_TO}


def test_cross_references_point_at_their_articles() -> None:
    corpus = real_corpus("guowuyuan_gongshang_baoxian_tiaoli_2010.txt", "renshebu_nianxiujia_shishi_banfa_2008.txt")
    regulation = _only(corpus, "工伤保险条例")
    refs = _refers(regulation)
    assert {
        ("第二十九条", regulation.id, "第二十六条"),
        ("第二十九条", regulation.id, "第二十八条"),
        ("第二十九条", regulation.id, "第二十五条第二款"),
    } <= refs
    assert all(not note.startswith("第二十九条") for loc, _, note in refs if loc == "第二十九条")  # not its own label
    rules = _only(corpus, "企业职工带薪年休假实施办法")
    assert ("第五条", rules.id, "第三条") in _refers(rules)  # "本办法第三条"
    assert ("第五条", rules.id, "第五条（前款）") in _refers(rules)
    catalogue = Catalogue(corpus.documents, corpus.segments)
    for _, target, note in refs | _refers(rules):  # every target article exists
        assert catalogue.segment_at(target, re.match(r"第[^条]+条", note).group(0)) is not None, note
