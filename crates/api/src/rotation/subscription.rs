//! `unreadNotificationCount`: the viewer's unread count, again each time their notifications change.

use crate::kernel::error::ResultExt;
use crate::kernel::live::{Live, Reauthorized};
use alliance_domain::notifications::CHANGED_TOPIC;
use alliance_domain::policy;
use async_graphql::{Context, Subscription};
use futures_util::Stream;

#[derive(Default)]
pub struct NotificationSubscription;

#[Subscription]
impl NotificationSubscription {
    /// The viewer's unread notification count: once at the start, then each time it changes — a
    /// notification written for them, or some marked read (in any tab or device). Signed-in people only:
    /// anonymous visitors get `UNAUTHENTICATED`, integrations `FORBIDDEN`.
    async fn unread_notification_count(
        &self,
        ctx: &Context<'_>,
    ) -> async_graphql::Result<impl Stream<Item = i64> + use<>> {
        let live = Live::of(ctx)?;
        let user = policy::require_user(&live.principal()).gql()?;
        let mut events = live.services().events.subscribe();
        let first = live
            .services()
            .notifications()
            .unread_notification_count(&live.principal())
            .await
            .gql()?;
        Ok(async_stream::stream! {
            let mut last = first;
            yield i64::try_from(first).unwrap_or(i64::MAX);
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == CHANGED_TOPIC && event.id == user.0 => {
                        // Before every event: the credential again; a closed session ends the stream.
                        let viewer = match live.reauthorize().await {
                            Reauthorized::Fresh(viewer) => viewer,
                            Reauthorized::Skip => continue,
                            Reauthorized::Closed => break,
                        };
                        match live.services().notifications().unread_notification_count(&viewer).await {
                            // Only a change is sent (an event may tell of what was already counted).
                            Ok(count) if count != last => {
                                last = count;
                                yield i64::try_from(count).unwrap_or(i64::MAX);
                            }
                            Ok(_) => {}
                            Err(e) => tracing::warn!(error = %e, "subscription reload failed"),
                        }
                    }
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => break,
                }
            }
        })
    }
}
