"""The genre's compiled patterns: headings, numbering, labels, statuses, contacts, counts."""

import re

from rectify.numerals import NUMBER

CN_ORDINAL = "一二三四五六七八九十"

# Top-level parts: "一、组织整改落实情况".
PART_HEADING = re.compile(rf"^([{CN_ORDINAL}]+)[、.．]\s*(.+)$")
# Numbering markers at the start of a line, from the outermost level inwards. Problem numbers run
# past 999 in a county's whole-term ledger ("1000." / "1234、"): up to five digits; a date such as
# "2023.5" is kept out by the lookahead, and "2024年" has no mark after the digits.
CN_PAREN = re.compile(rf"^[（(]([{CN_ORDINAL}]+)[）)]\s*(.*)$")
ARABIC_DOT = re.compile(r"^(\d{1,5})\s*(?:[.．、](?!\d)|[）)](?![）)]))\s*(.*)$")
# "问题3:", "【问题三】", "反馈问题一:", and the unnumbered "问题:" of news digests.
ISSUE_LABEL = re.compile(
    rf"^[【\[]?(?:反馈|存在|具体)?(问题\s*(?:\d{{1,5}}|[{CN_ORDINAL}]{{1,3}})?)(?:[】\]]\s*[:：]?|\s*[:：])\s*(.*)$"
)
ARABIC_PAREN = re.compile(r"^[（(](\d{1,5})[）)]\s*(.*)$")
CIRCLED = re.compile(r"^([①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳])\s*(.*)$")
# An unnumbered heading that names one problem: 关于“X”问题的整改, 针对…的问题. The quoted form may hold
# any punctuation; an unquoted one is a single clause, so a sentence that merely mentions 问题 is not one.
PROBLEM_HEADING = re.compile(
    r"^(?:关于|针对)\s*(?:“[^”]{2,80}”|\"[^\"]{2,80}\"|[^，,。；;:：“”]{2,40}?)\s*(?:的)?(?:问题|方面)"
    r"(?:的?整改(?:落实|进展)?(?:情况)?)?[。:：]?$"
)

# "整改情况:" introduces measures; "整改完成情况:" states the problem's status.
STATUS_LABEL = re.compile(r"^(?:整改完成情况|完成情况|整改状态|整改结果|完成时限及情况)\s*[:：]\s*(.*)$")
MEASURE_LABELS = (
    r"整改(?:进展|落实|推进)?情况|整改进度|整改进展|进展情况|整改措施(?:及(?:成效|进展|落实情况))?|整改举措|整改成效|"
    r"(?:主要|具体)(?:整改)?(?:措施|举措)"
)
MEASURE_LABEL = re.compile(rf"^(?:{MEASURE_LABELS}|落实情况|整改)\s*[:：]\s*(.*)$")
# The same labels after the statement, on the problem's own line: "1.学习不深入。整改措施：一是…".
INLINE_MEASURE_LABEL = re.compile(rf"(?<=[。；;！!？?，,\s])(?:{MEASURE_LABELS})\s*[:：]")
DEADLINE_LABEL = re.compile(r"^(?:整改时限|完成时限)\s*[:：]\s*(.*)$")
RESPONSIBLE_LABEL = re.compile(r"^(?:责任(?:领导|单位|部门|人)|牵头(?:领导|单位))\s*[:：]\s*(.*)$")

# Inline measure markers, "一是…二是…" (found by parse._shi_markers) or "（1）…；（2）…" within one
# paragraph, open the text or follow a blank or one of these marks.
MARKER_FOLLOWS = "。；;：:，,！!？?"
# The leading lookahead names the first character of every match, which lets re pass over other
# positions of a long paragraph about twice as fast as trying the anchor and lookbehind at each.
INLINE_PAREN_MARKER = re.compile(rf"(?=[（(])(?:^|(?<=[{MARKER_FOLLOWS}\s]))[（(](\d{{1,2}})[）)]")
# A closing sentence that states the problem's status: "此问题整改完成。"
CLOSING_STATUS = re.compile(
    r"(?:此|该|本)(?:项)?问题(?:已)?(?:整改完成|完成整改|整改到位|整改完毕|已?办结|已?销号|基本完成整改|阶段性完成整改)[。.]?\s*$"
)

