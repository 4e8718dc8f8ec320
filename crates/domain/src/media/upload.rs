//! Uploading photos and files to one owner. The owner is authorized before any byte is read;
//! each file is checked, processed off the runtime and written to the store under fresh UUID
//! keys as it arrives; `commit` then inserts every row in one transaction. Any failure — a bad
//! file, a lost connection (the session is dropped), a failed insert — deletes the objects
//! written so far, so nothing is left behind.

use super::owners::MediaOwner;
use super::process::{Accept, Processed, process};
use super::{Media, MediaOwnerKind};
use crate::Services;
use crate::documents::{FileVersionDetails, PendingVersion, check_details};
use crate::entities::{document_version, media};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use sea_orm::{ActiveModelTrait, ConnectionTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

struct Pending {
    id: Uuid,
    name: String,
    processed: Processed,
    object_key: String,
    thumbnail_key: Option<String>,
    web_key: Option<String>,
}

/// An upload in progress. Drop it without `commit` and its objects are deleted.
pub struct UploadSession {
    services: Services,
    principal: Principal,
    owner: MediaOwner,
    pending: Vec<Pending>,
    /// Every key a write was attempted for, so that a half-written object goes too.
    written: Vec<String>,
    finished: bool,
    /// The document version this upload creates (`documentId`), and the alliance's today.
    new_version: Option<(PendingVersion, chrono::NaiveDate)>,
}

/// What a committed upload created.
pub struct Committed {
    pub media: Vec<media::Model>,
    /// The document version created with its file (an upload naming `documentId`).
    pub version: Option<document_version::Model>,
}

/// The action that adds media to an owner of this kind.
fn add_action(kind: MediaOwnerKind) -> Action {
    match kind {
        MediaOwnerKind::Activity => Action::AddActivityPhoto,
        MediaOwnerKind::Agreement => Action::AttachAgreementFile,
        MediaOwnerKind::DocumentVersion => Action::ManageDocuments,
    }
}

/// A file name as shown to people: no directories, no control characters, at most 255 characters.
fn clean_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default();
    let cleaned: String = base.chars().filter(|c| !c.is_control()).take(255).collect();
    let trimmed = cleaned.trim();
    if trimmed.is_empty() {
        "upload".to_owned()
    } else {
        trimmed.to_owned()
    }
}

impl Media<'_> {
    /// Starts an upload to the owner `id` of `kind`: `NOT_FOUND` when the principal may not see
    /// it, `FORBIDDEN` when they may not add to it.
    pub async fn start_upload(
        &self,
        principal: &Principal,
        kind: MediaOwnerKind,
        id: Uuid,
    ) -> Result<UploadSession, Error> {
        let owner = self
            .owner(&self.db, principal, kind, id)
            .await?
            .filter(|o| policy::can(principal, Action::ReadMedia, o.resource(None)))
            .ok_or(Error::NotFound("owner"))?;
        policy::authorize(principal, add_action(kind), owner.resource(None))?;
        if owner.status.as_deref() == Some("cancelled") {
            return Err(Error::invalid(
                "activityId",
                "CANCELLED",
                "photos cannot be added to a cancelled activity",
            ));
        }
        Ok(UploadSession {
            services: (*self).clone(),
            principal: principal.clone(),
            owner,
            pending: Vec::new(),
            written: Vec::new(),
            finished: false,
            new_version: None,
        })
    }
}

impl UploadSession {
    /// A session that creates a document's next version with its one file (authorized by the
    /// documents domain).
    pub(crate) fn for_new_version(
        services: &Services,
        principal: &Principal,
        owner: MediaOwner,
        pending: PendingVersion,
        today: chrono::NaiveDate,
    ) -> Self {
        Self {
            services: services.clone(),
            principal: principal.clone(),
            owner,
            pending: Vec::new(),
            written: Vec::new(),
            finished: false,
            new_version: Some((pending, today)),
        }
    }

    /// Whether this upload creates a document version (then its label, effective date and note
    /// may be given with `describe_version`).
    pub fn is_new_version(&self) -> bool {
        self.new_version.is_some()
    }

    /// Sets the label, effective date and note of the version this upload creates; errors name
    /// the field (`label`, `effectiveOn`, `note`).
    pub fn describe_version(&mut self, details: FileVersionDetails) -> Result<(), Error> {
        let Some((pending, today)) = self.new_version.as_mut() else {
            return Err(Error::invalid(
                "documentId",
                "NOT_A_NEW_VERSION",
                "label, effectiveOn and note go with documentId only",
            ));
        };
        pending.checked = check_details(details, *today)?;
        Ok(())
    }

