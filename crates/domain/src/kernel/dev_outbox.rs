//! Development only (`ALLIANCE_DEV` without SMTP): the messages the outbox delivered are logged as
//! usual and also kept in memory, the last few per address, so that browser tests and developers
//! can follow a link (`GET /dev/outbox?to=…`).

use crate::kernel::error::Error;
use crate::kernel::mail::{LogMailer, Mailer, Message};
use crate::kernel::sms::{LogSms, Sms, SmsSender};
use async_trait::async_trait;
use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

/// How many messages are kept in all; older ones are forgotten.
const KEPT: usize = 500;

/// One delivered message: `channel` is `mail` or `sms` (no subject).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct DevMessage {
    pub channel: &'static str,
    pub to: String,
    pub subject: Option<String>,
    pub body: String,
}

#[derive(Debug, Default, Clone)]
pub struct DevOutbox(Arc<Mutex<VecDeque<DevMessage>>>);

impl DevOutbox {
    fn with<T>(&self, f: impl FnOnce(&mut VecDeque<DevMessage>) -> T) -> T {
        match self.0.lock() {
            Ok(mut guard) => f(&mut guard),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    fn push(&self, message: DevMessage) {
        self.with(|kept| {
            if kept.len() >= KEPT {
                kept.pop_front();
            }
            kept.push_back(message);
        });
    }

    /// The last `limit` messages to `to` (an e-mail address, any case, or a mobile number), newest first.
    pub fn to(&self, to: &str, limit: usize) -> Vec<DevMessage> {
        let wanted = crate::users::normalize_login(to);
        self.with(|kept| {
            kept.iter()
                .rev()
                .filter(|m| crate::users::normalize_login(&m.to) == wanted)
                .take(limit)
                .cloned()
                .collect()
        })
    }

    pub fn mailer(&self) -> Arc<dyn Mailer> {
        Arc::new(DevMailer(self.clone()))
    }

    pub fn sms_sender(&self) -> Arc<dyn SmsSender> {
        Arc::new(DevSms(self.clone()))
    }
}

struct DevMailer(DevOutbox);

#[async_trait]
impl Mailer for DevMailer {
    async fn send(&self, message: Message) -> Result<(), Error> {
        self.0.push(DevMessage {
            channel: "mail",
            to: message.to.clone(),
            subject: Some(message.subject.clone()),
            body: message.body.clone(),
        });
        LogMailer.send(message).await
    }
}

struct DevSms(DevOutbox);

#[async_trait]
impl SmsSender for DevSms {
    async fn send(&self, message: Sms) -> Result<(), Error> {
        self.0.push(DevMessage {
            channel: "sms",
            to: message.to.clone(),
            subject: None,
            body: message.body.clone(),
        });
        LogSms.send(message).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn keeps_the_last_messages_per_address_newest_first() {
        let outbox = DevOutbox::default();
        let mailer = outbox.mailer();
        for (to, body) in [("A@x.org", "one"), ("b@x.org", "other"), ("a@x.org", "two")] {
            let message = Message {
                to: to.into(),
                subject: "s".into(),
                body: body.into(),
            };
            assert!(mailer.send(message).await.is_ok());
        }
        let found = outbox.to(" a@X.org ", 10);
        assert_eq!(
            found.iter().map(|m| m.body.as_str()).collect::<Vec<_>>(),
            ["two", "one"]
        );
        assert!(outbox.to("nobody@x.org", 10).is_empty());
    }
}