STATUS_PHRASES = (
    # Order matters: "阶段性完成整改" also contains "完成整改".
    ("partial", re.compile(r"阶段性|基本完成|基本整改|部分完成")),
    ("not_started", re.compile(r"未整改|尚未整改|未启动|未开始")),
    ("in_progress", re.compile(r"正在整改|整改中|持续整改|推进中|正在推进|未完成|尚未完成")),
    ("completed", re.compile(r"已完成|完成整改|整改完成|已整改|整改到位|已办结|已销号|整改完毕")),
)
# A status in brackets closing the problem's own line: "1.会议记录不规范。（已完成整改）"
BRACKETED_STATUS = re.compile(r"[（(【\[]([^（）()【】\[\]]{2,16})[)）】\]][。.]?\s*$")
# A measure that says only how far the problem has got ("整改进度：已完成。") states its status.
STATUS_ONLY = re.compile(
    r"^(?:目前|现已|该问题|此问题)?(?:已完成整改|已整改完成|已完成|整改完成|已整改(?:到位)?|已办结|已销号|正在整改|持续整改|"
    r"整改中|阶段性完成(?:整改)?|基本完成(?:整改)?|未完成(?:整改)?)[。.；;]?$"
)
IMMEDIATE = re.compile(r"立行立改|立查立改|即知即改")

MEASURE_BLOCKED = re.compile(r"无法|未能|不予受理|暂未|不具备[^，,。；;]{0,6}条件")
MEASURE_ONGOING = re.compile(r"正在|筹备中|进行中(?![心期])")
# "将" marks the future only before a verb or preposition; "将X纳入Y" is a disposal, not a plan.
MEASURE_FUTURE = re.compile(
    r"(?:^|[，,。；;])\s*(?:今后|下一步|同时)?(?:拟|计划|准备|将(?:向|在|于|继续|严格|进一步|及时|根据|按照|加强|持续|适时|尽快|"
    r"全面|认真|积极|进行|开展|组织|对|把|按|以|结合|不断|着力|逐步|力争|争取))|定于"
)
# "完成" after 未/前/要 is not done. Each branch opens with its own character, so re jumps between
# candidates instead of trying the lookbehind at every position (three times faster).
MEASURE_DONE = re.compile(r"已|了|完(?<![未前要]完)成")

# Opening paragraph: who inspected whom, when.
INSPECTOR = re.compile(rf"((?:[省市县区州旗盟]委|党委|党组)(?:第{NUMBER}巡[察视]组|巡[察视]{NUMBER}组|巡[察视]组))")
INSPECTED = re.compile(r"对(.{2,60}?)(?:进行|开展)了?(.{0,12}?)巡[察视](?:[,，。；]|$)")
SUB_UNITS = re.compile(r"[（(]含(.+?)[）)]")
ROUND = re.compile(rf"((?:{NUMBER}届)?(?:[省市县区州]委)?第{NUMBER}轮)")
PERIOD = re.compile(
    rf"({NUMBER})年({NUMBER})月({NUMBER})日\s*(?:至|到|—|－|-|~)\s*(?:({NUMBER})年)?(?:({NUMBER})月)?({NUMBER})日"
)
INSPECTION_KINDS = ("专项巡察", "专项巡视", "提级巡察", "交叉巡察", "机动巡察", "常规巡察", "常规巡视", "回头看")

# Web-page metadata lines.
PUBLISHED_AT = re.compile(r"发布(?:时间|日期)\s*[:：]\s*(\S+)")
PUBLISHER = re.compile(r"来源\s*[:：]\s*(\S+)")

# Contacts at the end.
PHONE = re.compile(r"(?<!\d)(0\d{2,3}[-－—]?\d{7,8}|1[3-9]\d{9}|\d{7,8})(?!\d)")
EMAIL = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
ADDRESS = re.compile(
    r"(?:通信地址|通讯地址|邮寄地址|联系地址|邮政信箱|来信地址|地址)\s*[:：]?\s*([^；;。\n]+?)\s*(?=[；;。\n]|邮编|$)"
)
POSTCODE = re.compile(r"邮编\s*[:：]?\s*(\d{6})")
DISCLOSURE = re.compile(
    rf"公开期限\s*[:：]?\s*({NUMBER}年{NUMBER}月{NUMBER}日)\s*(?:至|到|—|－|-|~)\s*((?:{NUMBER}年)?{NUMBER}月{NUMBER}日)"
)
CONTACT_LINE = re.compile(r"电话|邮箱|信箱|地址|邮编|公开期限|监督|反映")
SIGNATURE_DATE = re.compile(rf"^\s*({NUMBER})\s*年\s*({NUMBER})\s*月\s*({NUMBER})\s*日\s*$")
AS_OF = re.compile(rf"截至\s*({NUMBER}年{NUMBER}月{NUMBER}日)")

