//! The demo organizations, people and alliances, taken from news reports.

use crate::kernel::vocab::{AllianceKind, OrganizationKind, Position, RotationPeriod, Visibility};

pub(super) struct Org {
    pub(super) name: &'static str,
    pub(super) name_en: &'static str,
    pub(super) kind: OrganizationKind,
    pub(super) host: &'static str,
    pub(super) region: &'static str,
}

pub(super) struct Person {
    pub(super) name: &'static str,
    pub(super) email: &'static str,
    pub(super) phone: &'static str,
    pub(super) org: Option<&'static str>,
    pub(super) position: Position,
    pub(super) admin: bool,
}

pub(super) struct Union {
    pub(super) name: &'static str,
    pub(super) name_en: &'static str,
    pub(super) kind: AllianceKind,
    pub(super) founded: (i32, u32, u32),
    pub(super) supervising_body: &'static str,
    pub(super) instructor: &'static str,
    pub(super) period: RotationPeriod,
    pub(super) visibility: Visibility,
    pub(super) rules: &'static str,
    pub(super) members: &'static [&'static str],
}

pub(super) const FOUNDATION: &str = "安徽新四军革命传统教育基金会";
pub(super) const HUAAN: &str = "华安证券公益基金会";
pub(super) const PLASTICS: &str = "省塑料协会";
pub(super) const ECOMMERCE: &str = "省民营跨境电子商务协会";
pub(super) const CULTURE: &str = "省企业文化促进会";
pub(super) const HAAEN: &str = "瀚恩清洁党支部";
pub(super) const JINGAN: &str = "静安区中心医院后勤党支部";
pub(super) const HAIJIANG: &str = "海疆集团党支部";
pub(super) const HSE: &str = "惠州石化HSE中心党支部";
pub(super) const FLAME: &str = "南方阻燃党支部";
pub(super) const CHAOSHAN: &str = "重庆潮汕商会党支部";
pub(super) const HUDONG: &str = "湖东社区党支部";
pub(super) const ELEVATOR: &str = "东南电梯党支部";
pub(super) const JIANGLING: &str = "江陵实验初中党支部";
pub const CONSORTIUM: &str = "五家省级社会组织党建工作联合体";

pub(super) const ORGS: &[Org] = &[
    Org {
        name: FOUNDATION,
        name_en: "Anhui New Fourth Army Revolutionary Tradition Education Foundation",
        kind: OrganizationKind::SocialOrganization,
        host: "安徽新四军革命传统教育基金会",
        region: "安徽省合肥市",
    },
    Org {
        name: HUAAN,
        name_en: "Hua'an Securities Foundation",
        kind: OrganizationKind::SocialOrganization,
        host: "华安证券公益基金会",
        region: "安徽省合肥市",
    },
    Org {
        name: PLASTICS,
        name_en: "Provincial Plastics Association",
        kind: OrganizationKind::SocialOrganization,
        host: "省塑料协会",
        region: "安徽省合肥市",
    },
    Org {
        name: ECOMMERCE,
        name_en: "Provincial Private Cross-Border E-Commerce Association",
        kind: OrganizationKind::SocialOrganization,
        host: "省民营跨境电子商务协会",
        region: "安徽省合肥市",
    },
    Org {
        name: CULTURE,
        name_en: "Provincial Corporate Culture Promotion Association",
        kind: OrganizationKind::SocialOrganization,
        host: "省企业文化促进会",
        region: "安徽省合肥市",
    },
    Org {
        name: HAAEN,
        name_en: "HaaenClean Party Branch",
        kind: OrganizationKind::EnterpriseBranch,
        host: "瀚恩清洁",
        region: "上海市静安区",
    },
    Org {
        name: JINGAN,
        name_en: "Jing'an District Central Hospital Logistics Party Branch",
        kind: OrganizationKind::Hospital,
        host: "静安区中心医院",
        region: "上海市静安区",
    },
    Org {
        name: HAIJIANG,
        name_en: "Haijiang Group Party Branch",
        kind: OrganizationKind::EnterpriseBranch,
        host: "海疆集团",
        region: "广东省惠州市",
    },
    Org {
        name: HSE,
        name_en: "Huizhou Petrochemical HSE Center Party Branch",
        kind: OrganizationKind::EnterpriseBranch,
        host: "惠州石化HSE中心",
        region: "广东省惠州市",
    },
    Org {
        name: FLAME,
        name_en: "Southern Flame Retardant Party Branch",
        kind: OrganizationKind::EnterpriseBranch,
        host: "南方阻燃",
        region: "重庆市",
    },
    Org {
        name: CHAOSHAN,
        name_en: "Chongqing Chaoshan Chamber of Commerce Party Branch",
        kind: OrganizationKind::ChamberOfCommerce,
        host: "重庆潮汕商会",
        region: "重庆市",
    },
    Org {
        name: HUDONG,
        name_en: "Hudong Community Party Branch, Jiangling Street",
        kind: OrganizationKind::Community,
        host: "吴江区江陵街道湖东社区",
        region: "江苏省苏州市吴江区",
    },
    Org {
        name: ELEVATOR,
        name_en: "Southeast Elevator Party Branch",
        kind: OrganizationKind::EnterpriseBranch,
        host: "东南电梯股份有限公司",
        region: "江苏省苏州市吴江区",
    },
    Org {
        name: JIANGLING,
        name_en: "Jiangling Experimental Junior High School Party Branch",
        kind: OrganizationKind::School,
        host: "吴江开发区江陵实验初级中学",
        region: "江苏省苏州市吴江区",
    },
];

