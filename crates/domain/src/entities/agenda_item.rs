use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agenda_items")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub meeting_id: Uuid,
    pub position: i32,
    pub title: String,
    pub presenter_organization_id: Option<Uuid>,
    pub minutes_allotted: Option<i32>,
    pub proposed_by_organization_id: Option<Uuid>,
    pub proposed_by: Option<Uuid>,
    pub status: crate::kernel::vocab::AgendaItemStatus,
    pub created_at: DateTimeUtc,
    pub description: Option<String>,
    pub version: i32,
    pub updated_at: Option<DateTimeUtc>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
