"""One normal form for lookups, one key for titles, one sentence grammar, one date format."""

from __future__ import annotations

from datetime import date

from core.dates import cn_date
from core.sentences import first_sentence, sentence_at, sentence_spans
from core.text import normalise_text, title_key


def test_normal_form_folds_widths_brackets_and_spaces() -> None:
    assert normalise_text("第１８条 (一)\u200b") == "第18条（一）"
    assert normalise_text("昆工[2022]3 号") == "昆工〔2022〕3号"


def test_title_key_ignores_spacing_dots_and_book_marks() -> None:
    a = "《昆明地区2022年职工“72行大练兵·360行出状元”竞赛活动方案》"
    b = "昆明地区2022年职工72行大练兵.360行出状元 竞赛活动方案"
    assert title_key(a) == title_key(b)
    assert title_key("云岭工匠选树管理办法") != title_key("云南省职工创新工作室选树管理办法")


def test_sentences_end_at_full_stops_semicolons_and_line_ends() -> None:
    text = "第八条 有下列情形之一的：\n（一）违法；（二）失信。附则"
    pieces = [text[s:e] for s, e in sentence_spans(text)]
    assert "".join(pieces) == text
    assert pieces[:3] == ["第八条 有下列情形之一的：\n", "（一）违法；", "（二）失信。"]
    assert sentence_at(text, text.index("失信")) == "（二）失信。"
    assert first_sentence("一、总则。本办法") == "一、总则"


def test_dates_have_no_zero_padding() -> None:
    assert cn_date(date(2026, 4, 2)) == "2026年4月2日"
