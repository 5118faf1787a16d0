"""Facts of the reference case (国网咸宁供电公司) used to build the demo database."""

COMPANY = "国网咸宁供电公司"
PREFIX = "国网咸宁供电公司"

# The reference pairing: 综合服务中心党支部 (lead) with 大坪供电所党支部 (station).
REFERENCE_LEAD_UNIT = "综合服务中心"
REFERENCE_LEAD_DESCRIPTION = (
    "负责公司后勤、社保、离退休和职工健康管理等工作，现有职工 19 人，其中党员 17 人。"
)
REFERENCE_LEAD_GOAL = "创建“五型党支部”（强学习、强攻关、强创新），打造“党建+”品牌。"
REFERENCE_STATION_COUNTY = "通城"
REFERENCE_STATION = "大坪"
REFERENCE_STATION_DESCRIPTION = (
    "负责辖区 10 kV 配电线路及台区的运行维护，现有职工 15 人，其中党员 5 人（供服党员 4 人）。"
    "上半年党员服务队走访服务群众保电 30 余次。"
)
REFERENCE_STATION_SECRETARY = "陈振波"
REFERENCE_PAIRING_START = (2024, 3, 26)

HQ_DEPARTMENTS = [
    "办公室", "党委党建部", "人力资源部", "财务资产部", "安全监察部", "设备管理部",
    "营销部", "发展策划部", "建设部", "物资部", "科技数字化部", "审计部", "纪委办公室",
    "工会办公室", "企业管理部", "党委宣传部", "法律合规部", "产业管理部",
]  # fmt: skip

# Urban units and how many Party branches each has (28 in all).
URBAN_UNITS = [
    ("综合服务中心", 1), ("变电运维中心", 2), ("变电检修中心", 2), ("输电运检中心", 2),
    ("电力调度控制中心", 2), ("供电服务指挥中心", 2), ("客户服务中心", 2),
    ("信息通信分公司", 1), ("经济技术研究所", 1), ("城区供电中心", 3), ("物资供应中心", 1),
    ("计量中心", 1), ("项目管理中心", 2), ("综合能源服务公司", 1), ("安全督查中心", 1),
    ("培训中心", 1), ("应急抢修中心", 2), ("运维检修工区", 1),
]  # fmt: skip

# County companies and their supply stations (66 in all).
COUNTIES = [
    ("咸安", "国网咸宁市咸安区供电公司",
     ["浮山", "永安", "温泉", "向阳湖", "官埠桥", "横沟桥", "贺胜桥", "双溪桥", "马桥",
      "桂花", "高桥", "大幕"]),
    ("嘉鱼", "国网嘉鱼县供电公司",
     ["鱼岳", "新街", "渡普", "潘家湾", "高铁岭", "官桥", "簰洲湾", "陆溪", "舒桥"]),
    ("赤壁", "国网赤壁市供电公司",
     ["蒲圻", "赤马港", "陆水湖", "中伙铺", "官塘驿", "新店", "赵李桥", "茶庵岭", "车埠",
      "赤壁", "柳山湖", "余家桥"]),
    ("通城", "国网通城县供电公司",
     ["隽水", "麦市", "塘湖", "关刀", "沙堆", "五里", "石南", "北港", "马港", "四庄", "大坪"]),
    ("崇阳", "国网崇阳县供电公司",
     ["天城", "沙坪", "石城", "桂花泉", "白霓", "路口", "金塘", "青山", "肖岭", "铜钟", "港口"]),
    ("通山", "国网通山县供电公司",
     ["通羊", "南林桥", "黄沙铺", "厦铺", "九宫山", "闯王", "洪港", "大畈", "杨芳林", "燕厦",
      "慈口"]),
]  # fmt: skip

# Pairings started per year since 2021 (46 in all).
PAIRINGS_PER_YEAR = {2021: 8, 2022: 9, 2023: 10, 2024: 10, 2025: 9}
PAIRING_YEARS = 3  # a pairing runs three years, then it is completed
RENEWALS = 3  # 2025 pairings that renew a pairing of 2021 (the same two branches again)
PREPARING_NOTE = "协议文本已拟定，待双方党支部书记签字后生效。"
TERMINATED_ON = (2025, 6, 30)
TERMINATED_NOTE = "牵头党支部因机构调整撤并，结对提前终止。"

SURNAMES = "陈王李张刘周吴黄胡徐朱何余方程涂游熊夏邓彭舒雷饶金孙杨曹汪聂"
GIVEN_CHARS = (
    "振波红梅建国立新文华志强海燕丽娟晓明春生秋菊德胜家俊伟军静雅子涵宇航思远冬梅光辉平安玉兰永康"
)
# Real rosters hold rare characters: non-BMP (𠮷, 𬌗), Extension A (䶮) and rarely used BMP ones.
RARE_NAMES = ["王𠮷", "刘䶮", "张喆", "李堃", "陈赟", "龚龑", "熊犇", "余淼", "周𬌗", "夏昇"]
MINORITY_NAMES = [
    ("阿依古丽·买买提", "维吾尔族", "女"),
    ("覃秀芬", "土家族", "女"),
    ("向国华", "苗族", "男"),
]

EDUCATION = ["大学本科", "大学本科", "大学专科", "硕士研究生", "中专", "高中"]
STATION_POSITIONS = ["台区经理", "供电服务员", "配电运维工", "营业厅综合柜员", "安全员", "技术员"]
OFFICE_POSITIONS = ["专责", "主管", "科员", "综合管理员", "技术专责"]
REFERENCE_LEAD_POSITIONS = [
    "后勤管理专责", "社保管理专责", "离退休管理专责", "职工健康管理专责", "物业管理员",
    "车辆管理员", "食堂管理员", "综合管理员",
]  # fmt: skip

# The reference launch ceremony (启动仪式) on the pairing's first day, at the station.
CEREMONY_TITLE = "综合服务中心党支部与大坪供电所党支部结对共建启动仪式"
CEREMONY_PLACE = "大坪供电所会议室"
CEREMONY_START = (9, 0)  # local time (UTC+8)
CEREMONY_AGENDA = (
    "双方党支部书记介绍支部情况，签订结对共建协议书；"
    "综合服务中心党支部 17 名党员在党旗下宣读“党员身边无违章”承诺并签名；"
    "会后开展“党建+安全”实践活动，集体宣读承诺，现场检查供电所办公环境、日常管理和后勤安全。"
)
CEREMONY_NOTES = "结对原则：打基础、树导向、促规范；加强管理考核。"
CEREMONY_EXCUSED_REASON = "10 kV 内冲线值班保电"  # one 大坪 member (not the secretary) 请假
