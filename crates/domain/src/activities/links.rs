//! Checks of what an activity names: its organizers (current members of its alliance) and the
//! agreement or commitment it serves (of the same alliance). The agreements domain is written
//! apart; these read its tables with their own small SQL.

use super::Activities;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::OrganizationId;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// The organizers as checked: the host and the co-organizers (without the host, no repeats).
pub(crate) struct Organizers {
    pub host: OrganizationId,
    pub co_organizers: Vec<OrganizationId>,
}

impl Organizers {
    pub(crate) fn all(&self) -> Vec<OrganizationId> {
        let mut all = vec![self.host];
        all.extend(self.co_organizers.iter().copied());
        all
    }
}

impl Activities<'_> {
    /// Checks the host and co-organizers against the alliance's current members; errors name
    /// `hostOrganizationId` or `coOrganizerIds.N` (`NOT_MEMBER`).
    pub(crate) async fn check_organizers(
        &self,
        errors: &mut Vec<FieldError>,
        alliance: Uuid,
        host: OrganizationId,
        co_organizers: &[OrganizationId],
    ) -> Result<Organizers, Error> {
        let meetings = self.meetings();
        if !meetings
            .is_current_member(&self.db, alliance, host.0)
            .await?
        {
            errors.push(FieldError::new(
                "hostOrganizationId",
                "NOT_MEMBER",
                "the host must be a current member organization of the alliance",
            ));
        }
        let mut kept = Vec::new();
        for (i, org) in co_organizers.iter().enumerate() {
            if *org == host || kept.contains(org) {
                continue;
            }
            if !meetings
                .is_current_member(&self.db, alliance, org.0)
                .await?
            {
                errors.push(FieldError::new(
                    format!("coOrganizerIds.{i}"),
                    "NOT_MEMBER",
                    "a co-organizer must be a current member organization of the alliance",
                ));
            }
            kept.push(*org);
        }
        if kept.len() > 50 {
            errors.push(FieldError::new(
                "coOrganizerIds",
                "TOO_MANY",
                "at most 50 co-organizers",
            ));
        }
        Ok(Organizers {
            host,
            co_organizers: kept,
        })
    }

    /// Checks the agreement and commitment an activity serves: both of `alliance`, and the
    /// commitment one of the agreement's. Returns the agreement to store (the commitment's own
    /// when only a commitment is named).
    pub(crate) async fn check_links(
        &self,
        errors: &mut Vec<FieldError>,
        alliance: Uuid,
        agreement: Option<Uuid>,
        commitment: Option<Uuid>,
    ) -> Result<Option<Uuid>, Error> {
        if let Some(agreement) = agreement {
            let found = self
                .db
                .query_one_raw(stmt(
                    "SELECT 1 AS found FROM agreements WHERE id = $1 AND alliance_id = $2",
                    [agreement.into(), alliance.into()],
                ))
                .await?;
            if found.is_none() {
                errors.push(FieldError::new(
                    "agreementId",
                    "NOT_FOUND",
                    "no such agreement in this alliance",
                ));
                return Ok(None);
            }
        }
        let Some(commitment) = commitment else {
            return Ok(agreement);
        };
        let row = self
            .db
            .query_one_raw(stmt(
                "SELECT c.agreement_id FROM commitments c JOIN agreements a ON a.id = c.agreement_id
                  WHERE c.id = $1 AND a.alliance_id = $2",
                [commitment.into(), alliance.into()],
            ))
            .await?;
        let Some(row) = row else {
            errors.push(FieldError::new(
                "commitmentId",
                "NOT_FOUND",
                "no such commitment in this alliance",
            ));
            return Ok(agreement);
        };
        let of: Uuid = row.try_get("", "agreement_id")?;
        if agreement.is_some_and(|a| a != of) {
            errors.push(FieldError::new(
                "commitmentId",
                "MISMATCH",
                "the commitment belongs to another agreement",
            ));
        }
        Ok(Some(of))
    }

    /// Replaces the organizers of `activity` (inside the caller's transaction).
    pub(crate) async fn write_organizers<C: ConnectionTrait>(
        &self,
        conn: &C,
        activity: Uuid,
        organizers: &Organizers,
    ) -> Result<(), Error> {
        conn.execute_raw(stmt(
            "DELETE FROM activity_organizers WHERE activity_id = $1",
            [activity.into()],
        ))
        .await?;
        conn.execute_raw(stmt(
            "INSERT INTO activity_organizers (activity_id, organization_id, role)
             SELECT $1, org, CASE WHEN ord = 1 THEN 'host' ELSE 'co_organizer' END
               FROM unnest($2::uuid[]) WITH ORDINALITY AS t(org, ord)",
            [
                activity.into(),
                organizers
                    .all()
                    .into_iter()
                    .map(|o| o.0)
                    .collect::<Vec<_>>()
                    .into(),
            ],
        ))
        .await?;
        Ok(())
    }
}
