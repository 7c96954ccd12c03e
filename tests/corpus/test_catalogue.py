"""Exact lookup: 文号 or title + locator, Chinese and Arabic numerals alike, ambiguity reported."""

from __future__ import annotations

import pytest

from core.errors import AmbiguousCitation, ArticleNotFound, DocumentNotFound
from corpus import Catalogue


def test_article_by_number_in_either_numeral(catalogue: Catalogue) -> None:
    arabic = catalogue.lookup("云职创〔2019〕3号", "第18条")
    chinese = catalogue.lookup("云职创〔2019〕3号", "第十八条")
    assert arabic == chinese
    assert catalogue.document(arabic.doc_id).title == "云南省职工职业技能竞赛管理办法（试行）"
    item = catalogue.lookup("云职创〔2019〕3号", "第十八条第一项")
    assert item.locator == "第十八条（一）" and item.parent_id == arabic.id
    assert "10000元" in item.text
    assert item.full_locator == "第五章 第十八条（一）"


def test_lookup_by_title_with_book_marks(catalogue: Catalogue) -> None:
    seg = catalogue.lookup("《云岭工匠选树管理办法》", "第八条")
    assert seg.text.startswith("第八条 有下列情形之一的，不得列为评选对象")
    assert len(catalogue.descendants(seg)) == 6


def test_number_that_issued_several_documents(catalogue: Catalogue) -> None:
    with pytest.raises(AmbiguousCitation) as info:
        catalogue.lookup("云工办通〔2020〕22号", "第三条")
    titles = {c["doc_title"] for c in info.value.details["candidates"]}
    assert "云岭工匠选树管理办法" in titles and len(titles) == 4
    # an article only one of the issued texts has resolves to that text
    issued = catalogue.find_documents("云工通〔2020〕18号")
    owners: dict[str, list[str]] = {}
    for doc in issued:
        for seg in catalogue.segments(doc.id):
            if seg.locator.startswith("第") and seg.locator.endswith("条"):
                owners.setdefault(seg.locator, []).append(doc.id)
    unique = next(loc for loc, docs in owners.items() if len(docs) == 1)
    assert catalogue.lookup("云工通〔2020〕18号", unique).doc_id == owners[unique][0]


def test_section_scheme_lookup(catalogue: Catalogue) -> None:
    seg = catalogue.lookup("昆工〔2022〕3号", "四、（四）1")
    assert "2022年12月25日前" in seg.text
    assert seg.source.file == "000_429c4eba1db6a1c6.txt" and seg.source.contains(244)


def test_lookup_errors(catalogue: Catalogue) -> None:
    with pytest.raises(DocumentNotFound):
        catalogue.lookup("云职创〔2099〕3号", "第一条")
    with pytest.raises(ArticleNotFound):
        catalogue.lookup("云职创〔2019〕3号", "第九十九条")
    with pytest.raises(ArticleNotFound, match="无法识别"):
        catalogue.lookup("云职创〔2019〕3号", "随便哪条")
