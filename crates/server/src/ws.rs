//! `/graphql/ws`: subscriptions over graphql-ws, authenticated at `connection_init`, re-checked
//! before every event, and closed by the server (4401) when the credential ends.

use crate::app::AppState;
use crate::graphql::{PeerAddr, bearer_token, client_info};
use alliance_api::RequestContext;
use alliance_domain::Principal;
use alliance_domain::auth::ClientInfo;
use async_graphql_axum::{GraphQLProtocol, GraphQLWebSocket};
use axum::extract::{State, WebSocketUpgrade};
use axum::http::HeaderMap;
use axum::response::Response;

/// What the connection learnt at `connection_init`, for its watcher.
struct Opened {
    session: Option<uuid::Uuid>,
    expires_at: Option<chrono::DateTime<chrono::Utc>>,
}

/// graphql-ws. The `connection_init` payload carries `{"Authorization": "Bearer …"}`; a bad
/// credential closes the connection, it is never downgraded to anonymous. Access is decided again
/// before every event (see `alliance_api::kernel::live`), and the server closes the socket with
/// 4401 when the access token expires or its session is revoked, on whichever instance that
/// happened (the `session.revoked` event comes over LISTEN/NOTIFY).
pub async fn graphql_ws(
    State(state): State<AppState>,
    protocol: GraphQLProtocol,
    headers: HeaderMap,
    PeerAddr(peer): PeerAddr,
    upgrade: WebSocketUpgrade,
) -> Response {
    let client = client_info(&headers, peer, state.config_trust_proxy);
    upgrade
        .protocols(async_graphql::http::ALL_WEBSOCKET_PROTOCOLS)
        .on_upgrade(move |socket| serve_ws(state, protocol, client, socket))
}

async fn serve_ws(
    state: AppState,
    protocol: GraphQLProtocol,
    client: ClientInfo,
    socket: axum::extract::ws::WebSocket,
) {
    use alliance_api::kernel::live::{CloseReason, Closer, LiveConnection};
    use axum::extract::ws::{CloseFrame, Message};
    use futures_util::{SinkExt, StreamExt};

    let (mut socket_sink, socket_stream) = socket.split();
    // The protocol writes into a channel, so that the server can also write a close frame.
    let (out_tx, mut out_rx) = tokio::sync::mpsc::channel::<Message>(16);
    let out = futures_util::sink::unfold(out_tx, |tx, message: Message| async move {
        tx.send(message).await.map(|()| tx)
    });
    let closer = Closer::new();
    let (opened_tx, opened_rx) = tokio::sync::oneshot::channel::<Opened>();
    // Subscribed before `connection_init`, so that a revocation right after it is not missed.
    let mut events = state.services.events.subscribe();
    let services = state.services.clone();
    let init_closer = closer.clone();
    let serve = GraphQLWebSocket::new_with_pair(out, socket_stream, state.api.clone(), protocol)
        .on_connection_init(move |payload| async move {
            let credential = payload
                .get("Authorization")
                .or_else(|| payload.get("authorization"))
                .and_then(|v| v.as_str())
                .map(str::to_owned);
            // Checked the way every later event is, so that `exp` is known for the timer.
            let (principal, credential, expires_at) = match credential.as_deref() {
                None => (Principal::Anonymous, None, None),
                Some(value) => {
                    let token = bearer_token(value)
                        .map_err(alliance_api::kernel::error::gql)?
                        .to_owned();
                    let fresh = state
                        .services
                        .auth()
                        .reauthenticate(&token)
                        .await
                        .map_err(alliance_api::kernel::error::gql)?;
                    (fresh.principal, Some(token), fresh.expires_at)
                }
            };
            let session = principal.session_id().map(|s| s.0);
            drop(opened_tx.send(Opened {
                session,
                expires_at,
            }));
            let viewer = alliance_api::kernel::context::Viewer::new(principal);
            let mut data = async_graphql::Data::default();
            data.insert(alliance_api::kernel::loaders::Loaders::uncached(
                &state.services,
                &viewer,
            ));
            data.insert(RequestContext {
                viewer,
                client,
                refresh_cookie: None,
            });
            data.insert(LiveConnection {
                credential,
                closer: init_closer,
            });
            Ok(data)
        })
        .serve();
    // Closes on the token's `exp` (by the injected clock) and on the revocation of its session.
    let watch_closer = closer.clone();
    let watcher = async move {
        let Ok(opened) = opened_rx.await else {
            return std::future::pending::<()>().await;
        };
        let remaining = opened.expires_at.map(|exp| {
            (exp - services.now())
                .to_std()
                .unwrap_or(std::time::Duration::ZERO)
        });
        let expiry = async {
            match remaining {
                Some(remaining) => tokio::time::sleep(remaining).await,
                None => std::future::pending().await,
            }
        };
        let revoked = async {
            let Some(session) = opened.session else {
                return std::future::pending().await;
            };
            loop {
                match events.recv().await {
                    Ok(event)
                        if event.topic == alliance_domain::auth::sessions::SESSION_REVOKED
                            && event.id == session =>
                    {
                        return;
                    }
                    Ok(_) | Err(tokio::sync::broadcast::error::RecvError::Lagged(_)) => {}
                    Err(tokio::sync::broadcast::error::RecvError::Closed) => {
                        return std::future::pending().await;
                    }
                }
            }
        };
        tokio::select! {
            () = expiry => watch_closer.close(CloseReason::TOKEN_EXPIRED),
            () = revoked => watch_closer.close(CloseReason::SESSION_ENDED),
        }
        std::future::pending::<()>().await
    };
    tokio::pin!(serve, watcher);
    let mut served = false;
    loop {
        tokio::select! {
            reason = closer.closed() => {
                // Whatever the protocol had queued goes first (e.g. a `complete`).
                while let Ok(message) = out_rx.try_recv() {
                    if socket_sink.send(message).await.is_err() {
                        return;
                    }
                }
                let frame = CloseFrame {
                    code: reason.code,
                    reason: reason.reason.into(),
                };
                drop(socket_sink.send(Message::Close(Some(frame))).await);
                break;
            }
            () = &mut watcher => {}
            () = &mut serve, if !served => served = true,
            message = out_rx.recv() => match message {
                Some(message) => {
                    if socket_sink.send(message).await.is_err() {
                        break;
                    }
                }
                // The protocol has finished and everything it wrote is sent.
                None => break,
            },
        }
    }
    drop(socket_sink.close().await);
}