/// The six demo accounts (one per role) come first; the others fill the positions the reports mention.
pub(super) const PEOPLE: &[Person] = &[
    Person {
        name: "林海",
        email: "admin@example.com",
        phone: "13800000001",
        org: None,
        position: Position::Member,
        admin: false,
    },
    Person {
        name: "周敏",
        email: "secretariat@example.com",
        phone: "13800000002",
        org: Some(CULTURE),
        position: Position::PropagandaCommittee,
        admin: false,
    },
    Person {
        name: "陈立",
        email: "convener@example.com",
        phone: "13800000003",
        org: Some(FOUNDATION),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "吴建华",
        email: "supervisor@example.com",
        phone: "13800000004",
        org: None,
        position: Position::Member,
        admin: false,
    },
    Person {
        name: "王芳",
        email: "orgadmin@example.com",
        phone: "13800000005",
        org: Some(PLASTICS),
        position: Position::DeputySecretary,
        admin: true,
    },
    Person {
        name: "李娜",
        email: "member@example.com",
        phone: "13800000006",
        org: Some(HUAAN),
        position: Position::Member,
        admin: false,
    },
    Person {
        name: "赵明远",
        email: "zhao.mingyuan@example.com",
        phone: "13800000011",
        org: Some(HUAAN),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "孙丽",
        email: "sun.li@example.com",
        phone: "13800000012",
        org: Some(PLASTICS),
        position: Position::Secretary,
        admin: false,
    },
    Person {
        name: "钱涛",
        email: "qian.tao@example.com",
        phone: "13800000013",
        org: Some(ECOMMERCE),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "郑红",
        email: "zheng.hong@example.com",
        phone: "13800000014",
        org: Some(CULTURE),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "何伟",
        email: "he.wei@example.com",
        phone: "13800000021",
        org: Some(HAAEN),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "罗刚",
        email: "luo.gang@example.com",
        phone: "13800000022",
        org: Some(JINGAN),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "高翔",
        email: "gao.xiang@example.com",
        phone: "13800000023",
        org: Some(HAIJIANG),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "梁静",
        email: "liang.jing@example.com",
        phone: "13800000024",
        org: Some(HSE),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "冯磊",
        email: "feng.lei@example.com",
        phone: "13800000025",
        org: Some(HSE),
        position: Position::DisciplineCommittee,
        admin: false,
    },
    Person {
        name: "唐宇",
        email: "tang.yu@example.com",
        phone: "13800000026",
        org: Some(HSE),
        position: Position::YouthCommittee,
        admin: false,
    },
    Person {
        name: "邓超",
        email: "deng.chao@example.com",
        phone: "13800000027",
        org: Some(HSE),
        position: Position::PropagandaCommittee,
        admin: false,
    },
    Person {
        name: "许峰",
        email: "xu.feng@example.com",
        phone: "13800000028",
        org: Some(FLAME),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "黄志强",
        email: "huang.zhiqiang@example.com",
        phone: "13800000029",
        org: Some(CHAOSHAN),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "杨帆",
        email: "yang.fan@example.com",
        phone: "13800000030",
        org: Some(HUDONG),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "秦悦",
        email: "qin.yue@example.com",
        phone: "13800000031",
        org: Some(ELEVATOR),
        position: Position::Secretary,
        admin: true,
    },
    Person {
        name: "苏晨",
        email: "su.chen@example.com",
        phone: "13800000032",
        org: Some(JIANGLING),
        position: Position::Secretary,
        admin: true,
    },
];

