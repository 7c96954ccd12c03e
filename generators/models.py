"""Input models of the three generators. Every field is validated before any XML is written, so a
bad payload ends in one ``InvalidInput`` naming the field, never in a traceback or a broken file."""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field, model_validator

from core import docnumber
from core.inputs import IsoDate, Line, StrictModel, Text
from rules.craftsman import CraftsmanNominee, StationNominee, StudioNominee

MAX_NOMINEES = 1000


def check_doc_number(value: str) -> str:
    """GB/T 9704 7.2.5: 机关代字〔YYYY〕N号 — six-cornered brackets, full year, no 第, no leading zero."""
    mistake = docnumber.problem(value)
    if mistake:
        raise ValueError(mistake)
    return value


DocNumber = Annotated[
    str, AfterValidator(check_doc_number), Field(json_schema_extra={"pattern": docnumber.WELL_FORMED.pattern})
]
Names = Annotated[list[Line], Field(min_length=1, max_length=60)]


def _no_trailing_punct(value: str) -> str:
    if value and value[-1] in "。，、；：！？.,;:!?":
        raise ValueError("标题末尾不用标点符号")
    return value


TitleText = Annotated[Line, Field(max_length=120), AfterValidator(_no_trailing_punct)]


class _Imprint(StrictModel):
    cc: list[Line] = Field(default_factory=list, max_length=50, description="抄送机关")
    printer: Line | None = Field(None, max_length=60, description="印发机关（默认为第一个发文机关）")
    print_date: IsoDate | None = Field(None, description="印发日期 YYYY-MM-DD（默认为成文日期）")


class NoticeInput(_Imprint):
    """通知 (incl. 印发通知) with a red 版头."""

    issuers: Names = Field(description="发文机关全称或规范化简称；多个为联合行文")
    with_wenjian: bool = Field(True, description="发文机关标志后加“文件”二字")
    doc_number: DocNumber = Field(description="发文字号，如 昆工〔2022〕3号")
    title: TitleText = Field(description="标题，如 关于做好……的通知")
    recipients: Names = Field(description="主送机关，按顺序")
    body: list[Annotated[Text, Field(min_length=1, max_length=5000)]] = Field(
        min_length=1,
        max_length=300,
        description="正文段落；以“一、”“（一）”“1.”“（1）”开头的段落按层次标题排版",
    )
    attachments: list[Annotated[Line, Field(max_length=80), AfterValidator(_no_trailing_punct)]] = Field(
        default_factory=list, max_length=20, description="附件名称（附件说明）"
    )
    signature: list[Line] | None = Field(None, max_length=20, description="署名（默认为发文机关）")
    date: IsoDate = Field(description="成文日期 YYYY-MM-DD")
    sealed: bool = Field(True, description="加盖印章（决定署名和日期的位置）")
    annotation: Line | None = Field(None, max_length=200, description="附注，如 联系人：张明，联系电话：0871-65900000")


class LeadingMember(StrictModel):
    role: Literal["组长", "副组长", "成员"] = Field(description="职务")
    name: Line = Field(max_length=20, description="姓名")
    position: Line = Field(max_length=80, description="单位职务")


def _month_day_or_date(value: object) -> str:
    if not isinstance(value, str) or not re.match(r"^(\d{4}-)?\d{1,2}-\d{1,2}$", value.strip()):
        raise ValueError("应为 MM-DD（年份取 year）或 YYYY-MM-DD")
    return value.strip()


def _agency_code(value: str) -> str:
    if not re.match(r"^[\u4e00-\u9fffA-Za-z]+$", value):
        raise ValueError("机关代字只能由汉字或字母组成，如 昆工")
    return value


class AddedParagraph(StrictModel):
    after: Line = Field(max_length=60, description="插在哪个段落之后（段落编号，见 docs/generators.md）")
    text: Text = Field(min_length=1, max_length=2000, description="段落文字")


class PlanOverrides(StrictModel):
    parameters: dict[str, Any] = Field(
        default_factory=dict,
        description='改动的参数：名称 → 新值（如 city_min: 25, half: "06-30", hosts: [...]）；名称见方案模板的 slots',
    )
    add_paragraphs: list[AddedParagraph] = Field(default_factory=list, max_length=50, description="新增的段落")
    remove_paragraphs: list[Annotated[str, Field(max_length=60)]] = Field(
        default_factory=list, max_length=50, description="删除的段落编号"
    )


