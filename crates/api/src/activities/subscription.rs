//! `activityPublished`: the activities of one alliance as they are published, re-authorized
//! before every event.

use super::types::ActivityNode;
use crate::kernel::error::coded;
use crate::kernel::ids::{Kind, decode};
use crate::kernel::live::{Live, Reauthorized};
use alliance_domain::activities::PUBLISHED_TOPIC;
use alliance_domain::kernel::ids::AllianceId;
use alliance_domain::policy::{self, Action};
use async_graphql::{Context, ID, Subscription};
use futures_util::Stream;

#[derive(Default)]
pub struct ActivitySubscription;

#[Subscription]
impl ActivitySubscription {
    /// Each activity of the alliance when it is published.
    async fn activity_published(
        &self,
        ctx: &Context<'_>,
        #[graphql(
            desc = "The alliance's global id; one whose activities the viewer may not read answers `NOT_FOUND`. The stream ends when the viewer loses access."
        )]
        alliance_id: ID,
    ) -> async_graphql::Result<impl Stream<Item = ActivityNode> + use<>> {
        let alliance = decode(&alliance_id, Kind::Alliance, "allianceId")?;
        let live = Live::of(ctx)?;
        if !policy::can_in_alliance(
            &live.principal(),
            Action::ReadActivities,
            AllianceId(alliance),
        ) {
            return Err(coded("alliance not found", "NOT_FOUND"));
        }
        let mut events = live.services().events.subscribe();
        Ok(async_stream::stream! {
            loop {
                match events.recv().await {
                    Ok(event) if event.topic == PUBLISHED_TOPIC => {
                        // Before every event: the credential again, the rights as of now, then the
                        // activity with those rights. A viewer who lost access stops receiving.
                        let viewer = match live.reauthorize().await {
                            Reauthorized::Fresh(viewer) => viewer,
                            Reauthorized::Skip => continue,
                            Reauthorized::Closed => break,
                        };
                        if !policy::can_in_alliance(&viewer, Action::ReadActivities, AllianceId(alliance)) {
                            break;
                        }
                        match live.services().activities().activity(&viewer, event.id).await {
                            Ok(Some(found)) if found.alliance_id == alliance => yield ActivityNode(found),
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
