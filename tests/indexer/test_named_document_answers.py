"""A question that names a held document by its 文号 asks what that document says: on real national texts
(tests/data/real) beside the seeds, with questions no model or profile entry was fitted on.

- The lines that record how a text was adopted ("2003年4月27日 国务院令第375号公布") hold the 文号 the
  question names, but answer only when it was adopted or took effect, never what it provides.
- A ministry's 办法 on the same procedure may rank above the named 条例; the named text answers when it
  holds sentences on the question's terms.
"""

from __future__ import annotations

import pytest

from corpus.frontmatter import is_front_matter
from policydesk.desk import Desk
from tests.utils.real_texts import REAL_DIR


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("国务院令第375号里，工伤保险费由谁来缴纳？", "工伤保险条例"),
        ("国务院令第493号规定，事故发生单位报告事故应当包括哪些内容？", "生产安全事故报告和调查处理条例"),
        ("按国务院令第375号，职工受伤以后单位要在多少日内申请工伤认定？", "工伤保险条例"),
    ],
)
def test_a_named_text_answers_from_its_provisions(real_desk: Desk, question: str, title: str) -> None:
    answer = real_desk.ask(question)
    assert answer.found
    first = answer.citations[0]
    assert first.doc_title == title
    assert first.locator.startswith("第")  # an article, not the lines that record its adoption


def test_the_adoption_record_answers_when_the_text_took_effect(real_desk: Desk) -> None:
    answer = real_desk.ask("国务院令第493号是从哪天开始施行的？")
    assert answer.found
    assert any("2007年6月1日" in c.quote for c in answer.citations)


def test_adoption_records_are_told_from_provisions() -> None:
    lines = (REAL_DIR / "guowuyuan_gongshang_baoxian_tiaoli_2010.txt").read_text(encoding="utf-8").splitlines()
    record = "\n".join(ln for ln in lines[2:5] if ln.strip())
    assert "第375号" in record and is_front_matter(record)
    assert not is_front_matter(next(ln for ln in lines if ln.startswith("第十条")))
    assert is_front_matter("1999年1月22日 中华人民共和国国务院令第258号发布\n发布之日施行")