class PlanInput(_Imprint):
    """关于印发《昆明地区YYYY年职工“72行大练兵·360行出状元”竞赛活动方案》的通知, with the 方案."""

    year: int = Field(ge=2000, le=2099, description="方案年度；所有时间节点都落在这一年")
    doc_number: DocNumber | None = Field(None, description="发文字号；省略时由 agency_code 与 serial 组成")
    agency_code: Annotated[Line, Field(max_length=10), AfterValidator(_agency_code)] = Field(
        "昆工", description="机关代字"
    )
    serial: int = Field(1, ge=1, le=9999, description="发文顺序号")
    issuers: Names = Field(["昆明市总工会", "昆明市人力资源和社会保障局"], description="发文机关")
    recipients: Names = Field(
        [
            "云南滇中新区总工会、人力资源和社会保障局",
            "各县（市）区总工会、人力资源和社会保障局",
            "各国家级、省级开发（度假）园区总工会、人力资源和社会保障局",
            "各产业",
            "各相关单位",
        ],
        description="主送机关",
    )
    date: Annotated[str, BeforeValidator(_month_day_or_date)] = Field(
        description="成文日期：MM-DD（年份取 year）或 YYYY-MM-DD（须在 year 年内）"
    )
    notice_body: Text | None = Field(None, max_length=2000, description="印发通知正文（默认“现将《……》印发给你们……”）")
    focus: list[Line] = Field(default_factory=list, max_length=10, description="本年度竞赛重点（写入目标任务）")
    leading_group: list[LeadingMember] = Field(default_factory=list, max_length=40, description="竞赛活动领导小组成员")
    office: Line = Field(
        "昆明市总工会职工技能提升办公室（昆明市职工技术协会办公室）",
        max_length=80,
        description="领导小组办公室",
    )
    annotation: Line | None = Field(None, max_length=200, description="附注")
    attachment_label: bool = Field(
        True,
        description="方案页首加“附件”标识（按需求默认加；GB/T 9704 印发通知所印发的文件可不作附件，设为 false 即不加）",
    )
    sealed: bool = Field(True, description="加盖印章（决定署名和日期的位置）")
    base: Annotated[str, Field(max_length=60)] = Field(
        "kunming_2022", description="方案模板（默认：昆工〔2022〕3号 昆明地区2022年方案）"
    )
    overrides: PlanOverrides = Field(
        default_factory=PlanOverrides, description="相对模板的改动：参数、新增段落、删除段落（默认无改动）"
    )

    def issue_date(self) -> date:
        parts = [int(x) for x in self.date.split("-")]
        year, month, day = [self.year, *parts] if len(parts) == 2 else parts
        try:
            return date(year, month, day)
        except ValueError:
            raise ValueError(f"字段 date：{year}-{month:02d}-{day:02d} 不是存在的日期") from None

    @model_validator(mode="after")
    def _consistent_year(self) -> PlanInput:
        when = self.issue_date()
        if when.year != self.year:
            raise ValueError(f"字段 date：成文日期 {when.isoformat()} 不在方案年度 {self.year} 年内")
        number = docnumber.parse(self.doc_number) if self.doc_number else None
        if number is not None and number.year != self.year:
            raise ValueError(f"字段 doc_number：发文字号的年份应为 {self.year}")
        if self.print_date and self.print_date < when:
            raise ValueError("字段 print_date：印发日期不能早于成文日期")
        return self

    def number(self) -> str:
        return self.doc_number or str(docnumber.DocNumber(self.agency_code, self.year, self.serial))


class Course(StrictModel):
    name: Line = Field(max_length=60, description="课程名称")
    kind: Literal["理论", "实操", "理论+实操"] = Field("理论", description="课程类型")
    hours: float = Field(gt=0, le=2000, allow_inf_nan=False, description="学时")


class BudgetItem(StrictModel):
    item: Line = Field(max_length=80, description="经费项目，如 教师授课费")
    category: Literal["培训学费", "学员生活补助", "技能鉴定费", "省总工会补助", "工会配套"] = Field(
        description="费用类别：助力脱贫攻坚专项技能培训取 培训学费/学员生活补助/技能鉴定费（第十条）；"
        "职工技能提升培训取 省总工会补助/工会配套（第九条）"
    )
    amount_yuan: float = Field(ge=0, le=1e9, allow_inf_nan=False, description="金额（元）")


