"""Checks for the page, the 版头 and the 主体 up to the headings (GB/T 9704 5, 7.2, 7.3.1–7.3.3)."""

from __future__ import annotations

import re
from typing import Any

from docx.oxml.ns import qn

from core import docnumber
from generators.check_base import (
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
    verdict,
)
from generators.docx_reader import CJK, Block, W
from generators.headings import heading_mistake, parse_heading, sequence_problems


# -- A. paper and page ------------------------------------------------------------------------------
@check("page.size", "A4 纵向 210×297 mm")
def _page_size(ctx: Ctx) -> tuple[str, str]:
    bad = [
        f"第{i + 1}节 {s.page_width.mm:.0f}×{s.page_height.mm:.0f} mm"
        for i, s in enumerate(ctx.doc.sections)
        if s.page_width is None
        or s.page_height is None
        or not near(s.page_width.mm, 210, 1)
        or not near(s.page_height.mm, 297, 1)
    ]
    return verdict(not bad, "A4 纵向", "；".join(bad))


@check("page.margins", "页边距：上37、下35、左28、右26 mm（±1），装订线0")
def _margins(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for i, s in enumerate(ctx.doc.sections):
        got = {k: getattr(s, f"{k}_margin") for k in ("top", "bottom", "left", "right")}
        want = {"top": 37, "bottom": 35, "left": 28, "right": 26}
        for k, v in got.items():
            if v is None or not near(v.mm, want[k], 1):
                bad.append(f"第{i + 1}节{k}={'未设置' if v is None else f'{v.mm:.1f}mm'}")
        if s.gutter and s.gutter.mm > 0.1:
            bad.append(f"第{i + 1}节装订线={s.gutter.mm:.1f}mm")
    return verdict(not bad, "版心156×225 mm", "；".join(bad))


@check("page.grid", "每行28字：正文字距紧缩0.25磅或网格 linesAndChars")
def _grid(ctx: Ctx) -> tuple[str, str]:
    normal = ctx.res.styles.get(ctx.res.default_para)
    spacing = normal.find(f"{W}rPr/{W}spacing") if normal is not None else None
    condensed = spacing is not None and int(spacing.get(qn("w:val"), "0")) <= -5
    grid = ctx.doc.sections[0]._sectPr.find(qn("w:docGrid"))
    chars_grid = grid is not None and grid.get(qn("w:type")) == "linesAndChars" and grid.get(qn("w:charSpace"))
    return verdict(condensed or bool(chars_grid), "每行28字", "3号字不紧缩时每行只有27字")


@check("body.line_spacing", "行距：固定值约28.95磅（每页22行）")
def _line_spacing(ctx: Ctx) -> tuple[str, str]:
    normal = ctx.res.styles.get(ctx.res.default_para)
    bad = []
    if normal is not None:
        el = normal.find(f"{W}pPr/{W}spacing")
        rule = el.get(qn("w:lineRule")) if el is not None else None
        line = int(el.get(qn("w:line"), "0")) / 20 if el is not None else 0
        if rule != "exact" or not 27.9 <= line <= 29.0:
            bad.append(f"正文样式行距 {rule or 'auto'} {line:g}磅")
    for b in body_blocks(ctx.s):
        rule, line = ctx.res.line_spacing(b.el)
        if rule != "exact" or line is None or not 24.0 <= line <= 29.0:  # 7.3.5.5 allows tightening
            bad.append(f"“{first(b)}”行距 {rule} {line}")
            break
    return verdict(not bad, "固定值行距", "；".join(bad))


# -- B. 版头 ------------------------------------------------------------------------------------------
def _gongwen(ctx: Ctx) -> bool:
    return ctx.s.kind == "gongwen"


@check("header.issuer_red", "发文机关标志：红色小标宋，居中")
def _issuer(ctx: Ctx) -> tuple[str, str]:
    if not _gongwen(ctx):
        return NA, "无版头"
    if not ctx.s.mark:
        return FAIL, "发文字号上方没有发文机关标志"
    runs = [
        (r, p)
        for b in ctx.s.mark
        for p in ([b.el] if b.kind == "p" else b.el.iter(f"{W}p"))
        for r in p.iter(f"{W}r")
        if (r.findtext(f"{W}t") or "").strip()
    ]
    colours = {ctx.res.run_color(r, p) for r, p in runs}
    fonts = {ctx.res.run_font(r, p) or "" for r, p in runs}
    red = bool(runs) and colours <= {"FF0000"}
    song = all("标宋" in f or "宋" in f for f in fonts)
    return verdict(red and song, "红色小标宋", f"颜色{sorted(c or '未设置' for c in colours)}，字体{sorted(fonts)}")


@check("docno.present", "发文字号：发文机关标志下空二行，居中")
def _docno_present(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind != "gongwen":
        return NA, "无版头"
    b = ctx.s.docno
    centred = ctx.res.alignment(b.el) == "center"
    blanks = [x for x in ctx.s.blocks if ctx.s.mark and ctx.s.mark[-1].index < x.index < b.index and x.empty]
    return verdict(centred and len(blanks) >= 2, f"“{b.text.strip()}”", f"居中={centred}，与标志间空行{len(blanks)}行")


@check("docno.format", "发文字号格式：机关代字〔年份〕序号号")
def _docno_format(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind != "gongwen":
        return NA, "无版头"
    text = re.sub(r"\s+", "", ctx.s.docno.text)
    return verdict(
        bool(docnumber.WELL_FORMED.match(text)),
        text,
        f"“{text}”应为 机关代字〔YYYY〕N号（六角括号，不编虚位，不加“第”）",
    )


@check("header.separator_red", "版头红色分隔线")
def _separator(ctx: Ctx) -> tuple[str, str]:
    if not _gongwen(ctx):
        return NA, "无版头"
    candidates = [b for b in ctx.s.blocks if b.kind == "p" and ctx.s.docno.index <= b.index <= ctx.s.docno.index + 2]
    for b in candidates:
        for side in ("bottom", "top"):
            el = b.el.find(f"{W}pPr/{W}pBdr/{W}{side}")
            if el is not None and (el.get(qn("w:color")) or "").upper() == "FF0000" and el.get(qn("w:val")) != "nil":
                return PASS, "发文字号下红色分隔线"
    return FAIL, "发文字号下没有红色分隔线"


# -- C. 主体 ------------------------------------------------------------------------------------------
def _titles(ctx: Ctx) -> list[Block]:
    return [t for t in [ctx.s.title, *ctx.s.part_titles] if t is not None]


@check("title.font", "标题：小标宋体")
def _title_font(ctx: Ctx) -> tuple[str, str]:
    titles = _titles(ctx)
    if not titles:
        return FAIL, "没有标题"
    bad = [
        f"“{first(t)}”：{sorted(fonts_of(ctx, t))}" for t in titles if not all("标宋" in f for f in fonts_of(ctx, t))
    ]
    return verdict(not bad, "小标宋", "；".join(bad))


@check("title.size", "标题：2号（22磅），不加粗")
def _title_size(ctx: Ctx) -> tuple[str, str]:
    titles = _titles(ctx)
    if not titles:
        return FAIL, "没有标题"
    bad = []
    for t in titles:
        sizes = sizes_of(ctx, t)
        bold = any(
            ctx.res.run_attr(r, p, "w:b", "w:val") not in (None, "0", "false")
            or (r.find(f"{W}rPr/{W}b") is not None and r.find(f"{W}rPr/{W}b").get(qn("w:val")) is None)
            for r, p in ctx.runs(t)
        )
        if sizes != {22.0} or bold:
            bad.append(f"“{first(t)}”：{sorted(sizes)}磅{'，加粗' if bold else ''}")
    return verdict(not bad, "22磅", "；".join(bad))


@check("title.align", "标题：居中")
def _title_align(ctx: Ctx) -> tuple[str, str]:
    titles = _titles(ctx)
    bad = [f"“{first(t)}”" for t in titles if ctx.res.alignment(t.el) != "center"]
    return verdict(bool(titles) and not bad, "居中", "未居中：" + "、".join(bad) if bad else "没有标题")


@check("title.punct", "标题：末尾不加标点")
def _title_punct(ctx: Ctx) -> tuple[str, str]:
    titles = _titles(ctx)
    bad = [f"“{first(t)}”" for t in titles if re.sub(r"\s+", "", t.text)[-1:] in set("。，、；：！？.,;:!?")]
    return verdict(not bad, "无末尾标点", "、".join(bad))


@check("recipient.present", "主送机关")
def _recipient_present(ctx: Ctx) -> tuple[str, str]:
    if ctx.s.kind == "document":
        return NA, "非公文"
    return verdict(ctx.s.recipient is not None, "有主送机关", "标题后没有以“：”结尾的主送机关")


@check("recipient.format", "主送机关：顶格，全角冒号结尾")
def _recipient_format(ctx: Ctx) -> tuple[str, str]:
    r = ctx.s.recipient
    if r is None:
        return NA, "无主送机关"
    flush = abs(ctx.res.indent_pt(r.el, "first")) < 1 and abs(ctx.res.indent_pt(r.el, "left")) < 1
    colon = r.text.rstrip().endswith("：")
    return verdict(flush and colon, "顶格，全角冒号", f"顶格={flush}，全角冒号={colon}")


def _plain_runs(ctx: Ctx, b: Block) -> list[Any]:
    """Runs of 正文 text, leaving out the 黑体/楷体 part of a run-in heading."""
    h = parse_heading(b.text.strip())
    runs = ctx.runs(b)
    if h is None or h.level > 2:
        return runs
    seen, out = 0, []
    for r, p in runs:
        if seen >= h.end:
            out.append((r, p))
        seen += len(r.findtext(f"{W}t") or "")
    return out


@check("body.font", "正文：仿宋")
def _body_font(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for b in body_blocks(ctx.s):
        fonts = {
            ctx.res.run_font(r, p) or "（未设置）"
            for r, p in _plain_runs(ctx, b)
            if CJK.search(r.findtext(f"{W}t") or "")
        }
        if fonts and not all("仿宋" in f for f in fonts):
            bad.append(f"“{first(b)}”：{sorted(fonts)}")
    return verdict(not bad, "仿宋", "；".join(bad[:3]))


@check("body.size", "正文：3号（16磅）")
def _body_size(ctx: Ctx) -> tuple[str, str]:
    bad = [f"“{first(b)}”：{sorted(sizes_of(ctx, b))}" for b in body_blocks(ctx.s) if sizes_of(ctx, b) - {16.0}]
    return verdict(not bad, "16磅", "；".join(bad[:3]))


@check("body.indent", "正文：每段左空二字（首行缩进32磅）")
def _body_indent(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for b in body_blocks(ctx.s):
        first = ctx.res.indent_pt(b.el, "first") + ctx.res.indent_pt(b.el, "left")
        if not near(first, 32, 2.5) or ctx.res.alignment(b.el) in ("center", "right"):
            bad.append(f"“{first(b)}”首行{first:g}磅")
    return verdict(not bad, "首行缩进2字", "；".join(bad[:3]))


def _all_texts(ctx: Ctx) -> list[Block]:
    return body_blocks(ctx.s)


@check("headings.format", "层次序号：一、（一）1.（1）的写法")
def _headings_format(ctx: Ctx) -> tuple[str, str]:
    bad = [f"“{first(b, 8)}”{m}" for b in _all_texts(ctx) if (m := heading_mistake(b.text.strip()))]
    return verdict(not bad, "写法正确", "；".join(bad[:3]))


@check("headings.sequence", "层次序号连续，逐级从一/1起编")
def _headings_sequence(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for part in [ctx.s.body, *ctx.s.part_bodies]:
        texts = [b.text.strip() for b in part if not b.empty]
        bad += [f"应为“{e}”，实为“{f}”" for _, e, f in sequence_problems(texts)]
    return verdict(not bad, "连续", "；".join(bad[:3]))


@check("headings.fonts", "一级标题黑体、二级标题楷体")
def _headings_fonts(ctx: Ctx) -> tuple[str, str]:
    bad = []
    for b in _all_texts(ctx):
        h = parse_heading(b.text.strip())
        if h is None or h.level > 2:
            continue
        runs = ctx.runs(b)
        font = ctx.res.run_font(*runs[0]) if runs else None
        want = "黑体" if h.level == 1 else "楷体"
        if not font or want not in font:
            bad.append(f"“{first(b, 8)}”为{font}")
    return verdict(not bad, "黑体/楷体", "；".join(bad[:3]))


@check("headings.autonumber", "层次序号以文字录入，不用自动编号")
def _autonumber(ctx: Ctx) -> tuple[str, str]:
    bad = [f"“{first(b, 8)}”" for b in ctx.s.blocks if b.kind == "p" and ctx.res.numbered(b.el)]
    return verdict(not bad, "无自动编号", "使用了自动编号：" + "、".join(bad[:3]))
