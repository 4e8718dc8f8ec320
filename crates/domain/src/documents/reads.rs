//! Reading the library: documents by id and by alliance, their versions, and the working rules in
//! effect. Every read is scoped to the alliances whose documents the principal may read.

use super::Documents;
use crate::entities::{document, document_version};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::local_time::today_sql;
use crate::kernel::pagination::{Page, PageRequest, page_by_id};
use crate::kernel::scope;
use crate::kernel::vocab::DocumentKind;
use crate::policy;
use crate::policy::principal::Principal;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, Value};
use std::collections::HashMap;
use uuid::Uuid;

fn scope_values(principal: &Principal) -> [Value; 2] {
    let readable = policy::document_alliances(principal);
    [
        Value::from(readable.all),
        Value::from(readable.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
    ]
}

impl Documents<'_> {
    /// The documents among `ids` the principal may read (loaders, `node(id:)`).
    pub async fn documents_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, document::Model>, Error> {
        let rows = document::Entity::find()
            .filter(document::Column::Id.is_in(ids.to_vec()))
            .filter(scope::alliance_in(
                "documents.alliance_id",
                &policy::document_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|d| (d.id, d)).collect())
    }

    /// One alliance's documents, optionally of one kind, in creation order.
    pub async fn documents(
        &self,
        principal: &Principal,
        alliance: AllianceId,
        kind: Option<DocumentKind>,
        page: PageRequest,
    ) -> Result<(Page<document::Model>, u64), Error> {
        let mut query = document::Entity::find()
            .filter(document::Column::AllianceId.eq(alliance.0))
            .filter(scope::alliance_in(
                "documents.alliance_id",
                &policy::document_alliances(principal),
            ));
        if let Some(kind) = kind {
            query = query.filter(document::Column::Kind.eq(kind));
        }
        page_by_id(&self.db, query, document::Column::Id, page).await
    }

    /// Every version of each document, newest number first.
    pub async fn versions_of_documents(
        &self,
        principal: &Principal,
        documents: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<document_version::Model>>, Error> {
        let rows = document_version::Entity::find()
            .filter(document_version::Column::DocumentId.is_in(documents.to_vec()))
            .filter(Expr::cust_with_values(
                "document_versions.document_id IN (SELECT id FROM documents WHERE $1 OR alliance_id = ANY($2))",
                scope_values(principal),
            ))
            .order_by_desc(document_version::Column::Number)
            .all(&self.db)
            .await?;
        let mut out: HashMap<Uuid, Vec<document_version::Model>> = HashMap::new();
        for row in rows {
            out.entry(row.document_id).or_default().push(row);
        }
        Ok(out)
    }

    /// The versions among `ids` the principal may read (`node(id:)`).
    pub async fn versions_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, document_version::Model>, Error> {
        let rows = document_version::Entity::find()
            .filter(document_version::Column::Id.is_in(ids.to_vec()))
            .filter(Expr::cust_with_values(
                "document_versions.document_id IN (SELECT id FROM documents WHERE $1 OR alliance_id = ANY($2))",
                scope_values(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|v| (v.id, v)).collect())
    }

    /// Each document's version in effect today (the latest `effective_on` on or before the
    /// alliance's local today, the highest number among equals).
    pub async fn current_versions_of_documents(
        &self,
        principal: &Principal,
        documents: &[Uuid],
    ) -> Result<HashMap<Uuid, document_version::Model>, Error> {
        let today = today_sql("$4", "a.time_zone");
        let rows = document_version::Model::find_by_statement(stmt(
            &format!(
                "SELECT DISTINCT ON (v.document_id) v.* FROM document_versions v
                   JOIN documents d ON d.id = v.document_id JOIN alliances a ON a.id = d.alliance_id
                  WHERE v.document_id = ANY($1) AND ($2 OR d.alliance_id = ANY($3)) AND v.effective_on <= {today}
                  ORDER BY v.document_id, v.effective_on DESC, v.number DESC"
            ),
            [documents.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .chain([self.now().into()])
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        Ok(rows.into_iter().map(|v| (v.document_id, v)).collect())
    }

    /// Each alliance's working rules in effect today: among its working-rules documents, the
    /// version with the latest effective date on or before the alliance's local today.
    pub async fn current_working_rules_of_alliances(
        &self,
        principal: &Principal,
        alliances: &[Uuid],
    ) -> Result<HashMap<Uuid, document_version::Model>, Error> {
        #[derive(FromQueryResult)]
        struct Row {
            alliance_id: Uuid,
            id: Uuid,
        }
        let today = today_sql("$4", "a.time_zone");
        let rows = Row::find_by_statement(stmt(
            &format!(
                "SELECT DISTINCT ON (d.alliance_id) d.alliance_id, v.id FROM document_versions v
                   JOIN documents d ON d.id = v.document_id JOIN alliances a ON a.id = d.alliance_id
                  WHERE d.alliance_id = ANY($1) AND ($2 OR d.alliance_id = ANY($3))
                    AND d.kind = 'working_rules' AND v.effective_on <= {today}
                  ORDER BY d.alliance_id, v.effective_on DESC, v.number DESC, v.created_at DESC"
            ),
            [alliances.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .chain([self.now().into()])
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        let mut versions = self
            .versions_visible(principal, &rows.iter().map(|r| r.id).collect::<Vec<_>>())
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|r| versions.remove(&r.id).map(|v| (r.alliance_id, v)))
            .collect())
    }
}
