//! Outgoing mail: SMTP when configured, otherwise the message (with its link) goes to the log.
//! Domain code never sends directly: it puts the message in the outbox (a `mail` job, enqueued in
//! the business transaction), and the job runner hands it to the `Mailer`, retrying on failure.

use crate::kernel::error::Error;
use async_trait::async_trait;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Message {
    pub to: String,
    pub subject: String,
    pub body: String,
}

#[async_trait]
pub trait Mailer: Send + Sync {
    async fn send(&self, message: Message) -> Result<(), Error>;
}

/// Development: logs the message so that the invitation link can be followed by hand.
#[derive(Debug, Default)]
pub struct LogMailer;

#[async_trait]
impl Mailer for LogMailer {
    async fn send(&self, message: Message) -> Result<(), Error> {
        tracing::info!(to = %message.to, subject = %message.subject, body = %message.body, "mail not sent (no SMTP configured)");
        Ok(())
    }
}

/// Keeps every delivered message in memory; lets tests read the link a user would have received,
/// and stage an outage (`fail_next`).
#[derive(Debug, Default, Clone)]
pub struct Outbox(Arc<Mutex<OutboxState>>);

#[derive(Debug, Default)]
struct OutboxState {
    delivered: Vec<Message>,
    failures_left: u32,
    attempts: u32,
}

impl Outbox {
    fn with<T>(&self, f: impl FnOnce(&mut OutboxState) -> T) -> T {
        match self.0.lock() {
            Ok(mut guard) => f(&mut guard),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    /// The messages delivered so far, in order.
    pub fn messages(&self) -> Vec<Message> {
        self.with(|s| s.delivered.clone())
    }

    /// The next `n` sends fail as an unreachable mail server would (`u32::MAX`: every send).
    pub fn fail_next(&self, n: u32) {
        self.with(|s| s.failures_left = n);
    }

    /// Every send tried, delivered or failed.
    pub fn attempts(&self) -> u32 {
        self.with(|s| s.attempts)
    }
}

#[async_trait]
impl Mailer for Outbox {
    async fn send(&self, message: Message) -> Result<(), Error> {
        self.with(|s| {
            s.attempts += 1;
            if s.failures_left > 0 {
                s.failures_left -= 1;
                return Err(Error::Unavailable(
                    "mail server unreachable (staged outage)".into(),
                ));
            }
            s.delivered.push(message);
            Ok(())
        })
    }
}

/// SMTP through lettre (well kept, async, rustls): `smtps://user:pass@host:465` or `smtp://host:25`.
pub struct SmtpMailer {
    transport: lettre::AsyncSmtpTransport<lettre::Tokio1Executor>,
    from: lettre::message::Mailbox,
}

impl SmtpMailer {
    pub fn new(url: &str, from: &str) -> Result<Self, String> {
        let transport = lettre::AsyncSmtpTransport::<lettre::Tokio1Executor>::from_url(url)
            .map_err(|e| format!("ALLIANCE_SMTP_URL: {e}"))?
            .build();
        let from = from
            .parse()
            .map_err(|e| format!("ALLIANCE_MAIL_FROM: {e}"))?;
        Ok(Self { transport, from })
    }
}

#[async_trait]
impl Mailer for SmtpMailer {
    async fn send(&self, message: Message) -> Result<(), Error> {
        use lettre::AsyncTransport;
        let to = message
            .to
            .parse()
            .map_err(|_| Error::invalid("email", "INVALID", "not a valid e-mail address"))?;
        let email = lettre::Message::builder()
            .from(self.from.clone())
            .to(to)
            .subject(message.subject)
            .body(message.body)
            .map_err(Error::internal)?;
        self.transport.send(email).await.map_err(Error::internal)?;
        Ok(())
    }
}
