//! Reading the audit log (the writer is `kernel::audit`). Newest first: ids are UUID v7, so
//! `id DESC` is time order and keyset pagination works on the id alone.
//!
//! Which alliance an entry concerns is derived in SQL from its entity (an alliance itself, or a
//! meeting, action item, lead term or integration token of one), so that the write paths stay
//! untouched; `ENTRIES` below is the one place that knows the mapping.

use crate::Services;
use crate::entities::audit_entry;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::{AllianceId, UserId};
use crate::kernel::pagination::{Page, PageRequest};
use crate::policy::principal::Principal;
use crate::policy::{self};
use chrono::{DateTime, Utc};
use sea_orm::{ConnectionTrait, FromQueryResult, Value};
use uuid::Uuid;

/// Every audit entry with the alliance it concerns (if any) and the prefix of the acting token.
const ENTRIES: &str = "SELECT a.*, t.prefix AS actor_token_prefix,
        CASE a.entity_type
            WHEN 'alliance' THEN a.entity_id
            WHEN 'meeting' THEN (SELECT m.alliance_id FROM meetings m WHERE m.id = a.entity_id)
            WHEN 'action_item' THEN (SELECT m.alliance_id FROM action_items ai
                                       JOIN meetings m ON m.id = ai.meeting_id WHERE ai.id = a.entity_id)
            WHEN 'lead_term' THEN (SELECT lt.alliance_id FROM lead_terms lt WHERE lt.id = a.entity_id)
            WHEN 'integration_token' THEN (SELECT it.alliance_id FROM integration_tokens it WHERE it.id = a.entity_id)
        END AS alliance_id
   FROM audit_log a LEFT JOIN integration_tokens t ON t.id = a.actor_token_id";

const MAX_TEXT: usize = 100;

/// Filters of the audit log; all optional, combined with AND.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub id: Option<Uuid>,
    pub actor: Option<UserId>,
    pub alliance: Option<AllianceId>,
    pub entity_type: Option<String>,
    pub entity_id: Option<Uuid>,
    pub action: Option<String>,
    /// Entries at or after this instant.
    pub from: Option<DateTime<Utc>>,
    /// Entries before this instant.
    pub to: Option<DateTime<Utc>>,
}

/// One entry, with what the reader derives for it.
#[derive(Debug, Clone, FromQueryResult)]
pub struct AuditRow {
    pub id: Uuid,
    pub actor_user_id: Option<Uuid>,
    pub actor_token_id: Option<Uuid>,
    pub actor_token_prefix: Option<String>,
    pub action: String,
    pub entity_type: String,
    pub entity_id: Option<Uuid>,
    pub changes: serde_json::Value,
    pub at: DateTime<Utc>,
    pub alliance_id: Option<Uuid>,
}

impl From<AuditRow> for audit_entry::Model {
    fn from(row: AuditRow) -> Self {
        Self {
            id: row.id,
            actor_user_id: row.actor_user_id,
            actor_token_id: row.actor_token_id,
            action: row.action,
            entity_type: row.entity_type,
            entity_id: row.entity_id,
            changes: row.changes,
            at: row.at,
        }
    }
}

fn text_filter(errors: &mut Vec<FieldError>, field: &str, value: Option<&str>) -> Option<String> {
    let value = value.map(str::trim).filter(|v| !v.is_empty())?;
    if value.contains('\0') {
        errors.push(FieldError::new(
            field,
            "INVALID",
            "must not contain NUL characters",
        ));
        return None;
    }
    if value.chars().count() > MAX_TEXT {
        errors.push(FieldError::new(
            field,
            "TOO_LONG",
            format!("at most {MAX_TEXT} characters"),
        ));
        return None;
    }
    Some(value.to_owned())
}

