//! A version that is a file (PDF, photo, Word or Excel): `POST /media` with `documentId` starts
//! an upload session that, on commit, inserts the document's next version and its file in one
//! transaction, through the same `insert_next_version` (and row lock) as `addDocumentVersion`.

use super::Documents;
use super::writes::CheckedVersion;
use crate::alliances::AllianceFacts;
use crate::entities::alliance;
use crate::kernel::error::Error;
use crate::kernel::validation;
use crate::media::{MediaOwner, MediaOwnerKind, UploadSession};
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::NaiveDate;
use sea_orm::EntityTrait;
use uuid::Uuid;

/// The text fields of a file version as the form sends them (each optional).
#[derive(Debug, Clone, Default)]
pub struct FileVersionDetails {
    /// E.g. "试行" (trial); at most 50 characters.
    pub label: Option<String>,
    /// `YYYY-MM-DD`; defaults to today in the alliance's zone.
    pub effective_on: Option<String>,
    /// What changed; at most 2000 characters.
    pub note: Option<String>,
}

/// The version an upload session will create, and its checked details.
#[derive(Debug, Clone)]
pub(crate) struct PendingVersion {
    pub(crate) document_id: Uuid,
    pub(crate) checked: CheckedVersion,
}

/// Checks the form's fields, naming each in its error.
pub(crate) fn check_details(
    details: FileVersionDetails,
    today: NaiveDate,
) -> Result<CheckedVersion, Error> {
    let mut errors = Vec::new();
    let label = validation::optional_text(&mut errors, "label", details.label.as_deref(), 50);
    let note = validation::optional_text(&mut errors, "note", details.note.as_deref(), 2000);
    let effective_on = match details.effective_on.as_deref().map(str::trim) {
        None | Some("") => today,
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap_or_else(|_| {
            errors.push(crate::FieldError::new(
                "effectiveOn",
                "INVALID_DATE",
                "effectiveOn is not a date (YYYY-MM-DD)",
            ));
            today
        }),
    };
    validation::finish(errors)?;
    Ok(CheckedVersion {
        label,
        body: None,
        effective_on,
        note,
    })
}

impl Documents<'_> {
    /// Starts the upload of a new version that is a file: `NOT_FOUND` when the principal may not
    /// see the document, `FORBIDDEN` without `ManageDocuments`. Nothing is written until the
    /// session commits.
    pub async fn start_file_version(
        &self,
        principal: &Principal,
        document_id: Uuid,
    ) -> Result<UploadSession, Error> {
        let found = self
            .documents_visible(principal, &[document_id])
            .await?
            .remove(&document_id)
            .ok_or(Error::NotFound("document"))?;
        let owner = alliance::Entity::find_by_id(found.alliance_id)
            .one(&self.db)
            .await?
            .ok_or(Error::NotFound("document"))?;
        policy::authorize(
            principal,
            Action::ManageDocuments,
            AllianceFacts::of(&owner).resource(),
        )?;
        let today = self.today_in(&owner.time_zone);
        let media_owner = MediaOwner {
            kind: MediaOwnerKind::DocumentVersion,
            // The version's id is known once it is inserted.
            id: Uuid::nil(),
            alliance: crate::kernel::ids::AllianceId(owner.id),
            public_news: false,
            organizers: Vec::new(),
            status: None,
            took_part: false,
        };
        Ok(UploadSession::for_new_version(
            self,
            principal,
            media_owner,
            PendingVersion {
                document_id,
                checked: check_details(FileVersionDetails::default(), today)?,
            },
            today,
        ))
    }
}
