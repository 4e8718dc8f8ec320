//! Demo shared resources of the tripartite alliance (report 004): the Hudong community's social
//! practice base for minors, listed at Southeast Elevator, with an approved booking by the school;
//! the books the community gave, with a used booking and its contribution note; and the school's
//! artworks. Skipped when the community already offers its practice base.

use super::*;
use crate::kernel::local_time::{local_date, start_of_day};
use chrono::{DateTime, Duration, TimeZone};

const ALLIANCE: &str = "湖东社区—东南电梯—江陵实验初中社企校党建联建";
const BASE: &str = "湖东社区未成年人社会实践基地";

async fn id_by_name<C: ConnectionTrait>(
    db: &C,
    table: &str,
    name: &str,
) -> Result<Option<Uuid>, Error> {
    let row = db
        .query_one_raw(stmt(
            &format!("SELECT id FROM {table} WHERE name = $1"),
            [name.into()],
        ))
        .await?;
    Ok(row.map(|r| r.try_get("", "id")).transpose()?)
}

struct Offer<'a> {
    owner: Uuid,
    kind: &'a str,
    name: &'a str,
    description: &'a str,
    capacity: Option<i32>,
    availability: &'a str,
    rules: &'a str,
    location: &'a str,
}

async fn offer<C: ConnectionTrait>(
    db: &C,
    alliance: Uuid,
    o: Offer<'_>,
    now: DateTime<Utc>,
) -> Result<Uuid, Error> {
    let id = Uuid::now_v7();
    db.execute_raw(stmt(
        "INSERT INTO shared_resources (id, organization_id, kind, name, description, capacity, availability, rules, location, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10)",
        [
            id.into(),
            o.owner.into(),
            o.kind.into(),
            o.name.into(),
            o.description.into(),
            o.capacity.into(),
            o.availability.into(),
            o.rules.into(),
            o.location.into(),
            now.into(),
        ],
    ))
    .await?;
    db.execute_raw(stmt(
        "INSERT INTO shared_resource_alliances (resource_id, alliance_id) VALUES ($1, $2)",
        [id.into(), alliance.into()],
    ))
    .await?;
    Ok(id)
}

struct Booking<'a> {
    resource: Uuid,
    requester: Uuid,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    purpose: &'a str,
    status: &'a str,
    note: Option<&'a str>,
}

async fn book<C: ConnectionTrait>(
    db: &C,
    alliance: Uuid,
    b: Booking<'_>,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    db.execute_raw(stmt(
        "INSERT INTO resource_bookings (id, resource_id, alliance_id, requesting_organization_id, starts_at, ends_at, purpose, status, decided_at, contribution_note, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $9, $9)",
        [
            Uuid::now_v7().into(),
            b.resource.into(),
            alliance.into(),
            b.requester.into(),
            b.starts_at.into(),
            b.ends_at.into(),
            b.purpose.into(),
            b.status.into(),
            now.min(b.starts_at).into(),
            b.note.map(str::to_owned).into(),
        ],
    ))
    .await?;
    Ok(())
}

pub(super) async fn seed_resources<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
    zone: chrono_tz::Tz,
) -> Result<(), Error> {
    let (Some(alliance), Some(hudong), Some(elevator), Some(school)) = (
        id_by_name(db, "alliances", ALLIANCE).await?,
        id_by_name(db, "organizations", HUDONG).await?,
        id_by_name(db, "organizations", ELEVATOR).await?,
        id_by_name(db, "organizations", JIANGLING).await?,
    ) else {
        return Ok(());
    };
    let existing = db
        .query_one_raw(stmt(
            "SELECT 1 AS found FROM shared_resources WHERE organization_id = $1 AND name = $2",
            [hudong.into(), BASE.into()],
        ))
        .await?;
    if existing.is_some() {
        return Ok(());
    }
    let base = offer(db, alliance, Offer {
        owner: hudong,
        kind: "education_base",
        name: BASE,
        description: "江陵街道湖东社区未成年人社会实践基地，2021年6月8日在东南电梯挂牌。面向共建单位的青少年开展党史学习、职业体验和志愿服务实践。",
        capacity: Some(60),
        availability: "周六、周日上午；寒暑假工作日（提前一周预约）",
        rules: "由共建单位组织并安排带队老师；活动前一周提交方案；注意生产区安全，听从讲解员安排。",
        location: "东南电梯股份有限公司（吴江区）",
    }, now).await?;
    // Next Saturday-ish: two weeks from today, 09:00–11:30 in the alliance's zone.
    let day = start_of_day(local_date(now, zone) + Duration::days(14), zone);
    book(
        db,
        alliance,
        Booking {
            resource: base,
            requester: school,
            starts_at: day + Duration::hours(9),
            ends_at: day + Duration::minutes(11 * 60 + 30),
            purpose: "初二年级学生走进实践基地：党史学习与职业体验",
            status: "approved",
            note: None,
        },
        now,
    )
    .await?;

    let books = offer(db, alliance, Offer {
        owner: hudong,
        kind: "materials",
        name: "爱心图书（党史学习读物）",
        description: "湖东社区向共建单位赠送的党史学习读物；另有爱心图书100册经老党员杨自忠转赠贵州省铜仁市碧江区竹田小学。",
        capacity: Some(100),
        availability: "已赠出",
        rules: "赠出后由受赠方登记保管，并反馈使用情况。",
        location: "吴江区江陵街道湖东社区",
    }, now).await?;
    let founding = zone
        .with_ymd_and_hms(2021, 6, 8, 9, 0, 0)
        .single()
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or(now);
    book(db, alliance, Booking {
        resource: books,
        requester: elevator,
        starts_at: founding,
        ends_at: founding + Duration::hours(3),
        purpose: "“党建聚合力·共谱新篇章”社企校党建联建活动",
        status: "used",
        note: Some("湖东社区向共建单位赠送党史学习书籍；共建单位代表看望慰问老党员杨自忠，捐赠爱心图书100册，由杨老转赠贵州省铜仁市碧江区竹田小学。"),
    }, now).await?;

    offer(
        db,
        alliance,
        Offer {
            owner: school,
            kind: "materials",
            name: "师生画作《庆祝建党100周年——在党的光辉下快乐成长》",
            description: "江陵实验初中师生创作的庆祝建党100周年美术作品，可借展于共建单位。",
            capacity: None,
            availability: "借展需提前两周联系",
            rules: "借展期间妥善保管，归还时完好无损。",
            location: "吴江开发区江陵实验初级中学",
        },
        now,
    )
    .await?;
    Ok(())
}
