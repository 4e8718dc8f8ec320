//! A subscription connection (graphql-ws) decides access before every event, not once: the
//! credential from `connection_init` is verified again, the principal reloaded as of now and put
//! in the connection's [`Viewer`], and a credential that no longer holds closes the socket.

use crate::kernel::context::{Viewer, request, services};
use alliance_domain::{Error, Principal, Services};
use async_graphql::Context;
use std::sync::Arc;
use tokio::sync::watch;

/// graphql-ws close code "Unauthorized": the access token has expired or its session was revoked.
/// The client connects again with a fresh token (or signs in again).
pub const CLOSE_UNAUTHORIZED: u16 = 4401;

/// Why the server closes a live connection.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CloseReason {
    pub code: u16,
    pub reason: &'static str,
}

impl CloseReason {
    pub const TOKEN_EXPIRED: Self = Self {
        code: CLOSE_UNAUTHORIZED,
        reason: "the access token has expired; connect again with a fresh one",
    };
    pub const SESSION_ENDED: Self = Self {
        code: CLOSE_UNAUTHORIZED,
        reason: "the session has ended; sign in again",
    };
}

/// The server's side of a close: a signal the socket loop waits on.
#[derive(Debug, Clone, Default)]
pub struct Closer(Arc<watch::Sender<Option<CloseReason>>>);

impl Closer {
    pub fn new() -> Self {
        Self::default()
    }

    /// Asks the socket to close; the first reason wins.
    pub fn close(&self, reason: CloseReason) {
        self.0.send_if_modified(|current| {
            if current.is_some() {
                return false;
            }
            *current = Some(reason);
            true
        });
    }

    /// Resolves with the reason once a close has been asked for.
    pub async fn closed(&self) -> CloseReason {
        let mut receiver = self.0.subscribe();
        loop {
            if let Some(reason) = *receiver.borrow_and_update() {
                return reason;
            }
            if receiver.changed().await.is_err() {
                // Unreachable while `self` holds the sender; never resolve rather than spin.
                std::future::pending::<()>().await;
            }
        }
    }
}

/// In the connection data of every subscription socket: the credential it was opened with.
#[derive(Debug, Clone)]
pub struct LiveConnection {
    /// The bearer credential from `connection_init`; `None` for an anonymous connection.
    pub credential: Option<String>,
    pub closer: Closer,
}

/// The outcome of re-establishing the principal before an event.
pub enum Reauthorized {
    /// The principal as of now; it is also the viewer's now.
    Fresh(Arc<Principal>),
    /// It could not be checked just now (the database did not answer): skip this event.
    Skip,
    /// The credential no longer holds: the socket is being closed, end the stream.
    Closed,
}

/// What a subscription stream keeps to re-establish its principal before each event.
#[derive(Clone)]
pub struct Live {
    services: Services,
    viewer: Viewer,
    connection: Option<LiveConnection>,
}

impl Live {
    pub fn of(ctx: &Context<'_>) -> async_graphql::Result<Self> {
        Ok(Self {
            services: services(ctx)?.clone(),
            viewer: request(ctx)?.viewer.clone(),
            connection: ctx.data_opt::<LiveConnection>().cloned(),
        })
    }

    pub fn services(&self) -> &Services {
        &self.services
    }

    /// The principal at subscription time.
    pub fn principal(&self) -> Arc<Principal> {
        self.viewer.get()
    }

    /// Verifies the connection's credential again and reloads the principal as of now (one round
    /// trip for an access token), then puts it in the viewer so that nested fields resolve with
    /// the rights of this moment.
    pub async fn reauthorize(&self) -> Reauthorized {
        let Some(LiveConnection {
            credential: Some(credential),
            closer,
        }) = &self.connection
        else {
            // Anonymous: nothing to verify, nothing that can be revoked.
            return Reauthorized::Fresh(self.viewer.get());
        };
        match self.services.auth().reauthenticate(credential).await {
            Ok(fresh) => {
                self.viewer.set(fresh.principal);
                Reauthorized::Fresh(self.viewer.get())
            }
            Err(Error::Unauthenticated(message)) => {
                closer.close(if message.contains("expired") {
                    CloseReason::TOKEN_EXPIRED
                } else {
                    CloseReason::SESSION_ENDED
                });
                Reauthorized::Closed
            }
            Err(e) => {
                tracing::warn!(error = %e, debug = ?e, "could not re-authorize a subscription; event skipped");
                Reauthorized::Skip
            }
        }
    }
}
