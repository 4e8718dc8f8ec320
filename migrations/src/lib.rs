//! Database migrations. Each one is plain SQL so that Postgres features (exclusion constraints,
//! partial unique indexes, citext) are written as Postgres spells them. Frozen once landed.

pub use sea_orm_migration::prelude::*;

mod m20261121_000001_foundation;
mod m20261121_000002_governance;
mod m20261202_000001_alliance_time_zone;
mod m20261202_000002_lead_terms_local_midnight;
mod m20261202_000003_jobs_outbox;
mod m20261203_000001_agreements;
mod m20261203_000002_documents;
mod m20261203_000003_activities;
mod m20261203_000004_media;
mod m20261203_000005_resources;
mod m20261203_000006_minutes_review;
mod m20261203_000007_meeting_agenda_deadline;
mod m20261205_000001_document_files;
mod m20261205_000011_account_tokens;
mod m20261205_000021_agenda_proposal_edits;
mod m20261205_000031_notification_events;
mod m20261206_000001_list_indexes;

pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261121_000001_foundation::Migration),
            Box::new(m20261121_000002_governance::Migration),
            Box::new(m20261202_000001_alliance_time_zone::Migration),
            Box::new(m20261202_000002_lead_terms_local_midnight::Migration),
            Box::new(m20261202_000003_jobs_outbox::Migration),
            Box::new(m20261203_000001_agreements::Migration),
            Box::new(m20261203_000002_documents::Migration),
            Box::new(m20261203_000003_activities::Migration),
            Box::new(m20261203_000004_media::Migration),
            Box::new(m20261203_000005_resources::Migration),
            Box::new(m20261203_000006_minutes_review::Migration),
            Box::new(m20261203_000007_meeting_agenda_deadline::Migration),
            Box::new(m20261205_000001_document_files::Migration),
            Box::new(m20261205_000011_account_tokens::Migration),
            Box::new(m20261205_000021_agenda_proposal_edits::Migration),
            Box::new(m20261205_000031_notification_events::Migration),
            Box::new(m20261206_000001_list_indexes::Migration),
        ]
    }
}
