//! What each kind of job does. A handler returns the error text an admin will read.

use super::{Jobs, kinds};
use crate::kernel::db::stmt;
use crate::kernel::mail::Message;
use crate::kernel::sms::Sms;
use sea_orm::ConnectionTrait;
use serde_json::Value;

impl Jobs<'_> {
    pub(super) async fn execute(&self, kind: &str, payload: Value) -> Result<(), String> {
        let failed = |e: crate::Error| super::queue::describe(&e);
        match kind {
            kinds::REMINDERS => {
                let written = self
                    .notifications()
                    .write_due_reminders()
                    .await
                    .map_err(failed)?;
                let renewals = self
                    .agreements()
                    .write_renewal_reminders()
                    .await
                    .map_err(failed)?;
                tracing::debug!(written, renewals, "reminders written");
                Ok(())
            }
            kinds::MAIL => {
                let message: Message = serde_json::from_value(payload)
                    .map_err(|e| format!("not a mail message: {e}"))?;
                self.mailer.send(message).await.map_err(failed)
            }
            kinds::SMS => {
                let message: Sms = serde_json::from_value(payload)
                    .map_err(|e| format!("not a text message: {e}"))?;
                self.sms.send(message).await.map_err(failed)
            }
            kinds::CLEANUP => {
                let before = self.now() - super::queue::span(self.jobs_settings.keep_done);
                self.db
                    .execute_raw(stmt(
                        "DELETE FROM jobs WHERE state = 'done' AND updated_at < $1",
                        [before.into()],
                    ))
                    .await
                    .map(|_| ())
                    .map_err(|e| failed(e.into()))
            }
            kinds::MEDIA_SWEEP => self
                .media()
                .sweep()
                .await
                .map(|removed| tracing::debug!(removed, "media swept"))
                .map_err(failed),
            other => Err(format!("no handler for jobs of kind {other:?}")),
        }
    }

    /// Puts an e-mail in the outbox, on `conn` (the business transaction).
    pub async fn send_mail<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        message: &Message,
    ) -> Result<uuid::Uuid, crate::Error> {
        let payload = serde_json::to_value(message).map_err(crate::Error::internal)?;
        self.enqueue(conn, kinds::MAIL, payload).await
    }

    /// Puts a text message in the outbox, on `conn` (the business transaction).
    pub async fn send_sms<C: sea_orm::ConnectionTrait>(
        &self,
        conn: &C,
        message: &Sms,
    ) -> Result<uuid::Uuid, crate::Error> {
        let payload = serde_json::to_value(message).map_err(crate::Error::internal)?;
        self.enqueue(conn, kinds::SMS, payload).await
    }
}
