//! Demo data: the alliances of the news reports our users sent us, with invented people.
//! Idempotent: every row is looked up by its natural key before it is inserted.

use crate::Services;
use crate::entities::{
    alliance, alliance_membership, organization, organization_membership, role_grant, user,
};
use crate::kernel::audit::{self, Actor};
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::validation;
use crate::kernel::vocab::{
    ActionItemStatus as ItemStatus, AllianceStatus, MeetingStatus, MinutesStatus,
};
use crate::kernel::vocab::{
    AllianceKind, GrantedRole, OrganizationKind, Position, RotationPeriod, Visibility,
};
use chrono::{Datelike, NaiveDate, TimeZone, Utc};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use serde_json::json;
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "alliance-demo-2026";

struct Org {
    name: &'static str,
    name_en: &'static str,
    kind: OrganizationKind,
    host: &'static str,
    region: &'static str,
}

struct Person {
    name: &'static str,
    email: &'static str,
    phone: &'static str,
    org: Option<&'static str>,
    position: Position,
    admin: bool,
}

struct Union {
    name: &'static str,
    name_en: &'static str,
    kind: AllianceKind,
    founded: (i32, u32, u32),
    supervising_body: &'static str,
    instructor: &'static str,
    period: RotationPeriod,
    visibility: Visibility,
    rules: &'static str,
    members: &'static [&'static str],
}

const FOUNDATION: &str = "安徽新四军革命传统教育基金会";
const HUAAN: &str = "华安证券公益基金会";
const PLASTICS: &str = "省塑料协会";
const ECOMMERCE: &str = "省民营跨境电子商务协会";
const CULTURE: &str = "省企业文化促进会";
const HAAEN: &str = "瀚恩清洁党支部";
const JINGAN: &str = "静安区中心医院后勤党支部";
const HAIJIANG: &str = "海疆集团党支部";
const HSE: &str = "惠州石化HSE中心党支部";
const FLAME: &str = "南方阻燃党支部";
const CHAOSHAN: &str = "重庆潮汕商会党支部";
const HUDONG: &str = "湖东社区党支部";
const ELEVATOR: &str = "东南电梯党支部";
const JIANGLING: &str = "江陵实验初中党支部";
pub const CONSORTIUM: &str = "五家省级社会组织党建工作联合体";

