//! The `activities` row (migration `m20261203_000003_activities`).

use super::vocab::{ActivityKind, ActivityStatus};
use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "activities")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub alliance_id: Uuid,
    pub agreement_id: Option<Uuid>,
    pub commitment_id: Option<Uuid>,
    pub kind: ActivityKind,
    pub theme: String,
    pub starts_at: DateTimeUtc,
    pub ends_at: DateTimeUtc,
    pub location: Option<String>,
    pub signup_closes_at: Option<DateTimeUtc>,
    pub capacity: Option<i32>,
    pub status: ActivityStatus,
    pub summary: Option<String>,
    pub report: String,
    pub outcomes: Option<String>,
    pub check_in_code: String,
    pub published_at: Option<DateTimeUtc>,
    pub cover_media_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
