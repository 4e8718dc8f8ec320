//! Domain events over Postgres `LISTEN/NOTIFY`: a change publishes inside its transaction (so the
//! event is delivered only if it commits), and every server instance listens, so subscribers
//! behind any instance of a load-balanced deployment all hear every event.

use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use sea_orm::{ConnectionTrait, DatabaseConnection};
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;
use uuid::Uuid;

pub const CHANNEL: &str = "alliance_events";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Event {
    /// What changed, e.g. `organization`.
    pub topic: String,
    pub id: Uuid,
}

#[derive(Clone)]
pub struct EventBus {
    sender: broadcast::Sender<Event>,
}

impl Default for EventBus {
    fn default() -> Self {
        Self {
            sender: broadcast::channel(1024).0,
        }
    }
}

impl EventBus {
    pub fn subscribe(&self) -> broadcast::Receiver<Event> {
        self.sender.subscribe()
    }

    /// Starts forwarding notifications from Postgres to local subscribers, reconnecting on loss.
    pub async fn listen(&self, db: &DatabaseConnection) -> Result<(), Error> {
        use sea_orm::sqlx::postgres::PgListener;
        let pool = db.get_postgres_connection_pool().clone();
        let mut listener = PgListener::connect_with(&pool)
            .await
            .map_err(Error::internal)?;
        listener.listen(CHANNEL).await.map_err(Error::internal)?;
        let sender = self.sender.clone();
        tokio::spawn(async move {
            loop {
                match listener.recv().await {
                    Ok(notification) => match serde_json::from_str::<Event>(notification.payload())
                    {
                        // No subscriber is not an error.
                        Ok(event) => drop(sender.send(event)),
                        Err(e) => tracing::warn!(error = %e, "malformed event payload"),
                    },
                    Err(e) => {
                        // PgListener reconnects on the next recv; pause so that a dead database is not spun on.
                        tracing::warn!(error = %e, "event listener lost its connection; retrying");
                        tokio::time::sleep(std::time::Duration::from_secs(1)).await;
                    }
                }
            }
        });
        Ok(())
    }
}

/// Publishes an event; call it inside the transaction of the change.
pub async fn publish<C: ConnectionTrait>(conn: &C, topic: &str, id: Uuid) -> Result<(), Error> {
    let payload = serde_json::to_string(&Event {
        topic: topic.to_owned(),
        id,
    })
    .map_err(Error::internal)?;
    conn.execute_raw(stmt(
        "SELECT pg_notify($1, $2)",
        [CHANNEL.into(), payload.into()],
    ))
    .await?;
    Ok(())
}
