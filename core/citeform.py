"""The formal citation staff paste into a reply: 《标题》（文号）第十八条第（一）项 — the document in 书名号,
its 文号 in parentheses when it has one, the provision in the written form of ``core.locator``."""

from __future__ import annotations

from core import docnumber
from core.locator import written_locator


def formal_citation(title: str, doc_number: str | None, locator: str) -> str:
    """《云南省职工职业技能竞赛管理办法（试行）》（云职创〔2019〕3号）第十八条第（一）项.

    A locator outside the grammar (a heading the splitter kept as it stands) is written as it is: the
    citation must never fail to print."""
    try:
        provision = written_locator(locator)
    except ValueError:
        provision = locator.strip()
    number = ""
    if doc_number:
        number = f"（{docnumber.normalise(doc_number) or doc_number}）"
    return f"《{title.strip('《》 ')}》{number}{provision}"
