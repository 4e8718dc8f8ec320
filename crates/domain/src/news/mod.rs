//! The public news feed (新闻动态): published activities of public alliances, for anyone, with no
//! sign-in. Nothing else is ever read here: the one filter is in [`PUBLIC`], used by every query.

use crate::activities::ActivityKind;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::pagination::{Page, PageRequest};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// The only rows the news may show: published activities of public alliances.
const PUBLIC: &str = "a.status = 'published' AND al.visibility = 'public'";

const COLUMNS: &str = "a.id, a.alliance_id, al.name AS alliance_name, al.time_zone, a.theme, a.summary,
       a.kind, a.starts_at, a.ends_at, a.location, a.report, a.outcomes, a.published_at, a.cover_media_id";

#[derive(Debug, Clone, FromQueryResult)]
struct Row {
    id: Uuid,
    alliance_id: Uuid,
    alliance_name: String,
    time_zone: String,
    theme: String,
    summary: Option<String>,
    kind: String,
    starts_at: DateTime<Utc>,
    ends_at: DateTime<Utc>,
    location: Option<String>,
    report: String,
    outcomes: Option<String>,
    published_at: Option<DateTime<Utc>>,
    cover_media_id: Option<Uuid>,
}

/// A photo of an article, served at `/media/public/{media_id}/{variant}`.
#[derive(Debug, Clone, PartialEq, Eq, FromQueryResult)]
pub struct NewsPhoto {
    pub media_id: Uuid,
    pub activity_id: Uuid,
    pub caption: Option<String>,
    pub width: Option<i32>,
    pub height: Option<i32>,
}

/// One article: a published activity of a public alliance.
#[derive(Debug, Clone)]
pub struct NewsArticle {
    pub id: Uuid,
    pub alliance_id: Uuid,
    pub alliance_name: String,
    /// The alliance's IANA zone, to show the time.
    pub time_zone: String,
    pub title: String,
    pub summary: Option<String>,
    pub kind: ActivityKind,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub location: Option<String>,
    pub report: String,
    pub outcomes: Option<String>,
    pub published_at: DateTime<Utc>,
    /// Host first, then the co-organizers.
    pub organizers: Vec<String>,
    /// The cover (if chosen, else the first photo), then the others in order.
    pub photos: Vec<NewsPhoto>,
    pub cover: Option<NewsPhoto>,
}

/// The public news. The façade of this domain: `services.news()`.
pub struct News<'a>(&'a crate::Services);

impl crate::Services {
    pub fn news(&self) -> News<'_> {
        News(self)
    }
}

