"""The 技能培训专项资金管理办法's limits on a training project's budget (云工办通〔2020〕22号), applied to
the lines of an "xx培训项目实施方案" before it is written: a line over a limit is refused with the article
that sets it, so a plan never asks for money the 办法 does not allow.

- 助力脱贫攻坚专项技能培训 (第十条): only 培训学费, 学员生活补助 and 技能鉴定费; 学员生活补助 at most
  80 元/人/天 up to 30 days, otherwise 3600 元/人; 培训学费 never covers 基本建设, 教学设备购置 or 项目工作经费.
  Fewer than 15 days is noted (第七条: 原则上不少于15天), not refused.
- 职工技能提升培训 (第九条): the province's share at most 70 % of the 培训补助标准, the local unions' at
  least 30 %.
All values are the parameters of rules/params/training_fund.toml.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from core.errors import InvalidInput
from rules.model import RuleCitation
from rules.parameters import document

TF = document("training_fund")
POVERTY = "助力脱贫攻坚专项技能培训"
UPSKILLING = "职工技能提升培训"
PROVINCE_LINE = "省总工会补助"
LOCAL_LINE = "工会配套"
UPSKILLING_CATEGORIES = (PROVINCE_LINE, LOCAL_LINE)


@dataclass(frozen=True, slots=True)
class BudgetLine:
    item: str
    category: str
    amount_yuan: Decimal


@dataclass(frozen=True, slots=True)
class BudgetCheck:
    """One limit applied: what it allows, the article, and whether the budget keeps it (always True for
    the checks that refuse: a line over a limit never gets this far)."""

    requirement: str
    detail: str
    cite: RuleCitation
    ok: bool = True

    def to_dict(self) -> dict[str, object]:
        return {
            "requirement": self.requirement,
            "detail": self.detail,
            "ok": self.ok,
            **self.cite.to_dict(),
        }


def _refuse(field: str, message: str, cite: RuleCitation) -> InvalidInput:
    return InvalidInput(
        f"字段 {field}：{message}（依据{cite.label()}，{cite.doc_number}）",
        fields=[field],
        article={**cite.to_dict()},
    )


def _known_categories(lines: list[BudgetLine], categories: Sequence[str], rule: str, cite: RuleCitation) -> None:
    """Every budget line in one of the categories the 办法 funds, or a refusal naming the line and the article."""
    for i, line in enumerate(lines):
        if line.category not in categories:
            raise _refuse(f"budget[{i}].category", f"{rule}，“{line.category}”不在其中", cite)


def _yuan(value: Decimal) -> str:
    q = value.quantize(Decimal("0.01"))
    return f"{int(q)}" if q == q.to_integral_value() else f"{q:.2f}"


def check_budget(
    programme: str,
    days: int,
    trainees: int,
    lines: list[BudgetLine],
    standard_total_yuan: Decimal | None,
) -> list[BudgetCheck]:
    """The limits the budget keeps, with their articles; InvalidInput naming ``budget[i]`` (and the
    article) for the first line that breaks one."""
    if programme == POVERTY:
        return _poverty(days, trainees, lines)
    return _upskilling(lines, standard_total_yuan)


def _poverty(days: int, trainees: int, lines: list[BudgetLine]) -> list[BudgetCheck]:
    categories = list(TF.value("poverty_categories"))
    cat_cite, excl_cite = TF.cite("poverty_categories"), TF.cite("tuition_excluded")
    rate, cap_days, lump = TF.value("living"), TF.value("living_cap_days"), TF.value("living_lump")
    per_person = rate * days if days <= cap_days else lump
    living_cite = TF.cite("living") if days <= cap_days else TF.cite("living_lump")
    living_max = Decimal(per_person * trainees)
    living_total = Decimal(0)
    _known_categories(lines, categories, f"{POVERTY}只补助{'、'.join(categories)}三类费用", cat_cite)
    for i, line in enumerate(lines):
        if line.category == categories[0]:
            for word in TF.value("tuition_excluded"):
                if word in line.item:
                    raise _refuse(f"budget[{i}].item", f"“{line.item}”属{word}，不得纳入培训学费", excl_cite)
        if line.category == categories[1]:
            living_total += line.amount_yuan
            if living_total > living_max:
                basis = f"{rate}元/人/天×{days}天" if days <= cap_days else f"超过{cap_days}天一次性{lump}元/人"
                raise _refuse(
                    f"budget[{i}].amount_yuan",
                    f"学员生活补助合计{_yuan(living_total)}元，超过上限{_yuan(living_max)}元（{basis}×{trainees}人）",
                    living_cite,
                )
    checks = [
        BudgetCheck("补助费用类别", f"只列{'、'.join(categories)}", cat_cite),
        BudgetCheck(
            "学员生活补助上限",
            f"每人{per_person}元，{trainees}人合计不超过{_yuan(living_max)}元（本预算{_yuan(living_total)}元）",
            living_cite,
        ),
        BudgetCheck("培训学费范围", f"不含{'、'.join(TF.value('tuition_excluded'))}", excl_cite),
    ]
    min_days = TF.value("min_days")
    checks.append(
        BudgetCheck(
            "培训天数",
            f"培训{days}天" + ("" if days >= min_days else f"，少于原则上的{min_days}天，须说明理由"),
            TF.cite("min_days"),
            ok=days >= min_days,
        )
    )
    return checks


def _upskilling(lines: list[BudgetLine], standard_total_yuan: Decimal | None) -> list[BudgetCheck]:
    province_cite, local_cite = TF.cite("split_province"), TF.cite("split_local")
    if standard_total_yuan is None:
        raise _refuse("standard_total_yuan", f"{UPSKILLING}须给出按标准目录计算的培训补助标准总额", province_cite)
    province_share = Decimal(str(TF.value("split_province")))
    local_share = Decimal(str(TF.value("split_local")))
    province_max = standard_total_yuan * province_share
    local_min = standard_total_yuan * local_share
    province = local = Decimal(0)
    _known_categories(
        lines,
        UPSKILLING_CATEGORIES,
        f"{UPSKILLING}按培训补助标准分级补助，经费只分{PROVINCE_LINE}、{LOCAL_LINE}两类",
        province_cite,
    )
    for i, line in enumerate(lines):
        if line.category == PROVINCE_LINE:
            province += line.amount_yuan
            if province > province_max:
                raise _refuse(
                    f"budget[{i}].amount_yuan",
                    f"{PROVINCE_LINE}合计{_yuan(province)}元，超过培训补助标准的{province_share:.0%}"
                    f"（{_yuan(province_max)}元）",
                    province_cite,
                )
        else:
            local += line.amount_yuan
    if local < local_min:
        last = max((i for i, line in enumerate(lines) if line.category == LOCAL_LINE), default=len(lines) - 1)
        raise _refuse(
            f"budget[{max(last, 0)}].amount_yuan",
            f"{LOCAL_LINE}合计{_yuan(local)}元，低于培训补助标准的{local_share:.0%}（{_yuan(local_min)}元）",
            local_cite,
        )
    return [
        BudgetCheck(
            "省总工会补助上限",
            f"不超过培训补助标准的{province_share:.0%}，即{_yuan(province_max)}元（本预算{_yuan(province)}元）",
            province_cite,
        ),
        BudgetCheck(
            "各级工会配套下限",
            f"不低于培训补助标准的{local_share:.0%}，即{_yuan(local_min)}元（本预算{_yuan(local)}元）",
            local_cite,
        ),
    ]
