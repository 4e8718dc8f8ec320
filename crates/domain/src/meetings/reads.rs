//! Reading meetings: one by id, by ids for loaders, and the filtered list.

use super::Meetings;
use crate::alliances::AllianceFacts;
use crate::entities::{alliance, meeting};
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::pagination::{Page, PageRequest};
use crate::kernel::scope;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::{DateTime, Utc};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};
use std::collections::HashMap;
use uuid::Uuid;

impl Meetings<'_> {
    /// The meeting with its alliance, if the principal may see it (internal use: nothing removed).
    pub(crate) async fn meeting_with_alliance(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<(meeting::Model, alliance::Model)>, Error> {
        let Some(found) = meeting::Entity::find_by_id(id).one(&self.db).await? else {
            return Ok(None);
        };
        let Some(owner) = alliance::Entity::find_by_id(found.alliance_id)
            .one(&self.db)
            .await?
        else {
            return Ok(None);
        };
        if !policy::can(
            principal,
            Action::ReadMeetings,
            AllianceFacts::of(&owner).resource(),
        ) {
            return Ok(None);
        }
        Ok(Some((found, owner)))
    }

    pub async fn meeting(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<meeting::Model>, Error> {
        Ok(self
            .meeting_with_alliance(principal, id)
            .await?
            .map(|(m, _)| redact(principal, m)))
    }

    /// Loads a meeting the principal may see and checks `action` on its alliance.
    pub(crate) async fn meeting_for(
        &self,
        principal: &Principal,
        id: Uuid,
        action: Action,
    ) -> Result<(meeting::Model, alliance::Model), Error> {
        let (found, owner) = self
            .meeting_with_alliance(principal, id)
            .await?
            .ok_or(Error::NotFound("meeting"))?;
        policy::authorize(principal, action, AllianceFacts::of(&owner).resource())?;
        Ok((found, owner))
    }

    /// The meetings among `ids` the principal may see (for loaders).
    pub async fn meetings_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, meeting::Model>, Error> {
        let rows = meeting::Entity::find()
            .filter(meeting::Column::Id.is_in(ids.to_vec()))
            .filter(scope::alliance_in(
                "meetings.alliance_id",
                &policy::meeting_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .map(|m| (m.id, redact(principal, m)))
            .collect())
    }

    /// Meetings the principal may see, by start time, optionally in one alliance and a window;
    /// with `window.past`, only meetings that are over (ended, or completed), newest first.
    pub async fn meetings(
        &self,
        principal: &Principal,
        page: PageRequest,
        window: MeetingWindow,
    ) -> Result<(Page<meeting::Model>, u64), Error> {
        let scope = policy::meeting_alliances(principal);
        let mut query = meeting::Entity::find();
        if !scope.all {
            query = query.filter(
                meeting::Column::AllianceId
                    .is_in(scope.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
            );
        }
        if let Some(alliance) = window.alliance {
            query = query.filter(meeting::Column::AllianceId.eq(alliance.0));
        }
        if let Some(from) = window.from {
            query = query.filter(meeting::Column::EndsAt.gt(from));
        }
        if let Some(to) = window.to {
            query = query.filter(meeting::Column::StartsAt.lt(to));
        }
        if window.past {
            query = query.filter(Expr::cust_with_values(
                "(meetings.ends_at <= $1 OR meetings.status = 'completed')",
                [self.now()],
            ));
        }
        if window.from.is_some() && !window.past {
            query = fenced(query);
        }
        let filtered = query.clone();
        let (newest_first, compare) = if window.past {
            (true, "<")
        } else {
            (false, ">")
        };
        if let Some(after) = page.after {
            query = query.filter(Expr::cust_with_values(
                format!("(meetings.starts_at, meetings.id) {compare} (SELECT starts_at, id FROM meetings WHERE id = $1)"),
                [after],
            ));
        }
        let query = if newest_first {
            query
                .order_by_desc(meeting::Column::StartsAt)
                .order_by_desc(meeting::Column::Id)
        } else {
            query
                .order_by_asc(meeting::Column::StartsAt)
                .order_by_asc(meeting::Column::Id)
        };
        let (rows, total) = crate::kernel::pagination::rows_and_count(
            &self.db,
            &filtered,
            query.limit(page.limit()),
            page,
        )
        .await?;
        let rows = rows.into_iter().map(|m| redact(principal, m)).collect();
        Ok((Page::from_rows(rows, page), total))
    }
}

/// The rows of `query` filtered first, then ordered: `SELECT … FROM (<query> OFFSET 0) meetings`.
/// The meetings still running after `from` are few whatever the history, but asked for in start
/// order the planner walks (alliance_id, starts_at) through every ended meeting; behind the fence
/// (a subquery with OFFSET is planned on its own) it finds them by (alliance_id, ends_at) and sorts
/// those.
fn fenced(query: sea_orm::Select<meeting::Entity>) -> sea_orm::Select<meeting::Entity> {
    use sea_orm::QueryTrait;
    let mut inner = query.into_query();
    inner.offset(0);
    let mut outer = meeting::Entity::find();
    QueryTrait::query(&mut outer)
        .from_clear()
        .from_subquery(inner, sea_orm::sea_query::Alias::new("meetings"));
    outer
}

/// Which meetings a list holds: one alliance's or all visible, a window of time, or only past ones.
#[derive(Debug, Clone, Copy, Default)]
pub struct MeetingWindow {
    pub alliance: Option<AllianceId>,
    /// Only meetings ending after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Only meetings starting before this instant.
    pub to: Option<DateTime<Utc>>,
    /// Only meetings that are over (ended, or completed), newest first.
    pub past: bool,
}

/// The check-in code is for those who take attendance: for everyone else it reads as empty.
pub(crate) fn redact(principal: &Principal, mut found: meeting::Model) -> meeting::Model {
    if !policy::can_in_alliance(
        principal,
        Action::TakeAttendance,
        AllianceId(found.alliance_id),
    ) {
        found.check_in_code = String::new();
    }
    found
}
