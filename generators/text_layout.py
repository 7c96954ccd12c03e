"""Text measured in character widths: how wide a line is, how many lines a paragraph takes, and
where to break a long title. Layout engines are out of reach at generation time, but 公文 text is
almost all full-width characters on a fixed grid, so counting is accurate enough to split titles
symmetrically and to push the 版记 to the foot of the last page."""

from __future__ import annotations

import math
import re
import unicodedata

from generators.typography import TEXT_WIDTH_PT

_OPENING = set("“‘《（〔【「『(")
_OPENING_SET = _OPENING
_CLOSING = set("”’》）〕】」』)，。、；：？！·…,.;:?!")
_GOOD_BREAK_AFTER = set("》”·、，")
_GOOD_BREAK_BEFORE = set("《“")
_DOC_TYPE_TAILS = ("的通知", "的意见", "的决定", "的通报", "的批复", "的报告", "的请示", "的函")
# Frequent words of 公文 titles: a break inside one is ugly, a break at its edge is natural.
_WORD_LINES = (
    "关于 印发 转发 做好 开展 加强 进一步 实施 组织 举办 推荐 申报 评选 选树",
    "管理 办法 方案 规定 细则 意见 通知 决定 工作 文件 有关 年度 全省 全市",
    "全国 云南省 昆明市 昆明 地区 云南 云岭 工匠 职工 农民工 职业 技能 竞赛",
    "大赛 活动 劳动 模范 劳模 先进 创新 技术 技师 工作室 工作站 承诺书 承诺",
    "补助 资金 专项 培训 总工会 工会 人力资源 社会保障 大练兵 出状元 行业 企业",
    "单位 产业 工人 队伍 建设 改革 示范性 五一 奖章 标准 目录 计划 规划 实施方案",
    "管理办法 创新工作室 技师工作站 劳动竞赛 职业技能 技能大赛",
)
_WORDS = frozenset(word for line in _WORD_LINES for word in line.split())


def char_width(ch: str) -> float:
    """Full-width (and ambiguous: “” · —) characters are one em; ASCII letters and digits half."""
    return 1.0 if unicodedata.east_asian_width(ch) in ("W", "F", "A") else 0.5


def text_width(text: str) -> float:
    return sum(char_width(ch) for ch in text)


def chars_per_line(size_pt: float, *, spacing_pt: float = 0.0, width_pt: float = TEXT_WIDTH_PT) -> int:
    """Full-width characters that fit in one line: 28 for 3号 condensed by 0.25 pt, 20 for 2号."""
    return max(1, math.floor(width_pt / (size_pt + spacing_pt) + 1e-6))


_HANGING = set("，。、；：？！）》”’」』〕】,.;:?!)")
_TOKEN = re.compile(r"[A-Za-z0-9%.+\-]+|.", re.S)


def line_count(text: str, *, per_line: float, indent_chars: float = 0.0) -> int:
    """Lines a paragraph occupies, by filling lines greedily as Word and LibreOffice do: ASCII words
    and numbers do not break, a closing mark may hang past the line end (w:overflowPunct), and an
    opening mark never ends a line."""
    if not text:
        return 1
    lines, used = 1, indent_chars
    for token in _TOKEN.findall(text):
        width = text_width(token)
        if used + width <= per_line + 1e-9:
            used += width
        elif token in _HANGING and used <= per_line + 1e-9:
            used = per_line + 1  # hangs in the margin; the next character starts a new line
        else:
            lines += 1
            used = width
        if token in _OPENING_SET and used >= per_line - 1e-9:
            lines += 1  # an opening mark cannot end a line: it moves down
            used = width
    return lines


def _break_penalty(text: str, i: int) -> float:
    """Cost of breaking between text[i-1] and text[i]; inf where a break is never allowed."""
    prev, nxt = text[i - 1], text[i]
    if prev in _OPENING or nxt in _CLOSING:
        return math.inf
    if prev.isascii() and prev.isalnum() and nxt.isascii() and nxt.isalnum():
        return math.inf  # inside 2026 or 72
    if prev.isascii() and prev.isdigit():
        return 6.0  # between 72 and 行
    if text.startswith("关于") and i == 2:
        return 0.0
    if prev in _GOOD_BREAK_AFTER or nxt in _GOOD_BREAK_BEFORE:
        return 0.5
    if any(text.startswith(tail, i) for tail in _DOC_TYPE_TAILS):
        return 0.5
    if any(text[a:b] in _WORDS for a in range(max(0, i - 4), i) for b in range(i + 1, min(len(text), i + 4) + 1)):
        return 15.0  # inside a known word: worse than an extra line
    if any(text[a:i] in _WORDS for a in range(max(0, i - 4), i - 1)) or any(
        text[i:b] in _WORDS for b in range(i + 2, min(len(text), i + 4) + 1)
    ):
        return 1.0  # at a known word's edge
    if prev == "年":
        return 1.5
    return 3.0  # between two Chinese characters: may split an unknown word


def split_title(text: str, max_units: float = 19.0) -> list[str]:
    """Break a long title into balanced lines (梯形/菱形, GB/T 9704 7.3.1), never inside a number or
    next to an opening/closing mark, preferring breaks at 《》“”, 关于 and 的通知."""
    total = text_width(text)
    if total <= max_units:
        return [text]
    n = len(text)
    prefix = [0.0]
    for ch in text:
        prefix.append(prefix[-1] + char_width(ch))
    best: list[str] = [text]
    best_cost = math.inf
    min_lines = math.ceil(total / max_units)
    for lines in range(min_lines, min_lines + 2):
        target = total / lines
        # dp[k][i]: cheapest split of text[:i] into k lines; back[k][i]: start of the k-th line.
        dp = [[math.inf] * (n + 1) for _ in range(lines + 1)]
        back = [[0] * (n + 1) for _ in range(lines + 1)]
        dp[0][0] = 0.0
        for k in range(1, lines + 1):
            for i in range(1, n + 1):
                if k == lines and i != n:
                    continue
                end_pen = 0.0 if i == n else _break_penalty(text, i)
                if end_pen == math.inf:
                    continue
                for j in range(k - 1, i):
                    if dp[k - 1][j] == math.inf:
                        continue
                    width = prefix[i] - prefix[j]
                    if width > max_units:
                        continue
                    cost = dp[k - 1][j] + abs(width - target) + end_pen
                    if cost < dp[k][i]:
                        dp[k][i], back[k][i] = cost, j
        if dp[lines][n] + lines * 2 < best_cost:
            parts, i = [], n
            for k in range(lines, 0, -1):
                j = back[k][i]
                parts.append(text[j:i])
                i = j
            best, best_cost = parts[::-1], dp[lines][n] + lines * 2
    return best