impl Audit<'_> {
    /// The entries the principal may read, newest first, with the total across pages. Platform
    /// admins read all; an alliance's secretariat reads the entries concerning their alliances
    /// (restricted automatically; naming another alliance is `FORBIDDEN`); anyone else is refused.
    pub async fn audit_entries(
        &self,
        principal: &Principal,
        page: PageRequest,
        filter: AuditFilter,
    ) -> Result<(Page<AuditRow>, u64), Error> {
        let scope = policy::audit_alliances(principal);
        if !scope.all && scope.ids.is_empty() {
            return Err(if matches!(principal, Principal::Anonymous) {
                Error::Unauthenticated("sign in first")
            } else {
                Error::Forbidden
            });
        }
        if let Some(alliance) = filter.alliance
            && !scope.contains(alliance, false)
        {
            return Err(Error::Forbidden);
        }
        let mut errors = Vec::new();
        let entity_type = text_filter(&mut errors, "entityType", filter.entity_type.as_deref());
        let action = text_filter(&mut errors, "action", filter.action.as_deref());
        if let (Some(from), Some(to)) = (filter.from, filter.to)
            && from > to
        {
            errors.push(FieldError::new(
                "to",
                "BEFORE_FROM",
                "must not be before `from`",
            ));
        }
        crate::kernel::validation::finish(errors)?;

        let mut conditions: Vec<String> = Vec::new();
        let mut values: Vec<Value> = Vec::new();
        let mut add = |sql: &str, value: Value| {
            values.push(value);
            conditions.push(sql.replace('?', &format!("${}", values.len())));
        };
        if !scope.all {
            let ids: Vec<Uuid> = scope.ids.iter().map(|a| a.0).collect();
            add("e.alliance_id = ANY(?)", ids.into());
        }
        if let Some(id) = filter.id {
            add("e.id = ?", id.into());
        }
        if let Some(actor) = filter.actor {
            add("e.actor_user_id = ?", actor.0.into());
        }
        if let Some(alliance) = filter.alliance {
            add("e.alliance_id = ?", alliance.0.into());
        }
        if let Some(entity_type) = entity_type {
            add("e.entity_type = ?", entity_type.into());
        }
        if let Some(entity_id) = filter.entity_id {
            add("e.entity_id = ?", entity_id.into());
        }
        if let Some(action) = action {
            add("e.action = ?", action.into());
        }
        if let Some(from) = filter.from {
            add("e.at >= ?", from.into());
        }
        if let Some(to) = filter.to {
            add("e.at < ?", to.into());
        }
        let filtered = if conditions.is_empty() {
            format!("WITH e AS ({ENTRIES}) SELECT e.* FROM e")
        } else {
            format!(
                "WITH e AS ({ENTRIES}) SELECT e.* FROM e WHERE {}",
                conditions.join(" AND ")
            )
        };
        let total_row = if page.count {
            self.db
                .query_one_raw(stmt(
                    &format!("SELECT count(*) AS total FROM ({filtered}) counted"),
                    values.clone(),
                ))
                .await?
        } else {
            None
        };
        let total: i64 = match total_row {
            Some(row) => row.try_get("", "total")?,
            None => 0,
        };
        let mut sql = format!("SELECT * FROM ({filtered}) paged");
        if let Some(after) = page.after {
            values.push(after.into());
            sql.push_str(&format!(" WHERE paged.id < ${}", values.len()));
        }
        sql.push_str(&format!(" ORDER BY paged.id DESC LIMIT {}", page.limit()));
        let rows = AuditRow::find_by_statement(stmt(&sql, values))
            .all(&self.db)
            .await?;
        Ok((
            Page::from_rows(rows, page),
            u64::try_from(total).unwrap_or(0),
        ))
    }

    /// One entry, if the principal may read it (`node(id:)`); never an error for lack of rights.
    pub async fn audit_entry(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<AuditRow>, Error> {
        let scope = policy::audit_alliances(principal);
        if !scope.all && scope.ids.is_empty() {
            return Ok(None);
        }
        let (page, _) = self
            .audit_entries(
                principal,
                PageRequest {
                    first: 1,
                    after: None,
                    count: false,
                },
                AuditFilter {
                    id: Some(id),
                    ..Default::default()
                },
            )
            .await?;
        Ok(page.items.into_iter().next())
    }
}

/// The audit log as a query. The façade of this domain: `services.audit()`.
pub struct Audit<'a>(&'a Services);

impl Services {
    pub fn audit(&self) -> Audit<'_> {
        Audit(self)
    }
}

impl std::ops::Deref for Audit<'_> {
    type Target = Services;

    fn deref(&self) -> &Services {
        self.0
    }
}
