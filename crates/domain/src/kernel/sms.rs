//! Outgoing text messages, for people whose only contact is a mobile number. Like mail, domain
//! code puts them in the outbox (an `sms` job) and the job runner hands them to the `SmsSender`.
//! No gateway is configured yet: the default writes the message to the log.

use crate::kernel::error::Error;
use async_trait::async_trait;
use std::sync::{Arc, Mutex};

/// A text message to one mobile number.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Sms {
    /// The number as stored (digits, optionally with a leading `+`).
    pub to: String,
    pub body: String,
}

#[async_trait]
pub trait SmsSender: Send + Sync {
    async fn send(&self, message: Sms) -> Result<(), Error>;
}

/// Development and deployments without a gateway: logs the message so that it can be passed on.
#[derive(Debug, Default)]
pub struct LogSms;

#[async_trait]
impl SmsSender for LogSms {
    async fn send(&self, message: Sms) -> Result<(), Error> {
        tracing::info!(to = %message.to, body = %message.body, "text message not sent (no SMS gateway configured)");
        Ok(())
    }
}

/// Keeps every delivered text message in memory, for tests; `fail_next` stages an outage.
#[derive(Debug, Default, Clone)]
pub struct SmsOutbox(Arc<Mutex<(Vec<Sms>, u32)>>);

impl SmsOutbox {
    fn with<T>(&self, f: impl FnOnce(&mut (Vec<Sms>, u32)) -> T) -> T {
        match self.0.lock() {
            Ok(mut guard) => f(&mut guard),
            Err(poisoned) => f(&mut poisoned.into_inner()),
        }
    }

    /// The messages delivered so far, in order.
    pub fn messages(&self) -> Vec<Sms> {
        self.with(|s| s.0.clone())
    }

    /// The next `n` sends fail as an unreachable gateway would.
    pub fn fail_next(&self, n: u32) {
        self.with(|s| s.1 = n);
    }
}

#[async_trait]
impl SmsSender for SmsOutbox {
    async fn send(&self, message: Sms) -> Result<(), Error> {
        self.with(|s| {
            if s.1 > 0 {
                s.1 -= 1;
                return Err(Error::Unavailable(
                    "SMS gateway unreachable (staged outage)".into(),
                ));
            }
            s.0.push(message);
            Ok(())
        })
    }
}
