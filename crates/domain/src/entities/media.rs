use sea_orm::entity::prelude::*;

/// A photo or file; its bytes live in the object store under `object_key` (and, for photos,
/// `thumbnail_key` and `web_key`).
#[derive(Clone, Debug, PartialEq, Eq, DeriveEntityModel)]
#[sea_orm(table_name = "media")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: Uuid,
    pub alliance_id: Uuid,
    pub activity_id: Option<Uuid>,
    pub agreement_id: Option<Uuid>,
    pub document_version_id: Option<Uuid>,
    pub kind: String,
    pub object_key: String,
    pub thumbnail_key: Option<String>,
    pub web_key: Option<String>,
    pub original_name: String,
    pub content_type: String,
    pub byte_size: i64,
    pub sha256: String,
    pub width: Option<i32>,
    pub height: Option<i32>,
    pub caption: Option<String>,
    pub taken_at: Option<DateTimeUtc>,
    pub taken_at_source: Option<String>,
    pub position: i32,
    pub uploaded_by: Option<Uuid>,
    pub created_at: DateTimeUtc,
    pub orphaned_at: Option<DateTimeUtc>,
    pub version: i32,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
