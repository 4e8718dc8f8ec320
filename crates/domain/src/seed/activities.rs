//! Demo activities from the news reports: the flame-retardant company's symposium with the
//! chamber of commerce, and the tripartite alliance's plaque unveiling; both published, so the
//! public news has something to show. Skipped when the alliance already has the activity.

use super::*;
use crate::activities::{ActivityKind, ActivityStatus, activity};
use chrono::{DateTime, FixedOffset};

struct Demo {
    alliance: &'static str,
    theme: &'static str,
    kind: ActivityKind,
    /// Local time in China (UTC+8), as the reports give it.
    starts: &'static str,
    hours: i64,
    location: &'static str,
    host: &'static str,
    co_organizers: &'static [&'static str],
    headcounts: &'static [(&'static str, i32)],
    summary: &'static str,
    report: &'static str,
    outcomes: Option<&'static str>,
    published: &'static str,
}

const DEMOS: &[Demo] = &[
    Demo {
        alliance: "南方阻燃—重庆潮汕商会党建共建",
        theme: "南方阻燃党支部与重庆潮汕商会党支部党建共建活动",
        kind: ActivityKind::Symposium,
        starts: "2022-09-28T14:30:00+08:00",
        hours: 3,
        location: "南方阻燃党员会议室",
        host: FLAME,
        co_organizers: &[CHAOSHAN],
        headcounts: &[(FLAME, 12), (CHAOSHAN, 8)],
        summary: "喜迎二十大，两支部二十余名党员座谈交流，共同参观南方阻燃党建文化长廊。",
        report: "在庆祝新中国成立73周年、喜迎党的二十大召开之际，为弘扬爱国主义精神、传承红色基因、以党建聚合力助推重庆高质量发展，9月28日下午，南方阻燃党支部与重庆潮汕商会党支部党建共建活动在南方阻燃党员会议室顺利举行，两支部20余名党员参加座谈。\n\n## 座谈交流\n\n南方阻燃党支部书记与重庆潮汕商会党支部书记分别介绍了各自党建工作和发展情况。双方表示，将以此次交流为契机，学习借鉴党建文化建设的成功经验，引导会员单位做好党建工作，加强党史学习教育，增强商会的凝聚力和亲和力。\n\n## 参观党建文化长廊\n\n活动现场，与会人员共同参观了南方阻燃党建文化长廊，听取了“安心南方”主题党建文化的整体介绍。\n\n座谈气氛热烈，大家围绕加强企业与商会联动、以党建促发展等方面交流了看法。",
        outcomes: Some("商会与企业紧密联合，以党建促进共同发展。"),
        published: "2022-10-06T09:00:00+08:00",
    },
    Demo {
        alliance: "湖东社区—东南电梯—江陵实验初中社企校党建联建",
        theme: "“党建聚合力 谋发展 同心共谱新篇章”社企校党建联建活动",
        kind: ActivityKind::Ceremony,
        starts: "2021-06-08T09:00:00+08:00",
        hours: 3,
        location: "东南电梯",
        host: ELEVATOR,
        co_organizers: &[HUDONG, JIANGLING],
        headcounts: &[],
        summary: "庆祝建党100周年，社企校三方共同为“共建单位”铜牌揭牌。",
        report: "6月8日上午，为庆祝中国共产党成立100周年，深化党史学习教育，湖东社区党支部、东南电梯党支部与江陵实验初中党支部以“党建聚合力 谋发展 同心共谱新篇章”为主题，在东南电梯联合开展社企校党建联建活动。\n\n三方党支部书记分别作支部介绍和经验分享。三方将围绕支部阵地建设、组织建设和制度建设，增强支部凝聚力和战斗力，搭建促进基层党建取得实效的协作平台。\n\n## 揭牌\n\n三方共同为“共建单位”铜牌揭牌；湖东社区未成年人社会实践基地在东南电梯挂牌。\n\n共建单位代表还走访慰问了为学校捐资助学30年的老党员，捐赠爱心图书100册。",
        outcomes: None,
        published: "2021-06-10T10:00:00+08:00",
    },
];

fn at(text: &str) -> Result<DateTime<Utc>, Error> {
    DateTime::<FixedOffset>::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(Error::internal)
}

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
    Ok(match row {
        Some(row) => Some(row.try_get("", "id")?),
        None => None,
    })
}

