use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "agreements")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub alliance_id: Uuid,
    pub title: String,
    pub body: String,
    pub valid_from: Date,
    pub valid_until: Date,
    pub status: crate::kernel::vocab::AgreementStatus,
    pub renewal_reminder_days: i32,
    pub terminated_on: Option<Date>,
    pub termination_reason: Option<String>,
    pub previous_agreement_id: Option<Uuid>,
    pub created_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub updated_at: DateTimeUtc,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
