//! Reading agreements: one by id, by ids for loaders, the filtered list, and those nearing expiry.

use super::{Agreements, EffectiveStatus};
use crate::entities::agreement;
use crate::kernel::error::Error;
use crate::kernel::ids::AllianceId;
use crate::kernel::local_time::alliance_today_sql;
use crate::kernel::pagination::{Page, PageRequest, page_by_id};
use crate::kernel::scope;
use crate::policy;
use crate::policy::principal::Principal;
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, Value};
use std::collections::HashMap;
use uuid::Uuid;

impl Agreements<'_> {
    /// One agreement, if the principal may read the agreements of its alliance.
    pub async fn agreement(
        &self,
        principal: &Principal,
        id: Uuid,
    ) -> Result<Option<agreement::Model>, Error> {
        Ok(self
            .agreement_with_alliance(principal, id)
            .await?
            .map(|(a, _)| a))
    }

    /// The agreements among `ids` the principal may read (for loaders).
    pub async fn agreements_visible(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, agreement::Model>, Error> {
        let rows = agreement::Entity::find()
            .filter(agreement::Column::Id.is_in(ids.to_vec()))
            .filter(scope::alliance_in(
                "agreements.alliance_id",
                &policy::agreement_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|a| (a.id, a)).collect())
    }

    /// The agreement that renewed each of `ids` (`renewedBy`), if the principal may read it.
    pub async fn renewals_of_agreements(
        &self,
        principal: &Principal,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, agreement::Model>, Error> {
        let rows = agreement::Entity::find()
            .filter(agreement::Column::PreviousAgreementId.is_in(ids.to_vec()))
            .filter(scope::alliance_in(
                "agreements.alliance_id",
                &policy::agreement_alliances(principal),
            ))
            .all(&self.db)
            .await?;
        Ok(rows
            .into_iter()
            .filter_map(|a| a.previous_agreement_id.map(|p| (p, a)))
            .collect())
    }

    /// Agreements the principal may read, in creation order; optionally of one alliance and in
    /// one effective status (as of today in each alliance's zone).
    pub async fn agreements(
        &self,
        principal: &Principal,
        page: PageRequest,
        alliance_id: Option<AllianceId>,
        status: Option<EffectiveStatus>,
    ) -> Result<(Page<agreement::Model>, u64), Error> {
        let mut query = agreement::Entity::find().filter(scope::alliance_in(
            "agreements.alliance_id",
            &policy::agreement_alliances(principal),
        ));
        if let Some(alliance) = alliance_id {
            query = query.filter(agreement::Column::AllianceId.eq(alliance.0));
        }
        if let Some(status) = status {
            let today = alliance_today_sql("$1", "ag.alliance_id");
            query = query.filter(Expr::cust_with_values(
                format!(
                    "agreements.id IN (SELECT ag.id FROM agreements ag WHERE {})",
                    status.sql(&today)
                ),
                [Value::from(self.now())],
            ));
        }
        page_by_id(&self.db, query, agreement::Column::Id, page).await
    }

    /// Signed agreements the principal may read whose last day is within their reminder window
    /// (`renewal_reminder_days` local days from today) and not yet passed, and not yet renewed:
    /// the dashboard's "nearing expiry".
    pub async fn agreements_nearing_expiry(
        &self,
        principal: &Principal,
        page: PageRequest,
    ) -> Result<(Page<agreement::Model>, u64), Error> {
        let today = alliance_today_sql("$1", "ag.alliance_id");
        let query = agreement::Entity::find()
            .filter(scope::alliance_in(
                "agreements.alliance_id",
                &policy::agreement_alliances(principal),
            ))
            .filter(Expr::cust_with_values(
                format!(
                    "agreements.id IN (SELECT ag.id FROM agreements ag WHERE ag.status = 'signed'
                       AND ag.valid_until >= {today} AND ag.valid_until <= {today} + ag.renewal_reminder_days
                       AND NOT EXISTS (SELECT 1 FROM agreements r WHERE r.previous_agreement_id = ag.id))"
                ),
                [Value::from(self.now())],
            ));
        page_by_id(&self.db, query, agreement::Column::Id, page).await
    }
}

impl Agreements<'_> {
    /// The time zone of each alliance, for the derived status of its agreements (a fact for
    /// computing, never shown as such).
    pub async fn alliance_zones(&self, ids: &[Uuid]) -> Result<HashMap<Uuid, String>, Error> {
        let rows = crate::entities::alliance::Entity::find()
            .filter(crate::entities::alliance::Column::Id.is_in(ids.to_vec()))
            .all(&self.db)
            .await?;
        Ok(rows.into_iter().map(|a| (a.id, a.time_zone)).collect())
    }
}
