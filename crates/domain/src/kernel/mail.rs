//! Outgoing mail: SMTP when configured, otherwise the message (with its link) goes to the log.

use crate::kernel::error::Error;
use async_trait::async_trait;
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Keeps every message in memory; lets tests read the link a user would have received.
#[derive(Debug, Default, Clone)]
pub struct Outbox(Arc<Mutex<Vec<Message>>>);

impl Outbox {
    pub fn messages(&self) -> Vec<Message> {
        match self.0.lock() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }
}

#[async_trait]
impl Mailer for Outbox {
    async fn send(&self, message: Message) -> Result<(), Error> {
        match self.0.lock() {
            Ok(mut guard) => guard.push(message),
            Err(poisoned) => poisoned.into_inner().push(message),
        }
        Ok(())
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
