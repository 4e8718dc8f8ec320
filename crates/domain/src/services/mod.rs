//! Domain services: what the API calls. Each takes the principal and checks the policy itself.

pub mod alliances;
pub mod calendar;
pub mod meetings;
pub mod notifications;
pub mod organizations;
pub(crate) mod relations;
pub mod rotation;
pub mod users;

use crate::auth::jwt::AccessTokens;
use crate::auth::password::Passwords;
use crate::clock::Clock;
use crate::config::DomainConfig;
use crate::error::Error;
use crate::events::EventBus;
use crate::mail::Mailer;
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