impl News<'_> {
    /// Articles, newest published first; optionally of one alliance.
    pub async fn articles(
        &self,
        alliance: Option<AllianceId>,
        page: PageRequest,
    ) -> Result<(Page<NewsArticle>, u64), Error> {
        let db = &self.0.db;
        let filter = format!("{PUBLIC} AND ($1::uuid IS NULL OR a.alliance_id = $1)");
        let count = if page.count {
            db.query_one_raw(stmt(
                &format!(
                    "SELECT count(*) AS n FROM activities a JOIN alliances al ON al.id = a.alliance_id WHERE {filter}"
                ),
                [Value::from(alliance.map(|a| a.0))],
            ))
            .await?
        } else {
            None
        };
        let total: i64 = match count {
            Some(row) => row.try_get("", "n")?,
            None => 0,
        };
        let rows = Row::find_by_statement(stmt(
            &format!(
                "SELECT {COLUMNS} FROM activities a JOIN alliances al ON al.id = a.alliance_id
                  WHERE {filter}
                    AND ($2::uuid IS NULL OR (a.published_at, a.id) < (SELECT published_at, id FROM activities WHERE id = $2))
                  ORDER BY a.published_at DESC, a.id DESC LIMIT $3"
            ),
            [
                Value::from(alliance.map(|a| a.0)),
                Value::from(page.after),
                Value::from(i64::try_from(page.limit()).unwrap_or(i64::MAX)),
            ],
        ))
        .all(db)
        .await?;
        let page = Page::from_rows(rows, page);
        let articles = self.complete(page.items).await?;
        Ok((
            Page {
                items: articles,
                has_next: page.has_next,
                has_previous: page.has_previous,
            },
            u64::try_from(total).unwrap_or(0),
        ))
    }

    /// One article; `None` unless it is a published activity of a public alliance.
    pub async fn article(&self, id: Uuid) -> Result<Option<NewsArticle>, Error> {
        let rows = Row::find_by_statement(stmt(
            &format!(
                "SELECT {COLUMNS} FROM activities a JOIN alliances al ON al.id = a.alliance_id
                  WHERE {PUBLIC} AND a.id = $1"
            ),
            [Value::from(id)],
        ))
        .all(&self.0.db)
        .await?;
        Ok(self.complete(rows).await?.into_iter().next())
    }

    /// The name of a public alliance, for its own feed; `None` for a members-only one.
    pub async fn public_alliance_name(&self, id: AllianceId) -> Result<Option<String>, Error> {
        let row = self
            .0
            .db
            .query_one_raw(stmt(
                "SELECT name FROM alliances WHERE id = $1 AND visibility = 'public'",
                [Value::from(id.0)],
            ))
            .await?;
        Ok(match row {
            Some(row) => Some(row.try_get("", "name")?),
            None => None,
        })
    }

    /// Adds organizer names and photos to the rows, in two statements.
    async fn complete(&self, rows: Vec<Row>) -> Result<Vec<NewsArticle>, Error> {
        let db = &self.0.db;
        let ids: Vec<Uuid> = rows.iter().map(|r| r.id).collect();
        let names = db
            .query_all_raw(stmt(
                "SELECT o.activity_id, org.name FROM activity_organizers o
                   JOIN organizations org ON org.id = o.organization_id
                  WHERE o.activity_id = ANY($1) ORDER BY o.activity_id, o.role DESC, org.name",
                [Value::from(ids.clone())],
            ))
            .await?;
        let mut organizers: HashMap<Uuid, Vec<String>> = HashMap::new();
        for row in names {
            let activity: Uuid = row.try_get("", "activity_id")?;
            organizers
                .entry(activity)
                .or_default()
                .push(row.try_get("", "name")?);
        }
        let photos = NewsPhoto::find_by_statement(stmt(
            "SELECT id AS media_id, activity_id, caption, width, height FROM media
              WHERE activity_id = ANY($1) AND kind = 'photo' AND orphaned_at IS NULL
              ORDER BY activity_id, position, created_at, id",
            [Value::from(ids)],
        ))
        .all(db)
        .await?;
        let mut by_activity: HashMap<Uuid, Vec<NewsPhoto>> = HashMap::new();
        for photo in photos {
            by_activity
                .entry(photo.activity_id)
                .or_default()
                .push(photo);
        }
        Ok(rows
            .into_iter()
            .map(|row| {
                let mut photos = by_activity.remove(&row.id).unwrap_or_default();
                if let Some(cover) = row.cover_media_id
                    && let Some(at) = photos.iter().position(|p| p.media_id == cover)
                {
                    let chosen = photos.remove(at);
                    photos.insert(0, chosen);
                }
                NewsArticle {
                    id: row.id,
                    alliance_id: row.alliance_id,
                    alliance_name: row.alliance_name,
                    time_zone: row.time_zone,
                    title: row.theme,
                    summary: row.summary,
                    kind: ActivityKind::parse(&row.kind).unwrap_or(ActivityKind::Other),
                    starts_at: row.starts_at,
                    ends_at: row.ends_at,
                    location: row.location,
                    report: row.report,
                    outcomes: row.outcomes,
                    published_at: row.published_at.unwrap_or(row.starts_at),
                    organizers: organizers.remove(&row.id).unwrap_or_default(),
                    cover: photos.first().cloned(),
                    photos,
                }
            })
            .collect())
    }
}