pub(super) async fn seed_activities<C: ConnectionTrait>(
    db: &C,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    for demo in DEMOS {
        let Some(alliance) = id_by_name(db, "alliances", demo.alliance).await? else {
            continue;
        };
        let exists = db
            .query_one_raw(stmt(
                "SELECT 1 AS found FROM activities WHERE alliance_id = $1 AND theme = $2",
                [alliance.into(), demo.theme.into()],
            ))
            .await?;
        let Some(host) = id_by_name(db, "organizations", demo.host).await? else {
            continue;
        };
        if exists.is_some() {
            continue;
        }
        let starts = at(demo.starts)?;
        let id = Uuid::now_v7();
        activity::ActiveModel {
            id: Set(id),
            alliance_id: Set(alliance),
            agreement_id: Set(None),
            commitment_id: Set(None),
            kind: Set(demo.kind),
            theme: Set(demo.theme.into()),
            starts_at: Set(starts),
            ends_at: Set(starts + chrono::Duration::hours(demo.hours)),
            location: Set(Some(demo.location.into())),
            signup_closes_at: Set(None),
            capacity: Set(None),
            status: Set(ActivityStatus::Published),
            summary: Set(Some(demo.summary.into())),
            report: Set(demo.report.into()),
            outcomes: Set(demo.outcomes.map(Into::into)),
            check_in_code: Set(format!("{:06}", rand::random::<u32>() % 1_000_000)),
            published_at: Set(Some(at(demo.published)?)),
            cover_media_id: Set(None),
            created_by: Set(None),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(db)
        .await?;
        let mut organizers = vec![(host, "host")];
        for name in demo.co_organizers {
            if let Some(org) = id_by_name(db, "organizations", name).await? {
                organizers.push((org, "co_organizer"));
            }
        }
        for (org, role) in organizers {
            db.execute_raw(stmt(
                "INSERT INTO activity_organizers (activity_id, organization_id, role) VALUES ($1, $2, $3)",
                [id.into(), org.into(), role.into()],
            ))
            .await?;
        }
        for (name, count) in demo.headcounts {
            if let Some(org) = id_by_name(db, "organizations", name).await? {
                db.execute_raw(stmt(
                    "INSERT INTO activity_headcounts (activity_id, organization_id, head_count) VALUES ($1, $2, $3)",
                    [id.into(), org.into(), (*count).into()],
                ))
                .await?;
            }
        }
    }
    Ok(())
}

/// The gallery of the published demo activities: photos drawn in code (no downloads), the first
/// the cover, uploaded by an admin or the secretary of the host (or a platform admin).
const PHOTOS: &[super::media::DemoPhoto] = &[
    super::media::DemoPhoto {
        name: "合影.jpg",
        top: [196, 30, 58],
        bottom: [250, 219, 20],
    },
    super::media::DemoPhoto {
        name: "座谈交流.jpg",
        top: [24, 144, 255],
        bottom: [240, 242, 245],
    },
    super::media::DemoPhoto {
        name: "参观学习.jpg",
        top: [82, 196, 26],
        bottom: [255, 247, 230],
    },
];

/// Adds the demo photos to every published demo activity that has none yet (idempotent).
pub(super) async fn seed_photos(services: &Services) -> Result<(), Error> {
    let themes: Vec<String> = DEMOS.iter().map(|d| d.theme.to_owned()).collect();
    let rows = services
        .db
        .query_all_raw(stmt(
            "SELECT a.id,
                    COALESCE(
                      (SELECT m.user_id FROM activity_organizers o
                         JOIN organization_memberships m ON m.organization_id = o.organization_id
                        WHERE o.activity_id = a.id AND o.role = 'host' AND m.left_on IS NULL
                          AND (m.is_org_admin OR m.position = 'secretary')
                        ORDER BY m.is_org_admin DESC, m.created_at LIMIT 1),
                      (SELECT id FROM users WHERE is_platform_admin ORDER BY created_at LIMIT 1)
                    ) AS uploader
               FROM activities a
              WHERE a.status = 'published' AND a.theme = ANY($1)",
            [themes.into()],
        ))
        .await?;
    for row in rows {
        let id: Uuid = row.try_get("", "id")?;
        let uploader: Option<Uuid> = row.try_get("", "uploader")?;
        if let Some(uploader) = uploader {
            super::media::seed_activity_photos(services, id, uploader, PHOTOS).await?;
        }
    }
    Ok(())
}
