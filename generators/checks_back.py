"""Checks for 附件说明 to the end: 署名, 日期, 附注, 附件, 版记, 页码, tables, fonts (GB/T 9704 7.3.4–7.5, 8)."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

from generators.check_base import (
    DATE,
    FAIL,
    NA,
    PASS,
    Ctx,
    body_blocks,
    check,
    first,
    fonts_of,
    near,
    sizes_of,
    table_width,
    verdict,
)
from generators.docx_reader import CJK, Block, W, paragraph_text
from generators.text_layout import text_width
from generators.typography import TEXT_WIDTH_TWIPS


@check("attachment_note.format", "附件说明：左空二字，“附件：”后列名称，名称后不加标点")
def _attachment_note(ctx: Ctx) -> tuple[str, str]:
    note = ctx.s.attachment_note
    if not note:
        return NA, "无附件说明"
    first = note[0]
    start = ctx.res.indent_pt(first.el, "left") + ctx.res.indent_pt(first.el, "first")
    names = [re.sub(r"^附件[：:]", "", b.text.strip()) for b in note]
    punct = [n for n in names if n[-1:] in set("。，；、.,;")]
    numbered = len(names) == 1 or all(re.match(rf"^{i}[.．]", n) for i, n in enumerate(names, 1))
    ok = near(start, 32, 2.5) and not punct and numbered
    return verdict(ok, f"{len(names)}个附件", f"左空{start:g}磅，编号={numbered}，末尾标点={punct}")


def _has_signature(ctx: Ctx) -> bool:
    return ctx.s.kind in ("gongwen", "pledge")


@check("signature.present", "署名")
def _signature(ctx: Ctx) -> tuple[str, str]:
    if not _has_signature(ctx):
        return NA, "非公文"
    return verdict(bool(ctx.s.signature), "、".join(first(b) for b in ctx.s.signature), "成文日期上方没有署名")


@check("date.present", "成文日期")
def _date_present(ctx: Ctx) -> tuple[str, str]:
    if not _has_signature(ctx):
        return NA, "非公文"
    return verdict(ctx.s.date is not None, ctx.s.date.text.strip() if ctx.s.date else "", "没有成文日期")


@check("date.format", "成文日期：阿拉伯数字，年份写全，月日不编虚位")
def _date_format(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.date is None:
        return NA, "没有成文日期"
    text = re.sub(r"\s+", "", ctx.s.date.text)
    return verdict(bool(DATE.match(text)), text, f"“{text}”应写作 2022年4月12日")


@check("date.position", "成文日期位置：右空四字（加盖印章），或在署名下右移二字（不加盖印章）")
def _date_position(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.date is None or ctx.s.kind != "gongwen":
        return NA, "不适用"
    d = ctx.s.date.el
    right = ctx.res.indent_pt(d, "right")
    if ctx.res.alignment(d) not in ("right", "end"):
        return FAIL, f"成文日期未居右（{ctx.res.alignment(d)}）"
    if 30 <= right <= 66:
        return PASS, f"右空{right / 16:g}字"
    if ctx.s.signature:  # 7.3.5.2: the date starts two characters right of the 署名's first character
        sig = ctx.s.signature[-1]
        sig_start = ctx.res.indent_pt(sig.el, "right") / 16 + text_width(sig.text.strip())
        date_start = right / 16 + text_width(ctx.s.date.text.strip())
        if abs(sig_start - 2 - date_start) <= 0.6:
            return PASS, "首字比署名首字右移二字"
    return FAIL, f"右缩进{right:g}磅，应为右空四字或在署名下右移二字"


@check("annotation.format", "附注：左空二字，加圆括号")
def _annotation(ctx: Ctx) -> tuple[str, str]:
    a = ctx.s.annotation
    if a is None:
        return NA, "无附注"
    text = a.text.strip()
    start = ctx.res.indent_pt(a.el, "first") + ctx.res.indent_pt(a.el, "left")
    return verdict(
        text.startswith("（") and text.endswith("）") and near(start, 32, 2.5),
        text,
        f"“{text[:12]}…”左空{start:g}磅，应为全角括号、左空二字",
    )


@check("attachment.label", "附件标识：另面，3号黑体，顶格，版心第一行")
def _attachment_label(ctx: Ctx) -> tuple[str, str]:
    if not ctx.s.labels:
        return NA, "无附件页"
    bad = []
    for b in ctx.s.labels:
        fonts = fonts_of(ctx, b)
        first = ctx.res.indent_pt(b.el, "first") + ctx.res.indent_pt(b.el, "left")
        part = [x for x in ctx.s.blocks if x.page == b.page and x.index < b.index and not x.empty]
        if not all("黑体" in f for f in fonts) or sizes_of(ctx, b) != {16.0} or abs(first) > 1 or part:
            bad.append(f"“{b.text.strip()}”：{sorted(fonts)}，缩进{first:g}")
    return verdict(not bad, f"{len(ctx.s.labels)}个附件标识", "；".join(bad))


@check("attachment.title", "另面编排的附件或印发文件：标题居中，2号小标宋")
def _attachment_title(ctx: Ctx) -> tuple[str, str]:
    if not ctx.s.part_titles:
        return NA, "无另面文件"
    bad = [
        f"“{first(t)}”" for t in ctx.s.part_titles if ctx.res.alignment(t.el) != "center" or sizes_of(ctx, t) != {22.0}
    ]
    return verdict(not bad, f"{len(ctx.s.part_titles)}个", "格式不符：" + "、".join(bad))


@check("attachment.numbering", "附件标识与附件说明的序号一致")
def _attachment_numbering(ctx: Ctx) -> tuple[str, str]:
    labels = [re.sub(r"\s+", "", b.text) for b in ctx.s.labels]
    note = ctx.s.attachment_note
    if not labels or not note:
        return NA, "无附件说明或附件页"
    expected = ["附件"] if len(note) == 1 else [f"附件{i}" for i in range(1, len(note) + 1)]
    return verdict(labels == expected[: len(labels)], "一致", f"附件说明{len(note)}项，附件标识{labels}")


# -- D. 版记 ------------------------------------------------------------------------------------------
def _imprint_rows(b: Block) -> list[Any]:
    return b.el.findall(f"{W}tr")


@check("imprint.present", "版记：印发机关和印发日期")
def _imprint_present(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind != "gongwen":
        return NA, "非红头公文"
    return verdict(ctx.s.imprint is not None, "有版记", "没有含“印发”的版记")


@check("imprint.format", "版记末行：印发机关左空一字，印发日期右空一字，日期+“印发”")
def _imprint_format(ctx: Ctx) -> tuple[str, str]:
    b = ctx.s.imprint
    if b is None:
        return NA, "无版记"

    last = [paragraph_text(p) for p in _imprint_rows(b)[-1].iter(f"{W}p")]
    text = " ".join(last).strip()
    m = re.match(r"^(\S.*?)\s+((?:19|20)\d{2}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日)印发$", text.replace("\t", " "))
    return verdict(bool(m), text.replace("\t", " "), f"“{text}”应为“印发机关  YYYY年M月D日印发”")


@check("imprint.last", "版记位于公文最后")
def _imprint_last(ctx: Ctx) -> tuple[str, str]:
    b = ctx.s.imprint
    if b is None:
        return NA, "无版记"
    after = [x for x in ctx.s.blocks if x.index > b.index and not x.empty]
    return verdict(not after, "位于最后", f"版记之后还有{len(after)}段内容")


@check("imprint.separators", "版记分隔线：首末粗线、中间细线，与版心等宽")
def _imprint_separators(ctx: Ctx) -> tuple[str, str]:
    b = ctx.s.imprint
    if b is None:
        return NA, "无版记"
    borders = b.el.find(f"{W}tblPr/{W}tblBorders")
    if borders is None:
        return FAIL, "版记表格没有边框线"

    def size(side: str) -> int:
        el = borders.find(f"{W}{side}")
        return 0 if el is None or el.get(qn("w:val")) in ("nil", "none") else int(el.get(qn("w:sz"), "4"))

    rows = len(_imprint_rows(b))
    width = table_width(b)
    ok = (
        size("top") >= 8
        and size("bottom") >= 8
        and (rows < 2 or 4 <= size("insideH") < 8)
        and size("left") == 0
        and size("right") == 0
        and size("insideV") == 0
        and abs(width - TEXT_WIDTH_TWIPS) <= 60
    )
    return verdict(
        ok,
        "粗-细-粗",
        f"上{size('top')}/中{size('insideH')}/下{size('bottom')}（1/8磅），宽{width / 56.7:.0f}mm",
    )


@check("imprint.cc", "抄送：“抄送：”+机关名称，末尾加句号")
def _imprint_cc(ctx: Ctx) -> tuple[str, str]:
    b = ctx.s.imprint
    if b is None or "抄送" not in b.text:
        return NA, "无抄送"
    line = next(t for t in b.text.split("\n") if "抄送" in t).strip()
    return verdict(line.startswith("抄送：") and line.endswith("。"), line[:20], f"“{line[:20]}”")


@check("imprint.font", "版记：4号仿宋")
def _imprint_font(ctx: Ctx) -> tuple[str, str]:
    b = ctx.s.imprint
    if b is None:
        return NA, "无版记"
    runs = [(r, p) for p in b.el.iter(f"{W}p") for r in p.iter(f"{W}r") if (r.findtext(f"{W}t") or "").strip()]
    sizes = {ctx.res.run_size(r, p) for r, p in runs}
    fonts = {ctx.res.run_font(r, p) or "" for r, p in runs if CJK.search(r.findtext(f"{W}t") or "")}
    return verdict(
        sizes == {14.0} and all("仿宋" in f for f in fonts), "14磅仿宋", f"{sorted(sizes)}磅，{sorted(fonts)}"
    )


# -- E. 页码 ------------------------------------------------------------------------------------------
def _footer_paragraphs(ctx: Ctx, even: bool) -> list[Any]:
    section = ctx.doc.sections[0]
    footer = section.even_page_footer if even else section.footer
    if footer.is_linked_to_previous and not even:
        return []
    if even and not ctx.doc.settings.odd_and_even_pages_header_footer:
        return []
    return [p for p in footer._element.iter(f"{W}p")]


def _has_page_field(p: Any) -> bool:
    instr = "".join(t.text or "" for t in p.iter(f"{W}instrText"))
    simple = [f.get(qn("w:instr")) or "" for f in p.iter(f"{W}fldSimple")]
    return "PAGE" in instr.upper() or any("PAGE" in s.upper() for s in simple)


@check("footer.present", "页码：奇偶页页脚都有 PAGE 域")
def _footer_present(ctx: Ctx) -> tuple[str, str]:
    odd = [p for p in _footer_paragraphs(ctx, False) if _has_page_field(p)]
    even = [p for p in _footer_paragraphs(ctx, True) if _has_page_field(p)]
    return verdict(
        bool(odd) and bool(even), "奇偶页页码", f"奇数页={bool(odd)}，偶数页={bool(even)}（需开启奇偶页不同）"
    )


@check("footer.position", "页码位置：单页居右空一字，双页居左空一字")
def _footer_position(ctx: Ctx) -> tuple[str, str]:
    odd = [p for p in _footer_paragraphs(ctx, False) if _has_page_field(p)]
    even = [p for p in _footer_paragraphs(ctx, True) if _has_page_field(p)]
    if not odd or not even:
        return FAIL, "缺少奇数页或偶数页页码"
    o, e = odd[0], even[0]
    ok = (
        ctx.res.alignment(o) in ("right", "end")
        and near(ctx.res.indent_pt(o, "right"), 14, 2)
        and ctx.res.alignment(e) in ("left", "start")
        and near(ctx.res.indent_pt(e, "left"), 14, 2)
    )
    return verdict(ok, "单右双左", f"单页{ctx.res.alignment(o)}，双页{ctx.res.alignment(e)}")


@check("footer.format", "页码格式：“— N —”")
def _footer_format(ctx: Ctx) -> tuple[str, str]:

    bad = []
    for even in (False, True):
        for p in _footer_paragraphs(ctx, even):
            if _has_page_field(p):
                t = paragraph_text(p).replace(" PAGE ", "")
                if not re.match(r"^—\s*\d*\s*—$", t.strip()):
                    bad.append(t.strip())
    return verdict(not bad, "— N —", "；".join(bad))


@check("footer.font", "页码：4号宋体")
def _footer_font(ctx: Ctx) -> tuple[str, str]:
    runs = [
        (r, p)
        for even in (False, True)
        for p in _footer_paragraphs(ctx, even)
        if _has_page_field(p)
        for r in p.iter(f"{W}r")
        if (r.findtext(f"{W}t") or "").strip()
    ]
    if not runs:
        return FAIL, "没有页码"
    sizes = {ctx.res.run_size(r, p) for r, p in runs}
    fonts = {ctx.res.run_font(r, p, "w:ascii") or "" for r, p in runs}
    return verdict(sizes == {14.0} and all("宋" in f for f in fonts), "14磅宋体", f"{sorted(sizes)}磅，{sorted(fonts)}")


# -- F/H. tables, punctuation, 承诺书 -----------------------------------------------------------------


@check("table.present", "承诺书：推荐人选表")
def _table_present(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind != "pledge":
        return NA, "非承诺书"
    return verdict(bool(ctx.s.tables), f"{len(ctx.s.tables)}个表格", "没有推荐人选表")


@check("table.width", "表格不宽于版心156 mm")
def _table_width_check(ctx: Ctx) -> tuple[str, str]:
    tables = [b for b in ctx.s.blocks if b.kind == "tbl"]
    if not tables:
        return NA, "无表格"
    bad = [f"{table_width(b) / 56.7:.0f}mm" for b in tables if table_width(b) > TEXT_WIDTH_TWIPS + 60]
    return verdict(not bad, f"{len(tables)}个表格", "超宽：" + "、".join(bad))


@check("signblock.cns", "承诺书落款：推荐单位（盖章）、负责人（签字）、日期")
def _signblock(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind != "pledge":
        return NA, "非承诺书"
    text = " ".join(b.text for b in ctx.s.sign_block)
    ok = "（盖章）" in text and "（签字）" in text and ctx.s.date is not None
    return verdict(ok, "盖章、签字、日期齐全", "缺少“（盖章）”“（签字）”或日期")


@check("body.punct", "中文正文使用全角标点", mandatory=False)
def _punct(ctx: Ctx) -> tuple[str, str]:
    pattern = re.compile(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]")
    bad = [f"“{m.group()}”" for b in body_blocks(ctx.s) for m in [pattern.search(b.text)] if m]
    return verdict(not bad, "全角标点", "半角标点：" + "、".join(bad[:5]))


# -- I. East Asian fonts and language -----------------------------------------------------------------
@check("fonts.east_asia", "中文字符都指定了东亚字体（w:eastAsia）")
def _east_asia(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for b in ctx.s.blocks:
        paragraphs = [b.el] if b.kind == "p" else list(b.el.iter(f"{W}p"))
        for p in paragraphs:
            for r in p.iter(f"{W}r"):
                if CJK.search(r.findtext(f"{W}t") or "") and not ctx.res.run_font(r, p):
                    bad.append(first(b, 8))
                    break
    return verdict(not bad, "已指定", "未指定东亚字体：" + "、".join(dict.fromkeys(bad[:3])))


@check("lang.zh_cn", "文档默认东亚语言为 zh-CN")
def _lang(ctx: Ctx) -> tuple[str, str]:
    lang = ctx.res.default_rpr.find(qn("w:lang")) if ctx.res.default_rpr is not None else None
    east = lang.get(qn("w:eastAsia")) if lang is not None else None
    theme = ctx.doc.settings.element.find(qn("w:themeFontLang"))
    theme_east = theme.get(qn("w:eastAsia")) if theme is not None else "zh-CN"
    return verdict(
        east == "zh-CN" and theme_east == "zh-CN", "zh-CN", f"docDefaults={east}，themeFontLang={theme_east}"
    )