const ORGS: &[Org] = &[
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
const PEOPLE: &[Person] = &[
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

const UNIONS: &[Union] = &[
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

/// Creates a platform admin (the `create-admin` command).
pub async fn create_platform_admin(
    services: &Services,
    email: &str,
    name: &str,
    password: &str,
) -> Result<user::Model, Error> {
    let mut errors = Vec::new();
    let email = validation::email(&mut errors, "email", Some(email));
    let name = validation::required_text(&mut errors, "name", name, 100);
    if let Err(e) = crate::auth::password::validate_new("password", password) {
        errors.push(e);
    }
    let Some(email) = email else {
        errors.push(FieldError::new(
            "email",
            "REQUIRED",
            "give an e-mail address",
        ));
        return Err(Error::Invalid(errors));
    };
    validation::finish(errors)?;
    if user::Entity::find()
        .filter(user::Column::Email.eq(email.clone()))
        .one(&services.db)
        .await?
        .is_some()
    {
        return Err(Error::invalid(
            "email",
            "TAKEN",
            "a user with this e-mail address already exists",
        ));
    }
    let hash = services.passwords.hash(password).await?;
    let now = Utc::now();
    let created = user::ActiveModel {
        id: Set(Uuid::now_v7()),
        name: Set(name),
        email: Set(Some(email)),
        phone: Set(None),
        password_hash: Set(Some(hash)),
        locale: Set("zh-CN".into()),
        is_platform_admin: Set(true),
        disabled_at: Set(None),
        created_at: Set(now),
        updated_at: Set(now),
        version: Set(1),
    }
    .insert(&services.db)
    .await?;
    audit::record(
        &services.db,
        Actor::default(),
        "user.create_admin",
        "user",
        Some(created.id),
        json!({}),
    )
    .await?;
    Ok(created)
}

fn date((y, m, d): (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// The first day of the rotation period containing `today`.
pub fn period_start(period: RotationPeriod, today: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    let month = (today.month0() / months) * months + 1;
    NaiveDate::from_ymd_opt(today.year(), month, 1).unwrap_or(today)
}

pub fn sub_period(period: RotationPeriod, start: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    start
        .checked_sub_months(chrono::Months::new(months))
        .unwrap_or(start)
}

pub fn add_period(period: RotationPeriod, start: NaiveDate) -> NaiveDate {
    let months = match period {
        RotationPeriod::Month => 1,
        RotationPeriod::Quarter => 3,
        RotationPeriod::HalfYear => 6,
        RotationPeriod::Year => 12,
    };
    start
        .checked_add_months(chrono::Months::new(months))
        .unwrap_or(start)
}

/// Loads the demo data; returns a summary for the terminal.
pub async fn demo(services: &Services) -> Result<String, Error> {
    let db = &services.db;
    let now = Utc::now();
    let today = services.now().date_naive();
    let hash = services.passwords.hash(DEMO_PASSWORD).await?;

    let mut org_ids = std::collections::HashMap::new();
    for org in ORGS {
        let id = match organization::Entity::find()
            .filter(organization::Column::Name.eq(org.name))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                organization::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(org.name.into()),
                    name_en: Set(Some(org.name_en.into())),
                    kind: Set(org.kind.as_str().into()),
                    host_entity: Set(Some(org.host.into())),
                    region: Set(Some(org.region.into())),
                    founded_on: Set(None),
                    honours: Set(Vec::new()),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        org_ids.insert(org.name, id);
    }

    let mut user_ids = std::collections::HashMap::new();
    for (i, person) in PEOPLE.iter().enumerate() {
        let id = match user::Entity::find()
            .filter(user::Column::Email.eq(person.email))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                user::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(person.name.into()),
                    email: Set(Some(person.email.into())),
                    phone: Set(Some(person.phone.into())),
                    password_hash: Set(Some(hash.clone())),
                    locale: Set("zh-CN".into()),
                    is_platform_admin: Set(i == 0),
                    disabled_at: Set(None),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        user_ids.insert(person.email, id);
        if let Some(org) = person.org.and_then(|o| org_ids.get(o)) {
            let exists = organization_membership::Entity::find()
                .filter(organization_membership::Column::UserId.eq(id))
                .filter(organization_membership::Column::OrganizationId.eq(*org))
                .one(db)
                .await?
                .is_some();
            if !exists {
                organization_membership::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    user_id: Set(id),
                    organization_id: Set(*org),
                    position: Set(person.position.as_str().into()),
                    is_org_admin: Set(person.admin),
                    joined_on: Set(date((2021, 1, 1))),
                    left_on: Set(None),
                    created_at: Set(now),
                }
                .insert(db)
                .await?;
            }
        }
    }

    let mut alliance_count = 0;
    for union in UNIONS {
        let alliance_id = match alliance::Entity::find()
            .filter(alliance::Column::Name.eq(union.name))
            .one(db)
            .await?
        {
            Some(existing) => existing.id,
            None => {
                alliance::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    name: Set(union.name.into()),
                    name_en: Set(Some(union.name_en.into())),
                    kind: Set(union.kind.as_str().into()),
                    status: Set(AllianceStatus::Active),
                    founded_on: Set(Some(date(union.founded))),
                    supervising_body: Set(Some(union.supervising_body)
                        .filter(|s| !s.is_empty())
                        .map(Into::into)),
                    instructor: Set(Some(union.instructor)
                        .filter(|s| !s.is_empty())
                        .map(Into::into)),
                    rotation_period: Set(union.period.as_str().into()),
                    visibility: Set(union.visibility.as_str().into()),
                    working_rules: Set(Some(union.rules.into())),
                    agenda_deadline_days: Set(7),
                    created_at: Set(now),
                    updated_at: Set(now),
                    version: Set(1),
                }
                .insert(db)
                .await?
                .id
            }
        };
        alliance_count += 1;
        for (order, member) in union.members.iter().enumerate() {
            let Some(org) = org_ids.get(member) else {
                continue;
            };
            let exists = alliance_membership::Entity::find()
                .filter(alliance_membership::Column::AllianceId.eq(alliance_id))
                .filter(alliance_membership::Column::OrganizationId.eq(*org))
                .one(db)
                .await?
                .is_some();
            if !exists {
                alliance_membership::ActiveModel {
                    id: Set(Uuid::now_v7()),
                    alliance_id: Set(alliance_id),
                    organization_id: Set(*org),
                    joined_on: Set(date(union.founded)),
                    left_on: Set(None),
                    rotation_order: Set(i32::try_from(order).unwrap_or(0)),
                    created_at: Set(now),
                }
                .insert(db)
                .await?;
            }
        }
        // The rotation: two past terms, the current one (the first member in rotation order leads now)
        // and three to come.
        let members: Vec<(crate::kernel::ids::OrganizationId, i32)> = union
            .members
            .iter()
            .enumerate()
            .filter_map(|(i, m)| {
                org_ids.get(m).map(|o| {
                    (
                        crate::kernel::ids::OrganizationId(*o),
                        i32::try_from(i).unwrap_or(0),
                    )
                })
            })
            .collect();
        let mut first_start = period_start(union.period, today);
        for _ in 0..2 {
            first_start = sub_period(union.period, first_start);
        }
        crate::rotation::seed_schedule(db, alliance_id, &members, union.period, first_start, 6, 2)
            .await?;
        seed_meetings(db, alliance_id, &members, union.name, now).await?;
        if union.name == CONSORTIUM {
            for (email, role) in [
                ("secretariat@example.com", GrantedRole::AllianceAdmin),
                ("supervisor@example.com", GrantedRole::Supervisor),
            ] {
                let Some(user) = user_ids.get(email) else {
                    continue;
                };
                let exists = role_grant::Entity::find()
                    .filter(role_grant::Column::UserId.eq(*user))
                    .filter(role_grant::Column::AllianceId.eq(alliance_id))
                    .filter(role_grant::Column::Role.eq(role.as_str()))
                    .one(db)
                    .await?
                    .is_some();
                if !exists {
                    role_grant::ActiveModel {
                        id: Set(Uuid::now_v7()),
                        user_id: Set(*user),
                        alliance_id: Set(alliance_id),
                        role: Set(role.as_str().into()),
                        granted_by: Set(None),
                        created_at: Set(now),
                        revoked_at: Set(None),
                    }
                    .insert(db)
                    .await?;
                }
            }
        }
    }
    audit::record(
        db,
        Actor::default(),
        "seed.demo",
        "platform",
        None,
        json!({}),
    )
    .await?;
    Ok(format!(
        "demo data ready: {} organizations, {} people, {alliance_count} alliances; demo logins use the password {DEMO_PASSWORD}",
        ORGS.len(),
        PEOPLE.len()
    ))
}

/// Two past meetings with approved minutes, decisions and action items (one done, one overdue),
/// and one upcoming meeting; skipped when the alliance already has meetings.
async fn seed_meetings<C: ConnectionTrait>(
    db: &C,
    alliance_id: Uuid,
    members: &[(crate::kernel::ids::OrganizationId, i32)],
    name: &str,
    now: chrono::DateTime<Utc>,
) -> Result<(), Error> {
    use crate::entities::{action_item, decision, meeting, minutes};
    let existing = db
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM meetings WHERE alliance_id = $1 LIMIT 1",
            [alliance_id.into()],
        ))
        .await?;
    if existing.is_some() || members.is_empty() {
        return Ok(());
    }
    let org = |i: usize| members[i % members.len()].0.0;
    let plans = [
        (
            -75_i64,
            "第一次联席会议：年度工作计划",
            "completed",
            "regular",
        ),
        (-30, "第二次联席会议：季度工作交流", "completed", "regular"),
        (
            10,
            "第三次联席会议：年度工作总结",
            "scheduled",
            "work_summary",
        ),
    ];
    for (index, (days, title, status, kind)) in plans.iter().enumerate() {
        let starts = (now + chrono::Duration::days(*days))
            .date_naive()
            .and_hms_opt(6, 30, 0)
            .unwrap_or_default();
        let starts = Utc.from_utc_datetime(&starts);
        let id = Uuid::now_v7();
        // The host is the lead unit on the meeting's date, as when a convener schedules one.
        let host = db
            .query_one_raw(stmt(
                "SELECT organization_id FROM lead_terms WHERE alliance_id = $1 AND starts_at <= $2 AND ends_at > $2",
                [alliance_id.into(), starts.into()],
            ))
            .await?
            .and_then(|row| row.try_get::<Uuid>("", "organization_id").ok());
        meeting::ActiveModel {
            id: Set(id),
            alliance_id: Set(alliance_id),
            host_organization_id: Set(host.or(Some(org(index)))),
            kind: Set((*kind).into()),
            title: Set((*title).into()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::hours(2)),
            location: Set(Some("牵头单位党员活动室".into())),
            online_url: Set(None),
            status: Set(MeetingStatus::parse(status).unwrap_or(MeetingStatus::Scheduled)),
            check_in_code: Set(format!("{:06}", rand::random::<u32>() % 1_000_000)),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO attendances (id, meeting_id, organization_id, user_id, rsvp, checked_in_at)
             SELECT gen_random_uuid(), $1, om.organization_id, om.user_id,
                    CASE WHEN $3 THEN 'yes' ELSE 'pending' END,
                    CASE WHEN $3 AND row_number() OVER (ORDER BY om.user_id) % 4 <> 0 THEN $2 END
               FROM alliance_memberships am JOIN organization_memberships om ON om.organization_id = am.organization_id
              WHERE am.alliance_id = $4 AND am.left_on IS NULL AND om.left_on IS NULL",
            [id.into(), starts.into(), (*status == "completed").into(), alliance_id.into()],
        ))
        .await?;
        db.execute_raw(stmt(
            "INSERT INTO agenda_items (id, meeting_id, position, title, presenter_organization_id, minutes_allotted, proposed_by_organization_id, status)
             VALUES (gen_random_uuid(), $1, 1, '各成员单位党建工作交流', $2, 30, $2, 'accepted'),
                    (gen_random_uuid(), $1, 2, '研究部署下阶段联合行动', $3, 20, $3, 'accepted')",
            [id.into(), org(index).into(), org(index + 1).into()],
        ))
        .await?;
        if *status != "completed" {
            continue;
        }
        let decided = Uuid::now_v7();
        decision::ActiveModel {
            id: Set(decided),
            meeting_id: Set(id),
            text: Set(format!("{name}：联合开展一次主题党日活动")),
            created_at: Set(now),
        }
        .insert(db)
        .await?;
        minutes::ActiveModel {
            meeting_id: Set(id),
            body: Set(format!("# {title}\n\n## 议题\n\n1. 各成员单位党建工作交流\n2. 研究部署下阶段联合行动\n\n## 决定事项\n\n- 联合开展一次主题党日活动\n")),
            status: Set(MinutesStatus::Approved),
            approved_by: Set(None),
            approved_at: Set(Some(starts + chrono::Duration::days(2))),
            updated_by: Set(None),
            updated_at: Set(starts + chrono::Duration::days(2)),
            version: Set(2),
        }
        .insert(db)
        .await?;
        // The first meeting's item is done; the second's is overdue and open.
        let done = index == 0;
        action_item::ActiveModel {
            id: Set(Uuid::now_v7()),
            meeting_id: Set(id),
            decision_id: Set(Some(decided)),
            title: Set(if done {
                "整理共建活动方案并报送指导员".into()
            } else {
                "完成联合主题党日活动总结".into()
            }),
            assignee_organization_id: Set(org(index + 1)),
            assignee_user_id: Set(None),
            due_on: Set(Some((starts + chrono::Duration::days(20)).date_naive())),
            status: Set(if done {
                ItemStatus::Done
            } else {
                ItemStatus::Open
            }),
            completed_at: Set(done.then_some(starts + chrono::Duration::days(15))),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
    }
    Ok(())
}
