"""Evidence items of the driver layer (Figure 0.1): synergy (4.3.2), chapters 5 and 6.

The duties of 4.2 depend on the members and are built in evidence.py.
"""

from decimal import Decimal

from rdflib.namespace import PROV

from ..namespaces import BCIC as B
from .builder import Node, P, Ref, Text, act, doc, plain

T = Text  # the table reads better with a short name

DRIVER_ITEMS: dict[str, tuple[Node, ...]] = {
    "4.3.2": (act("synergy", B.SynergyPractice,
                  *P(B.covers, B.IntegrationMeans, B.ElementRelationOrdering,
                     B.StageRelationOrdering, B.MemberCooperation)),),
    "5.1": (doc("macro", B.MacroEnvironmentAnalysis,
                *P(B.covers, B.PolicyEnvironment, B.EconomicEnvironment, B.TechnologicalEnvironment,
                   B.SocialEnvironment, B.CulturalEnvironment, B.InternationalScope,
                   B.DomesticScope),
                *P(B.opportunity, T("区域品牌政策支持加大", "growing support for regional brands")),
                *P(B.risk, T("同质化低价竞争", "look-alike, low-price competition"))),),
    "5.2.1": (doc("value-chain-drive", B.ValueChainDriveAnalysis,
                  *P(B.driveMode, B.HybridDriven)),),
    "5.2.2": (doc("value-chain-structure", B.ValueChainStructureAnalysis,
                  *P(B.covers, B.InputOutputStructure, B.SpatialLayout, B.GovernanceStructure,
                     B.InstitutionalFramework)),),
    "5.2.3": (doc("agglomeration", B.AgglomerationAnalysis,
                  *P(B.concentrationIndicator, T("区位熵", "location quotient")),
                  *P(B.concentrationValue, Decimal("3.20")),
                  *P(B.valueChainPosition, B.StageProduction)),),
    "5.2.4": (doc("market", B.MarketAnalysis,
                  *P(B.covers, B.MarketSize, B.DemandCharacteristics, B.MarketTrends),
                  *P(B.identifiesStakeholder, Ref("stakeholder-customers"))),
              plain("stakeholder-customers", B.Stakeholder,
                    *P(B.stakeholderKind, B.CustomerStakeholder),
                    *P(B.need, T("稳定的产品质量", "steady product quality")),
                    *P(B.expectation, T("可信的产地品牌", "a trustworthy origin brand")))),
    "5.3": (doc("internal", B.InternalEnvironmentAnalysis,
                *P(B.covers, B.TangibleAssets, B.QualityElement, B.ServiceElement,
                   B.TechnicalInnovationElement, B.IntangibleAssets,
                   B.TransportFacilities, B.EnergySupply,  # 5.3 —1
                   B.SupplyChainManagementCapability, B.EnterpriseCount, B.EnterpriseScale,
                   B.IntraIndustryCooperation,  # —2
                   B.MarketingCapability, B.ServiceProvisionCapability,  # —3
                   B.ProductionTechnologies, B.ResourceEndowment)),),  # —4, —5
    "6.1": (doc("strategy", B.BrandCultivationStrategy,
                *P(B.hasPositioning, Ref("positioning")),
                *P(B.hasArchitecture, Ref("architecture")),
                *P(B.basedOn, Ref("macro"), Ref("market"), Ref("internal")),
                *P(B.covers, B.ConsiderValueChainPosition, B.ConsiderNationalStrategy,
                   B.ConsiderUpgradePath)),),
    "6.1.1.1": (doc("positioning", B.BrandPositioning,
                    *P(B.coreValue, T("匠心品质，产地正宗", "craft quality from the true origin")),
                    *P(B.differentiation, T("以品质和文化取胜", "quality and culture, not price")),
                    *P(B.competitorConsidered, T("竞争产区以低价取胜", "rivals compete on price")),
                    *P(B.basedOn, Ref("market")),
                    *P(B.covers, B.HistoricalResources, B.NaturalResources,
                       B.IndustrialCommercialBase, B.CulturalConditions)),),
    "6.1.1.2": (act("positioning-review", B.PositioningReview,
                    *P(PROV.used, Ref("positioning")),
                    *P(PROV.wasInformedBy, Ref("environment-monitoring")),
                    *P(B.repositioned, False),
                    *P(B.finding, T("定位仍然有效", "the positioning still holds"))),),
    "6.1.2": (doc("architecture", B.BrandArchitecture,
                  *P(B.includesBrand, Ref("cluster-brand")),
                  *P(B.relationDescription, T("集群品牌背书", "the cluster brand endorses")),
                  *P(B.architectureMode, B.EndorsedBrandMode),
                  *P(B.developmentStage, T("成长期", "growth stage")),
                  *P(B.benefit, T("降低中小企业推广成本", "cheaper promotion for small firms")),
                  *P(B.cost, T("授权审核费用", "licensing review costs")),
                  *P(B.risk, T("个别企业损害集群声誉", "one firm may harm the cluster's name"))),),
    "6.2-a": (act("strategy-communication", B.StrategyCommunication,
                  *P(B.covers, B.InsideCluster, B.OutsideCluster), *P(PROV.used, Ref("strategy"))),
              doc("work-goal", B.WorkGoal, *P(B.basedOn, Ref("strategy")))),
    "6.2-b": (act("kpi-monitoring", B.KPIMonitoring, *P(B.period, "P6M"), *P(PROV.used, Ref("kpi-system")),
                  *P(B.finding, T("多数指标达到序时进度", "most indicators on schedule"))),),
    "6.2-c": (doc("implementation-plan", B.ImplementationPlan, *P(B.basedOn, Ref("work-goal")),
                  *P(B.implementationStep, T("建设公共服务平台", "build a service platform")),
                  *P(B.allocatedResource, T("品牌专项资金", "the brand fund"))),),
    "6.2-d": (act("strategy-review", B.StrategyReview, *P(B.period, "P1Y"),
                  *P(PROV.used, Ref("strategy")),
                  *P(B.finding, T("目标按期推进，加强线上传播", "on track; more online outreach"))),),
}
