"""Small word lists for synthetic names, and how members are spread over the five roles."""

from dataclasses import dataclass

from rdflib import URIRef

from ..namespaces import BCIC


@dataclass(frozen=True)
class RoleKind:
    """A kind of member: its role, its class, its share of the members and its name stems."""

    role: URIRef
    cls: URIRef
    weight: int
    stems: tuple[tuple[str, str], ...]  # (zh, en) name endings
    trade_name: bool = True  # enterprises and institutions carry a trade name, governments not


# The order is the order in which the first five members are given one role each.
ROLE_KINDS: tuple[RoleKind, ...] = (
    RoleKind(BCIC.GovernmentRole, BCIC.GovernmentBody, 1, (
        ("人民政府", "People's Government"),
        ("市场监督管理局", "Administration for Market Regulation"),
        ("工业和信息化局", "Bureau of Industry and IT"), ("商务局", "Bureau of Commerce")),
        trade_name=False),
    RoleKind(BCIC.IndustryOrganisationRole, BCIC.IndustryOrganisation, 1, (
        ("行业协会", "Industry Association"), ("商会", "Chamber of Commerce"),
        ("产业联盟", "Industry Alliance"))),
    RoleKind(BCIC.ThirdPartyInstitutionRole, BCIC.ThirdPartyInstitution, 2, (
        ("检验检测中心", "Testing Centre"), ("职业技术学院", "Vocational College"),
        ("研究院", "Research Institute"), ("融资担保公司", "Credit Guarantee Co."))),
    RoleKind(BCIC.IndustryEnterpriseRole, BCIC.IndustryEnterprise, 12, (
        ("有限公司", "Co., Ltd."), ("股份有限公司", "Corp."), ("制品厂", "Works"))),
    RoleKind(BCIC.SupportingEnterpriseRole, BCIC.SupportingEnterprise, 4, (
        ("原料有限公司", "Materials Co., Ltd."), ("装备有限公司", "Machinery Co., Ltd."),
        ("物流有限公司", "Logistics Co., Ltd."), ("包装有限公司", "Packaging Co., Ltd."))),
)

PLACES: tuple[tuple[str, str], ...] = (
    ("青山", "Qingshan"), ("云溪", "Yunxi"), ("石桥", "Shiqiao"), ("临江", "Linjiang"),
    ("松岭", "Songling"), ("白沙", "Baisha"), ("龙泉", "Longquan"), ("桃源", "Taoyuan"),
)

INDUSTRIES: tuple[tuple[str, str], ...] = (
    ("陶瓷", "ceramics"), ("袜业", "hosiery"), ("茶叶", "tea"), ("五金", "hardware"),
    ("家具", "furniture"), ("竹木", "bamboo and wood"),
)

TRADE_WORDS: tuple[tuple[str, str], ...] = (
    ("华泰", "Huatai"), ("恒兴", "Hengxing"), ("瑞丰", "Ruifeng"), ("宏达", "Hongda"),
    ("新源", "Xinyuan"), ("金盛", "Jinsheng"), ("永安", "Yong'an"), ("鼎新", "Dingxin"),
)
