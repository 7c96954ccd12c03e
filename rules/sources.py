"""The documents rules cite, named once. Attached 办法 carry the 文号 of the notice that issued
them (several 办法 may share one 文号), so a citation always names the 办法's own title too."""

from __future__ import annotations

from rules.model import Source

SKILLS_COMPETITION = Source("云职创〔2019〕3号", "云南省职工职业技能竞赛管理办法（试行）")
WUYI_AWARD = Source("云工通〔2020〕18号", "云南省五一劳动奖和工人先锋号评选管理办法")
MODEL_WORKER_FUND = Source("云工通〔2020〕18号", "云南省劳动模范专项补助资金发放管理办法")
YUNLING_CRAFTSMAN = Source("云工办通〔2020〕22号", "云岭工匠选树管理办法")
INNOVATION_STUDIO = Source("云工办通〔2020〕22号", "云南省职工创新工作室选树管理办法")
TECHNICIAN_STATION = Source("云工办通〔2020〕22号", "云南省职工技师工作站选树管理办法")
TRAINING_FUND = Source("云工办通〔2020〕22号", "云南省工会技能培训专项资金管理办法（试行）")
LABOUR_COMPETITION = Source("云劳竞办〔2019〕1号", "云南省劳动竞赛管理办法")
KUNMING_PLAN_2022 = Source("昆工〔2022〕3号", "昆明地区2022年职工“72行大练兵·360行出状元”竞赛活动方案")
