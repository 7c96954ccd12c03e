"""Documents found in the real seeds: titles, 文号, kinds, parents, statuses and repeal relations."""

from __future__ import annotations

import re

from corpus import Catalogue, DocKind, DocStatus, RelationKind

RAW_NOTICE_NUMBER = re.compile(r"^\s*([\u4e00-\u9fff]+〔\d{4}〕\s*\d+\s*号)\s*$")


def _raw_doc_numbers(path) -> list[str]:
    numbers = []
    for line in path.read_text(encoding="utf-8").splitlines():
        match = RAW_NOTICE_NUMBER.match(line)
        if match:
            numbers.append(re.sub(r"\s", "", match.group(1)))
    return numbers


def test_every_notice_of_the_compilation_is_catalogued_with_its_number(catalogue: Catalogue, raw_dir) -> None:
    expected = _raw_doc_numbers(raw_dir / "002_bf8b8a8ab55a58df.txt")
    assert len(expected) == 20
    notices = {d.doc_number for d in catalogue.documents() if d.kind is DocKind.NOTICE}
    assert set(expected) <= notices


def test_letterhead_notice_and_reply_letter_carry_their_numbers(catalogue: Catalogue) -> None:
    kunming = catalogue.find_documents("昆工〔2022〕3号")
    assert {d.kind for d in kunming} == {DocKind.NOTICE, DocKind.SCHEME}
    notice = next(d for d in kunming if d.kind is DocKind.NOTICE)
    assert notice.title.startswith("昆明市总工会 昆明市人力资源和社会保障局关于印发《")
    assert notice.date == "2022-04-12"
    letter = catalogue.find_documents("昆人社函〔2023〕35号")
    assert [d.kind for d in letter] == [DocKind.LETTER]
    assert letter[0].status is DocStatus.NON_NORMATIVE


def test_issued_texts_are_children_under_their_exact_titles(catalogue: Catalogue) -> None:
    issued = catalogue.find_documents("云工通〔2020〕18号")
    titles = {d.title for d in issued}
    for title in (
        "云南省工会生产安全事故报告和参加事故调查处理暂行规定",
        "云南省总工会劳动竞赛工作经费管理办法",
        "云南省劳动模范专项补助资金发放管理办法",
        "云南省五一劳动奖和工人先锋号评选管理办法",
    ):
        assert title in titles
    notice = next(d for d in issued if d.kind is DocKind.NOTICE)
    rules = next(d for d in issued if d.title == "云南省五一劳动奖和工人先锋号评选管理办法")
    assert rules.parent_id == notice.id
    assert any(r.kind is RelationKind.ISSUES and r.target_id == rules.id for r in notice.relations)


def test_every_regulation_named_by_a_notice_is_a_document(catalogue: Catalogue) -> None:
    """Each 《…办法/细则/规定/方案/规划/意见/计划/制度》 a notice's own title issues is catalogued."""
    titles = {re.sub(r"\s", "", d.title) for d in catalogue.documents()}
    for doc in catalogue.documents():
        if doc.kind is not DocKind.NOTICE or "印发" not in doc.title:
            continue
        for name in re.findall(r"《([^《》]+)》", doc.title):
            if re.search(r"(办法|细则|规定|方案|规划|意见|计划|制度)(（[^）]*）)?$", name):
                assert re.sub(r"\s", "", name).replace(".", "·") in titles, name


def test_attachments_carry_the_issuing_number(catalogue: Catalogue) -> None:
    pledge = catalogue.find_documents("云岭工匠推荐承诺书")
    assert len(pledge) == 1 and pledge[0].kind is DocKind.PLEDGE
    assert pledge[0].doc_number == "云工办通〔2020〕22号"
    parent = catalogue.document(pledge[0].parent_id)
    assert parent.title == "云岭工匠选树管理办法"


def test_non_normative_texts_are_marked(catalogue: Catalogue) -> None:
    kinds = {d.kind: d for d in catalogue.documents() if d.status is DocStatus.NON_NORMATIVE}
    assert {DocKind.NEWS, DocKind.SUMMARY, DocKind.PREFACE, DocKind.LETTER} <= set(kinds)
    assert kinds[DocKind.NEWS].date == "2016-04-15"


def test_repeal_clauses_become_relations_with_the_repealing_article(catalogue: Catalogue) -> None:
    studio = catalogue.find_documents("云南省职工创新工作室选树管理办法")[0]
    repeals = [r for r in studio.relations if r.kind is RelationKind.REPEALS]
    assert [r.target_title for r in repeals] == ["云南省职工创新工作室管理办法（试行）"]
    assert repeals[0].locator == "第三十七条"
    assert repeals[0].target_id is None  # the repealed text is not in the corpus
    award = catalogue.find_documents("云南省五一劳动奖和工人先锋号评选管理办法")[0]
    numbers = [r.note for r in award.relations if r.kind is RelationKind.REPEALS]
    assert any("云工通〔2018〕52号" in n for n in numbers)


def test_precedence_clause_and_provisional_status(catalogue: Catalogue) -> None:
    contest = catalogue.find_documents("云南省职工职业技能竞赛管理办法（试行）")[0]
    assert contest.provisional
    assert any(r.kind is RelationKind.PREVAILS and r.locator == "第二十二条" for r in contest.relations)


def test_document_ids_are_stable_across_rebuilds(catalogue: Catalogue, tmp_path) -> None:
    from policydesk.build import build
    from policydesk.config import Settings
    from policydesk.generations import CATALOGUE_FILE, DataDir

    build(Settings(home=tmp_path, embed_model="none"), progress=False)
    again = Catalogue.load(DataDir(tmp_path).current() / CATALOGUE_FILE)
    assert {d.id for d in again.documents()} == {d.id for d in catalogue.documents()}