    pub fn max_file_bytes(&self) -> usize {
        self.services.media_storage.settings.max_file_bytes
    }

    /// The most files in this upload: one for a new document version.
    pub fn max_files(&self) -> usize {
        if self.new_version.is_some() {
            1
        } else {
            self.services.media_storage.settings.max_files
        }
    }

    /// How many files were added so far.
    pub fn len(&self) -> usize {
        self.pending.len()
    }

    pub fn is_empty(&self) -> bool {
        self.pending.is_empty()
    }

    /// Checks, processes and stores one file; `field` names it in errors (`file.0`, `file.1`…).
    /// On an error the session should be aborted (or dropped).
    pub async fn add(&mut self, field: &str, name: &str, bytes: Vec<u8>) -> Result<(), Error> {
        let name = clean_name(name);
        if self.pending.len() >= self.max_files() {
            return Err(Error::invalid(
                field,
                "TOO_MANY_FILES",
                format!("at most {} files per upload", self.max_files()),
            ));
        }
        if bytes.is_empty() {
            return Err(Error::invalid(
                field,
                "EMPTY_FILE",
                format!("{name}: the file is empty"),
            ));
        }
        if bytes.len() > self.max_file_bytes() {
            return Err(too_large(field, &name, self.max_file_bytes()));
        }
        let accept = match self.owner.kind {
            MediaOwnerKind::Activity => Accept::Photos,
            MediaOwnerKind::Agreement => Accept::PhotosAndPdf,
            MediaOwnerKind::DocumentVersion => Accept::Documents,
        };
        let (field_owned, name_owned) = (field.to_owned(), name.clone());
        let processed =
            tokio::task::spawn_blocking(move || process(&field_owned, &name_owned, bytes, accept))
                .await
                .map_err(Error::internal)?
                .map_err(|e| Error::Invalid(vec![e]))?;
        let object_key = Uuid::new_v4().to_string();
        let thumbnail_key = processed
            .thumbnail
            .as_ref()
            .map(|_| format!("{object_key}-thumbnail"));
        let web_key = processed.web.as_ref().map(|_| format!("{object_key}-web"));
        let store = self.services.media_storage.store.clone();
        self.written.push(object_key.clone());
        store.put(&object_key, processed.original.clone()).await?;
        if let (Some(key), Some(bytes)) = (&thumbnail_key, &processed.thumbnail) {
            self.written.push(key.clone());
            store.put(key, bytes.clone()).await?;
        }
        if let (Some(key), Some(bytes)) = (&web_key, &processed.web) {
            self.written.push(key.clone());
            store.put(key, bytes.clone()).await?;
        }
        self.pending.push(Pending {
            id: Uuid::now_v7(),
            name,
            processed: Processed {
                original: Vec::new(),
                thumbnail: None,
                web: None,
                ..processed
            },
            object_key,
            thumbnail_key,
            web_key,
        });
        Ok(())
    }

    /// Inserts the rows in one transaction, after the owner's existing media; on failure the
    /// objects are deleted.
    pub async fn commit(self) -> Result<Vec<media::Model>, Error> {
        Ok(self.commit_all().await?.media)
    }

    /// `commit`, also answering the document version it created.
    pub async fn commit_all(mut self) -> Result<Committed, Error> {
        match self.insert().await {
            Ok(done) => {
                self.finished = true;
                Ok(done)
            }
            Err(e) => {
                self.cleanup().await;
                Err(e)
            }
        }
    }

    /// Deletes what was written.
    pub async fn abort(mut self) {
        self.cleanup().await;
    }

    async fn cleanup(&mut self) {
        self.finished = true;
        let keys = std::mem::take(&mut self.written);
        let _ = self.services.media_storage.store.delete_all(&keys).await;
    }

