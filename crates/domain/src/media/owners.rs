//! The facts of a media owner that media decisions need, read with small SQL of our own (the
//! activity, agreement and document domains are written alongside; their tables are enough).

use super::{Media, MediaOwnerKind};
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::ids::{AllianceId, OrganizationId, UserId};
use crate::policy::Resource;
use crate::policy::principal::Principal;
use sea_orm::ConnectionTrait;
use uuid::Uuid;

/// An owner of media and what the policy needs to know about it.
#[derive(Debug, Clone)]
pub struct MediaOwner {
    pub kind: MediaOwnerKind,
    pub id: Uuid,
    pub alliance: AllianceId,
    /// A published activity of a public alliance: its photos are public news.
    pub public_news: bool,
    /// The activity's host and co-organizers (empty for other owners).
    pub organizers: Vec<OrganizationId>,
    /// The activity's status (`planned`, `completed`, `published`, `cancelled`).
    pub status: Option<String>,
    /// Whether the principal the facts were read for signed up or checked in.
    pub took_part: bool,
}

impl MediaOwner {
    /// The policy's resource for this owner (`uploader`: the item's, when deciding on one item).
    pub fn resource(&self, uploader: Option<UserId>) -> Resource<'_> {
        Resource::Media {
            alliance: self.alliance,
            owner: self.kind,
            public_news: self.public_news,
            organizers: &self.organizers,
            took_part: self.took_part,
            uploader,
        }
    }

    /// The media column that points at this owner.
    pub(crate) fn column(kind: MediaOwnerKind) -> &'static str {
        match kind {
            MediaOwnerKind::Activity => "activity_id",
            MediaOwnerKind::Agreement => "agreement_id",
            MediaOwnerKind::DocumentVersion => "document_version_id",
        }
    }
}

const ACTIVITY: &str = "SELECT a.alliance_id, a.status,
        (a.status = 'published' AND al.visibility = 'public') AS public_news,
        ARRAY(SELECT organization_id FROM activity_organizers WHERE activity_id = a.id) AS organizers,
        EXISTS (SELECT 1 FROM activity_participants p WHERE p.activity_id = a.id AND p.user_id = $2
                AND (p.signed_up_at IS NOT NULL OR p.checked_in_at IS NOT NULL)) AS took_part
     FROM activities a JOIN alliances al ON al.id = a.alliance_id WHERE a.id = $1";
const AGREEMENT: &str = "SELECT alliance_id, NULL::text AS status, false AS public_news,
        ARRAY[]::uuid[] AS organizers, false AS took_part FROM agreements WHERE id = $1";
const DOCUMENT_VERSION: &str = "SELECT d.alliance_id, NULL::text AS status, false AS public_news,
        ARRAY[]::uuid[] AS organizers, false AS took_part
     FROM document_versions v JOIN documents d ON d.id = v.document_id WHERE v.id = $1";

impl Media<'_> {
    /// The owner's facts as seen by `principal`, or `None` when there is no such owner.
    pub async fn owner<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        kind: MediaOwnerKind,
        id: Uuid,
    ) -> Result<Option<MediaOwner>, Error> {
        let sql = match kind {
            MediaOwnerKind::Activity => ACTIVITY,
            MediaOwnerKind::Agreement => AGREEMENT,
            MediaOwnerKind::DocumentVersion => DOCUMENT_VERSION,
        };
        let user = principal.user_id().map(|u| u.0);
        let values: Vec<sea_orm::Value> = match kind {
            MediaOwnerKind::Activity => vec![id.into(), user.into()],
            _ => vec![id.into()],
        };
        let Some(row) = conn.query_one_raw(stmt(sql, values)).await? else {
            return Ok(None);
        };
        let organizers: Vec<Uuid> = row.try_get("", "organizers")?;
        Ok(Some(MediaOwner {
            kind,
            id,
            alliance: AllianceId(row.try_get("", "alliance_id")?),
            public_news: row.try_get("", "public_news")?,
            organizers: organizers.into_iter().map(OrganizationId).collect(),
            status: row.try_get("", "status")?,
            took_part: row.try_get("", "took_part")?,
        }))
    }

    /// The owner of a media row, from its owner columns; `None` when it has none any more.
    pub(crate) async fn owner_of<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        item: &crate::entities::media::Model,
    ) -> Result<Option<MediaOwner>, Error> {
        let (kind, id) = if let Some(id) = item.activity_id {
            (MediaOwnerKind::Activity, id)
        } else if let Some(id) = item.agreement_id {
            (MediaOwnerKind::Agreement, id)
        } else if let Some(id) = item.document_version_id {
            (MediaOwnerKind::DocumentVersion, id)
        } else {
            return Ok(None);
        };
        self.owner(conn, principal, kind, id).await
    }
}
