//! The shared state every domain façade borrows: the database, the clock, configuration and the
//! outbound channels.

use crate::auth::jwt::AccessTokens;
use crate::auth::password::Passwords;
use crate::kernel::clock::Clock;
use crate::kernel::config::DomainConfig;
use crate::kernel::error::Error;
use crate::kernel::events::EventBus;
use crate::kernel::mail::Mailer;
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Everything a domain operation needs; cheap to clone.
#[derive(Clone)]
pub struct Services {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<DomainConfig>,
    pub passwords: Passwords,
    pub access_tokens: AccessTokens,
    pub mailer: Arc<dyn Mailer>,
    pub events: EventBus,
}

impl Services {
    pub fn new(
        db: DatabaseConnection,
        config: DomainConfig,
        clock: Arc<dyn Clock>,
        mailer: Arc<dyn Mailer>,
    ) -> Result<Self, Error> {
        Ok(Self {
            passwords: Passwords::new(config.max_concurrent_hashes),
            access_tokens: AccessTokens::new(&config)?,
            config: Arc::new(config),
            db,
            clock,
            mailer,
            events: EventBus::default(),
        })
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}