class TrainingPlanInput(StrictModel):
    """xx培训项目实施方案 (附件1 of 《云南省工会技能培训专项资金管理办法（试行）》, 云工办通〔2020〕22号)."""

    project: TitleText = Field(
        description="培训项目名称，如 2026年昆明市家政服务员技能培训项目（标题为“项目名称+实施方案”）"
    )
    programme: Literal["职工技能提升培训", "助力脱贫攻坚专项技能培训"] = Field(description="培训项目类别（第五条）")
    organiser: Line = Field(max_length=60, description="组织实施的工会（落款），如 昆明市总工会")
    tasks: list[Annotated[Text, Field(min_length=1, max_length=2000)]] = Field(
        min_length=1, max_length=20, description="一、培训任务及要求"
    )
    trainees: int = Field(ge=1, le=100000, description="培训人数")
    trainee_description: Text = Field(min_length=1, max_length=1000, description="二、培训对象（第六条）")
    start: IsoDate = Field(description="培训开始日期")
    end: IsoDate = Field(description="培训结束日期")
    place: Line = Field(max_length=120, description="培训地点")
    method: Text = Field(min_length=1, max_length=2000, description="四、培训方式（培训机构、组织形式）")
    courses: list[Course] = Field(min_length=1, max_length=100, description="五、培训课程设置")
    standard_total_yuan: float | None = Field(
        None, ge=0, le=1e10, allow_inf_nan=False, description="培训补助标准总额（元；职工技能提升培训必填，第九条）"
    )
    budget: list[BudgetItem] = Field(min_length=1, max_length=100, description="六、培训经费构成")
    leadership: list[Annotated[Text, Field(min_length=1, max_length=2000)]] = Field(
        min_length=1, max_length=20, description="七、培训组织领导和工作职责"
    )
    other: list[Annotated[Text, Field(min_length=1, max_length=2000)]] = Field(
        default_factory=list, max_length=20, description="八、其他要求"
    )
    date: IsoDate = Field(description="落款日期")

    @model_validator(mode="after")
    def _dates_in_order(self) -> TrainingPlanInput:
        if self.end < self.start:
            raise ValueError("字段 end：培训结束日期不能早于开始日期")
        if (self.end - self.start).days > 3650:
            raise ValueError("字段 end：培训期不能超过10年")
        return self

    def days(self) -> int:
        return (self.end - self.start).days + 1


Programme = Literal["云岭工匠", "职工创新工作室", "职工技师工作站"]


class _PledgeBase(StrictModel):
    session: int = Field(ge=1, le=999, description="届次（第N届）")
    unit: Line = Field(max_length=60, description="推荐单位（盖章单位）全称，如 昆明市总工会")
    cutoff_date: IsoDate = Field(description="截至日期：统计申报材料的截止日")
    review_date: IsoDate = Field(description="初审日期")
    experts: int = Field(ge=1, le=200, description="特邀专家人数")
    expert_names: list[Line] = Field(default_factory=list, max_length=200, description="特邀专家姓名（可选）")
    date: IsoDate = Field(description="落款日期")
    addressee: Line = Field("云南省总工会", max_length=40, description="主送（称谓）")

    @model_validator(mode="after")
    def _dates_in_order(self) -> _PledgeBase:
        if self.review_date < self.cutoff_date:
            raise ValueError("字段 review_date：初审日期不能早于截至日期")
        if self.date < self.review_date:
            raise ValueError("字段 date：落款日期不能早于初审日期")
        if len(self.expert_names) > self.experts:
            raise ValueError("字段 expert_names：专家姓名多于专家人数")
        return self


class CraftsmanPledge(_PledgeBase):
    programme: Literal["云岭工匠"] = Field(description="选树项目")
    nominees: list[CraftsmanNominee] = Field(
        min_length=1, max_length=MAX_NOMINEES, description="全部申报人（含不予推荐的）"
    )


class StudioPledge(_PledgeBase):
    programme: Literal["职工创新工作室"] = Field(description="选树项目")
    nominees: list[StudioNominee] = Field(min_length=1, max_length=MAX_NOMINEES, description="全部申报的工作室")


class StationPledge(_PledgeBase):
    programme: Literal["职工技师工作站"] = Field(description="选树项目")
    nominees: list[StationNominee] = Field(min_length=1, max_length=MAX_NOMINEES, description="全部申报的工作站")


PLEDGE_MODELS: dict[str, type[_PledgeBase]] = {
    "云岭工匠": CraftsmanPledge,
    "职工创新工作室": StudioPledge,
    "职工技师工作站": StationPledge,
}