# Counts the report declares about itself. Each of the patterns below counts problems with a numeral
# and 个, 条 or 项, so a line without that declares nothing: one scan sets it aside instead of seven.
DECLARES_A_COUNT = re.compile(rf"{NUMBER}[个条项]")
DECLARED_CATEGORIES_AND_ISSUES = re.compile(
    rf"({NUMBER})(?:大类|大方面|个方面|方面|类)({NUMBER})(?:个|条|项)(?:问题|具体问题)"
)
DECLARED_ISSUES = re.compile(
    rf"(?<!具体)(?<![\d{CN_ORDINAL}])({NUMBER})(?:个|条|项)(?:反馈)?问题(?![^，,。；;]{{0,12}}不宜公开)"
)
DECLARED_MANIFESTATIONS = re.compile(rf"({NUMBER})个具体(?:表现形式|表现|问题)")
DECLARED_IMMEDIATE = re.compile(rf"立行立改({NUMBER})个|({NUMBER})个立行立改")
DECLARED_COMPLETED = re.compile(
    rf"已(?:完成整改|整改完成|完成)({NUMBER})(?:个|条|项)|({NUMBER})(?:个|条|项)问题已全部(?:整改完成|完成整改)"
)
DECLARED_PARTIAL = re.compile(rf"阶段性完成(?:整改)?({NUMBER})(?:个|条|项)")
DECLARED_UNDISCLOSED = re.compile(rf"({NUMBER})(?:个|条|项)问题?[^，,。；;]{{0,12}}不宜公开")

# Parts that hold no problems: the leadership's own work, and next steps.
NON_PROBLEM_PART = re.compile(r"下一步|打算|计划|长效|持续整改|常态")
# A part or top category on how the rectification was led (组织领导, 主体责任, 政治站位…) holds the
# leadership's work, numbered like problems but none; a heading that names a shortcoming does not.
LEADERSHIP_HEADING = re.compile(
    r"组织领导|主要负责(?:人|同志)|组织(?:落实|推进)?整改|整改(?:工作)?(?:的)?组织|主体责任|第一责任|政治责任|责任担当|"
    r"政治任务|政治站位|政治自觉|整改工作(?:基本|开展)?情况|工作开展情况|整改工作部署"
)
SHORTCOMING = re.compile(
    r"问题|方面|不够|不足|不到位|不力|不严|不实|不深|不高|不强|不充分|不规范|不健全|不完善|不及时|差距|欠缺|短板|"
    r"弱化|薄弱|缺失|缺乏|有待|偏差|滞后|不佳|虚化|淡化"
)
# A heading that groups problems by how far they have got: "（一）已整改完成的问题".
STATUS_GROUP = re.compile(
    r"^(?:[^，,。；;]{0,8}?)(已(?:整改)?完成(?:整改)?|已整改(?:到位)?|已办结|阶段性完成(?:整改)?|基本完成(?:整改)?|"
    r"正在整改|整改中|持续整改|未完成(?:整改)?|尚未(?:完成)?整改|未整改)(?:的)?(?:问题|事项|任务)"
)
SUMMARY_LINE = re.compile(r"截至|个问题|已全部|具体表现")
# A 截至 date counts as the report's as-of date only in a sentence about the problems.
SUMMARY_WORDS = re.compile(r"问题|整改|反馈")

# An acting body named at the start of a measure, before its verb.
ORG_SUFFIX = "部|中心|联|组|台|会|公司|局|委|办|所|站|队|馆|院|校|室|厅|处|科|团|社|庭|署|协"
PARTY_ORGAN = "党组|党委|党总支|机关党支部|党支部|机关支部委员会|支部委员会"
VERBS = (
    "已|于|在|严格|持续|结合|第一时间|加强|进一步|认真|建立|规范|每|指定|联合|整改|将|强化|利用|通过|按照|根据|"
    "组织|召开|制定|开展|完善|积极|主动|重新|及时|全面|深入|对|向|与|牵头|分别|还|现已|坚持|定期|落实|切实|坚决|"
    "把|依托|针对|围绕|不断|着力|邀请|优化|提升|做好|梳理|推动|推进|补充|拟|正在|为|不再|全力|统筹|集中|继续|仍|"
    "均|也|要|需|按|以|从|自|经|抽调|选派|成立|印发|下发|出台|修订|举办|参加|配合|督促|指导|协调|组建|安排|开设|"
    "实行|实施|发布|转发|报送|上报|聘请|购置|完成|健全|明确|细化|压实|提高|增强|树立|推行|执行|深化|开通|运用|使用|"
    "会同|负责|列席|及早|尽快|迅速|立即|专题|多次|共"
)
ACTING_BODY = re.compile(
    rf"^由?((?:驻)?[\u4e00-\u9fff]{{1,20}}?(?:{ORG_SUFFIX})(?:[（(][^)）]{{1,10}}[)）])?(?:{PARTY_ORGAN})?"
    rf"(?:、[\u4e00-\u9fff]{{1,20}}?(?:{ORG_SUFFIX}))*)(?={VERBS})"
)
NOT_A_BODY = re.compile(rf"的|班子|成员|同志|干部|人员|{VERBS}")
BODY_SUFFIX_DROP = re.compile(rf"(?:[（(][^)）]*[)）])|(?:{PARTY_ORGAN})$")

RECOVERY_VERB = re.compile(r"上缴|清退|退还|归还|补缴|追缴|收缴|退回")
CLAUSE_BREAK = re.compile(r"[，,。；;：:！!？?]")
