//! `meetingUpdated`: live changes of one meeting, re-authorized before every event.

use crate::kernel::error::{ResultExt, coded};
use crate::kernel::ids::{Kind, decode};
use crate::kernel::live::{Live, Reauthorized};
use crate::meetings::types::MeetingNode;
use async_graphql::{Context, ID, Subscription};
use futures_util::Stream;

#[derive(Default)]
pub struct MeetingSubscription;

#[Subscription]
impl MeetingSubscription {
    /// The meeting each time its agenda, attendance, minutes or action items change.
    async fn meeting_updated(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The meeting's global id; one the viewer may not see answers `NOT_FOUND`. The stream ends when the viewer loses access."
        )]
        meeting_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = MeetingNode> + use<>> {
        let id = decode(&meeting_id, Kind::Meeting, "meetingId")?;
        let live = Live::of(ctx)?;
        if live
            .services()
            .meetings()
            .meeting(&live.principal(), id)
            .await
            .gql()?
            .is_none()
        {
            return Err(coded("meeting not found", "NOT_FOUND"));
        }
        let mut events = live.services().events.subscribe();
        Ok(async_stream::stream! {
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == "meeting" && event.id == id => {
                        // Before every event: the credential again, the rights as of now, then
                        // the meeting with those rights. A viewer who lost access stops receiving.
                        let viewer = match live.reauthorize().await {
                            Reauthorized::Fresh(viewer) => viewer,
                            Reauthorized::Skip => continue,
                            Reauthorized::Closed => break,
                        };
                        match live.services().meetings().meeting(&viewer, id).await {
                            Ok(Some(found)) => yield MeetingNode(found),
                            Ok(None) => break,
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
