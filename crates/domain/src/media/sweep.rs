//! The sweep: deletes the objects and rows of media that were deleted, or whose owner is gone
//! (the database marks them `orphaned_at` when the owner's deletion clears the owner column),
//! and of media that never had an owner past a grace period. Runs as a scheduled job.

use super::Media;
use crate::entities::media;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use sea_orm::{ConnectionTrait, FromQueryResult};

/// Items removed per run at most; the next run takes the rest.
const BATCH: i64 = 500;

impl Media<'_> {
    /// Removes what is due; returns how many items went.
    pub async fn sweep(&self) -> Result<usize, Error> {
        let grace = chrono::Duration::from_std(self.media_storage.settings.ownerless_grace)
            .unwrap_or(chrono::Duration::days(1));
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT * FROM media
                  WHERE orphaned_at IS NOT NULL
                     OR (activity_id IS NULL AND agreement_id IS NULL AND document_version_id IS NULL
                         AND created_at < $1)
                  ORDER BY created_at LIMIT $2",
                [(self.now() - grace).into(), BATCH.into()],
            ))
            .await?;
        let mut removed = 0;
        for row in rows {
            let item = media::Model::from_query_result(&row, "")?;
            match self.remove(&item).await {
                Ok(()) => removed += 1,
                Err(e) => {
                    tracing::warn!(media = %item.id, error = %e, "sweep: kept for the next run")
                }
            }
        }
        Ok(removed)
    }
}