    async fn insert(&self) -> Result<Committed, Error> {
        if self.pending.is_empty() {
            return Err(Error::invalid("file", "REQUIRED", "send at least one file"));
        }
        let services = &self.services;
        let txn = services.db.begin().await?;
        let version = match &self.new_version {
            Some((pending, _)) => Some(
                services
                    .documents()
                    .insert_next_version(
                        &txn,
                        &self.principal,
                        pending.document_id,
                        pending.checked.clone(),
                    )
                    .await?
                    .ok_or(Error::NotFound("document"))?,
            ),
            None => None,
        };
        let owner_id = version.as_ref().map_or(self.owner.id, |v| v.id);
        let column = MediaOwner::column(self.owner.kind);
        let table = match self.owner.kind {
            MediaOwnerKind::Activity => "activities",
            MediaOwnerKind::Agreement => "agreements",
            MediaOwnerKind::DocumentVersion => "document_versions",
        };
        // Uploads to one owner take turns here, so positions follow one another.
        txn.query_one_raw(stmt(
            &format!("SELECT id FROM {table} WHERE id = $1 FOR UPDATE"),
            [owner_id.into()],
        ))
        .await?
        .ok_or(Error::NotFound("owner"))?;
        let next: i32 = txn
            .query_one_raw(stmt(
                &format!(
                    "SELECT COALESCE(max(position) + 1, 0) AS next FROM media WHERE {column} = $1"
                ),
                [owner_id.into()],
            ))
            .await?
            .map(|row| row.try_get("", "next"))
            .transpose()?
            .unwrap_or(0);
        let now = services.now();
        let mut rows = Vec::new();
        for (i, p) in self.pending.iter().enumerate() {
            let owner = Some(owner_id);
            let (source, taken_at) = match (p.processed.kind, p.processed.taken_at) {
                ("photo", Some(at)) => (Some("exif"), Some(at)),
                ("photo", None) => (Some("upload"), Some(now)),
                _ => (None, None),
            };
            let row = media::ActiveModel {
                id: Set(p.id),
                alliance_id: Set(self.owner.alliance.0),
                activity_id: Set(owner.filter(|_| self.owner.kind == MediaOwnerKind::Activity)),
                agreement_id: Set(owner.filter(|_| self.owner.kind == MediaOwnerKind::Agreement)),
                document_version_id: Set(
                    owner.filter(|_| self.owner.kind == MediaOwnerKind::DocumentVersion)
                ),
                kind: Set(p.processed.kind.to_owned()),
                object_key: Set(p.object_key.clone()),
                thumbnail_key: Set(p.thumbnail_key.clone()),
                web_key: Set(p.web_key.clone()),
                original_name: Set(p.name.clone()),
                content_type: Set(p.processed.content_type.to_owned()),
                byte_size: Set(i64::try_from(p.processed_size()).unwrap_or(i64::MAX)),
                sha256: Set(p.processed.sha256.clone()),
                width: Set(p.processed.width),
                height: Set(p.processed.height),
                caption: Set(None),
                taken_at: Set(taken_at),
                taken_at_source: Set(source.map(str::to_owned)),
                position: Set(next + i32::try_from(i).unwrap_or(i32::MAX)),
                uploaded_by: Set(self.principal.user_id().map(|u| u.0)),
                created_at: Set(now),
                orphaned_at: Set(None),
                version: Set(1),
            }
            .insert(&txn)
            .await?;
            rows.push(row);
        }
        services
            .record_audit(
                &txn,
                Actor::from(&self.principal),
                "media.upload",
                super::edits::owner_entity(self.owner.kind),
                Some(owner_id),
                json!({
                    "media": rows.iter().map(|r| r.id).collect::<Vec<_>>(),
                    "names": rows.iter().map(|r| r.original_name.clone()).collect::<Vec<_>>(),
                }),
            )
            .await?;
        txn.commit().await?;
        Ok(Committed {
            media: rows,
            version,
        })
    }
}

impl Pending {
    fn processed_size(&self) -> usize {
        self.processed.byte_size
    }
}

/// The error of a file over the size limit (also used by the HTTP layer while reading).
pub fn too_large(field: &str, name: &str, max: usize) -> Error {
    Error::Invalid(vec![FieldError::new(
        field,
        "FILE_TOO_LARGE",
        format!(
            "{name}: larger than the limit of {} MB",
            max / (1024 * 1024)
        ),
    )])
}

impl Drop for UploadSession {
    fn drop(&mut self) {
        if self.finished || self.written.is_empty() {
            return;
        }
        // Dropped mid-upload (the client went away): delete what was written, in the background.
        let keys = std::mem::take(&mut self.written);
        let store = self.services.media_storage.store.clone();
        if let Ok(handle) = tokio::runtime::Handle::try_current() {
            handle.spawn(async move {
                let _ = store.delete_all(&keys).await;
            });
        }
    }
}
