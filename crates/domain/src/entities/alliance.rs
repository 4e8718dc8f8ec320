use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "alliances")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub name: String,
    pub name_en: Option<String>,
    pub kind: String,
    pub status: crate::kernel::vocab::AllianceStatus,
    pub founded_on: Option<Date>,
    pub supervising_body: Option<String>,
    pub instructor: Option<String>,
    pub rotation_period: String,
    pub visibility: String,
    pub working_rules: Option<String>,
    pub agenda_deadline_days: i32,
    /// IANA time zone name (see `kernel::local_time`).
    pub time_zone: String,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
    /// Bumped by every edit of the lead schedule (see `rotation`).
    pub lead_schedule_version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
