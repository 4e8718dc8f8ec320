//! The shared state every domain façade borrows: the database, the clock, configuration and the
//! outbound channels.

use crate::auth::jwt::AccessTokens;
use crate::auth::password::Passwords;
use crate::jobs::JobSettings;
use crate::kernel::clock::Clock;
use crate::kernel::config::DomainConfig;
use crate::kernel::error::Error;
use crate::kernel::events::EventBus;
use crate::kernel::mail::Mailer;
use crate::kernel::sms::{LogSms, SmsSender};
use sea_orm::DatabaseConnection;
use std::sync::Arc;

/// Everything a domain operation needs; cheap to clone (one reference count: every request makes
/// a few dozen copies for its DataLoaders, and copying the parts themselves cost allocations).
/// Reads go through `Deref`; the `with_*` builders change a private copy.
#[derive(Clone)]
pub struct Services(Arc<ServiceParts>);

/// The parts of [`Services`].
#[derive(Clone)]
pub struct ServiceParts {
    pub db: DatabaseConnection,
    pub clock: Arc<dyn Clock>,
    pub config: Arc<DomainConfig>,
    pub passwords: Passwords,
    pub access_tokens: AccessTokens,
    pub mailer: Arc<dyn Mailer>,
    /// Text messages; logged unless a sender is given (`with_sms`).
    pub sms: Arc<dyn SmsSender>,
    /// Attempts and back-off of background jobs.
    pub jobs_settings: JobSettings,
    pub events: EventBus,
    /// The object store and limits of photos and files (in memory unless `with_media`).
    pub media_storage: crate::media::MediaServices,
}

impl Services {
    pub fn new(
        db: DatabaseConnection,
        config: DomainConfig,
        clock: Arc<dyn Clock>,
        mailer: Arc<dyn Mailer>,
    ) -> Result<Self, Error> {
        Ok(Self(Arc::new(ServiceParts {
            passwords: Passwords::new(config.max_concurrent_hashes),
            access_tokens: AccessTokens::new(&config)?,
            config: Arc::new(config),
            db,
            clock,
            mailer,
            sms: Arc::new(LogSms),
            jobs_settings: JobSettings::default(),
            events: EventBus::default(),
            media_storage: crate::media::MediaServices::default(),
        })))
    }

    /// Sends text messages through `sms` instead of the log.
    #[must_use]
    pub fn with_sms(mut self, sms: Arc<dyn SmsSender>) -> Self {
        Arc::make_mut(&mut self.0).sms = sms;
        self
    }

    /// Runs background jobs with these attempts and back-off.
    #[must_use]
    pub fn with_jobs_settings(mut self, settings: JobSettings) -> Self {
        Arc::make_mut(&mut self.0).jobs_settings = settings;
        self
    }

    /// Keeps photos and files in this store, with these limits.
    #[must_use]
    pub fn with_media(mut self, media: crate::media::MediaServices) -> Self {
        Arc::make_mut(&mut self.0).media_storage = media;
        self
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }
}

impl std::ops::Deref for Services {
    type Target = ServiceParts;

    fn deref(&self) -> &ServiceParts {
        &self.0
    }
}
