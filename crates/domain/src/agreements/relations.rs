//! Batched children of agreements for the loaders: parties, commitments and their notes. Every
//! batch takes the principal and selects only rows of alliances whose agreements it may read.

use super::{Agreements, Commitment, CommitmentNote};
use crate::entities::agreement_party;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::policy;
use crate::policy::principal::Principal;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, FromQueryResult, QueryFilter, QueryOrder, Value};
use std::collections::HashMap;
use uuid::Uuid;

/// `$all, $ids` of the alliances whose agreements the principal may read.
pub(super) fn scope_values(principal: &Principal) -> [Value; 2] {
    let readable = policy::agreement_alliances(principal);
    [
        Value::from(readable.all),
        Value::from(readable.ids.iter().map(|a| a.0).collect::<Vec<_>>()),
    ]
}

fn group<T>(rows: Vec<T>, key: impl Fn(&T) -> Uuid) -> HashMap<Uuid, Vec<T>> {
    let mut out: HashMap<Uuid, Vec<T>> = HashMap::new();
    for row in rows {
        out.entry(key(&row)).or_default().push(row);
    }
    out
}

impl Agreements<'_> {
    pub async fn parties_of_agreements(
        &self,
        principal: &Principal,
        agreements: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<agreement_party::Model>>, Error> {
        Ok(group(
            agreement_party::Entity::find()
                .filter(agreement_party::Column::AgreementId.is_in(agreements.to_vec()))
                .filter(Expr::cust_with_values(
                    "agreement_parties.agreement_id IN (SELECT id FROM agreements WHERE $1 OR alliance_id = ANY($2))",
                    scope_values(principal),
                ))
                .order_by_asc(agreement_party::Column::Position)
                .all(&self.db)
                .await?,
            |p| p.agreement_id,
        ))
    }

    pub async fn commitments_of_agreements(
        &self,
        principal: &Principal,
        agreements: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<Commitment>>, Error> {
        let rows = Commitment::find_by_statement(stmt(
            &format!(
                "{} WHERE c.agreement_id = ANY($1) AND ($2 OR ag.alliance_id = ANY($3)) ORDER BY c.position, c.id",
                Commitment::SELECT
            ),
            [agreements.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        Ok(group(rows, |c| c.agreement_id))
    }

    /// The commitments among `ids` the principal may read (for loaders and `node(id:)`).
    pub async fn commitments_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, Commitment>, Error> {
        let rows = Commitment::find_by_statement(stmt(
            &format!(
                "{} WHERE c.id = ANY($1) AND ($2 OR ag.alliance_id = ANY($3))",
                Commitment::SELECT
            ),
            [ids.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        Ok(rows.into_iter().map(|c| (c.id, c)).collect())
    }

    pub async fn notes_of_commitments(
        &self,
        principal: &Principal,
        commitments: &[Uuid],
    ) -> Result<HashMap<Uuid, Vec<CommitmentNote>>, Error> {
        let rows = CommitmentNote::find_by_statement(stmt(
            &format!(
                "{} WHERE n.commitment_id = ANY($1) AND ($2 OR ag.alliance_id = ANY($3)) ORDER BY n.created_at, n.id",
                CommitmentNote::SELECT
            ),
            [commitments.to_vec().into()]
                .into_iter()
                .chain(scope_values(principal))
                .collect::<Vec<_>>(),
        ))
        .all(&self.db)
        .await?;
        Ok(group(rows, |n| n.commitment_id))
    }

    /// One commitment note, if the principal may read it (for `node(id:)`).
    pub async fn commitment_note_visible(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<CommitmentNote>, Error> {
        Ok(CommitmentNote::find_by_statement(stmt(
            &format!(
                "{} WHERE n.id = $1 AND ($2 OR ag.alliance_id = ANY($3))",
                CommitmentNote::SELECT
            ),
            [id.into()]
                .into_iter()
                .chain(scope_values(principal))
                .collect::<Vec<_>>(),
        ))
        .one(&self.db)
        .await?)
    }
}