pub(super) const UNIONS: &[Union] = &[
    Union {
        name: CONSORTIUM,
        name_en: "Party Building Work Consortium of Five Provincial Social Organizations",
        kind: AllianceKind::Consortium,
        founded: (2023, 12, 13),
        supervising_body: "省民政厅社会组织综合党委",
        instructor: "吴建华",
        period: RotationPeriod::Quarter,
        visibility: Visibility::Public,
        rules: "# 五家省级社会组织党建工作联合体工作规则（试行）\n\n1. 联合体设牵头单位，实行轮值制，每季度轮换一次。\n2. 建立联席会议制度，总结交流工作、研究计划安排、协调联合行动。\n3. 在省民政厅社会组织综合党委领导和党建指导员指导下开展工作。\n",
        members: &[FOUNDATION, HUAAN, PLASTICS, ECOMMERCE, CULTURE],
    },
    Union {
        name: "瀚恩清洁—静安区中心医院后勤党支部结对共建",
        name_en: "HaaenClean – Jing'an Central Hospital Logistics Pairing",
        kind: AllianceKind::Pairing,
        founded: (2019, 11, 12),
        supervising_body: "静安区“两新”组织党工委",
        instructor: "",
        period: RotationPeriod::Year,
        visibility: Visibility::Members,
        rules: "双方党支部每年轮值牵头，围绕党员线上培训、白领健康指导服务与环保宣传开展共建。\n",
        members: &[HAAEN, JINGAN],
    },
    Union {
        name: "海疆集团—惠州石化HSE中心党建共建",
        name_en: "Haijiang Group – Huizhou Petrochemical HSE Center Co-construction",
        kind: AllianceKind::Pairing,
        founded: (2022, 12, 8),
        supervising_body: "",
        instructor: "",
        period: RotationPeriod::HalfYear,
        visibility: Visibility::Members,
        rules: "资源共享、优势互补、共同提高。\n",
        members: &[HSE, HAIJIANG],
    },
    Union {
        name: "南方阻燃—重庆潮汕商会党建共建",
        name_en: "Southern Flame Retardant – Chongqing Chaoshan Chamber of Commerce Co-construction",
        kind: AllianceKind::Pairing,
        founded: (2022, 9, 28),
        supervising_body: "",
        instructor: "",
        period: RotationPeriod::Year,
        visibility: Visibility::Public,
        rules: "以党建聚合力，助力高质量发展。\n",
        members: &[FLAME, CHAOSHAN],
    },
    Union {
        name: "湖东社区—东南电梯—江陵实验初中社企校党建联建",
        name_en: "Hudong Community – Southeast Elevator – Jiangling Junior High Community–Enterprise–School Alliance",
        kind: AllianceKind::Tripartite,
        founded: (2021, 6, 8),
        supervising_body: "吴江区江陵街道党工委",
        instructor: "",
        period: RotationPeriod::HalfYear,
        visibility: Visibility::Public,
        rules: "三方共同加强支部阵地建设、组织建设和制度建设，资源共享，每半年轮值牵头。\n",
        members: &[HUDONG, ELEVATOR, JIANGLING],
    },
];
