//! Creating documents and adding versions (the secretariat: `ManageDocuments`).

use super::{Documents, NewDocument, NewVersion};
use crate::alliances::AllianceFacts;
use crate::entities::{alliance, document, document_version};
use crate::kernel::audit::Actor;
use crate::kernel::db::stmt;
use crate::kernel::error::Error;
use crate::kernel::validation;
use crate::policy::principal::Principal;
use crate::policy::{self, Action};
use chrono::NaiveDate;
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set, TransactionTrait};
use serde_json::json;
use uuid::Uuid;

/// A version's content after its checks; `body` is `None` for a version that is a file.
#[derive(Debug, Clone)]
pub(crate) struct CheckedVersion {
    pub(crate) label: Option<String>,
    pub(crate) body: Option<String>,
    pub(crate) effective_on: NaiveDate,
    pub(crate) note: Option<String>,
}

fn check_version(
    errors: &mut Vec<crate::FieldError>,
    version: NewVersion,
    today: NaiveDate,
) -> CheckedVersion {
    CheckedVersion {
        label: validation::optional_text(errors, "label", version.label.as_deref(), 50),
        body: Some(validation::required_text(
            errors,
            "body",
            &version.body,
            500_000,
        )),
        effective_on: version.effective_on.unwrap_or(today),
        note: validation::optional_text(errors, "note", version.note.as_deref(), 2000),
    }
}

impl Documents<'_> {
    pub async fn create_document(
        &self,
        principal: &Principal,
        input: NewDocument,
    ) -> Result<document::Model, Error> {
        let owner = self
            .alliances()
            .alliance_readable(principal, input.alliance_id)
            .await?
            .ok_or(Error::NotFound("alliance"))?;
        policy::authorize(
            principal,
            Action::ManageDocuments,
            AllianceFacts::of(&owner).resource(),
        )?;
        let mut errors = Vec::new();
        let title = validation::required_text(&mut errors, "title", &input.title, 200);
        let version = check_version(
            &mut errors,
            input.first_version,
            self.today_in(&owner.time_zone),
        );
        validation::finish(errors)?;
        let now = self.now();
        let txn = self.db.begin().await?;
        let created = document::ActiveModel {
            id: Set(Uuid::now_v7()),
            alliance_id: Set(owner.id),
            kind: Set(input.kind),
            title: Set(title),
            created_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(now),
            updated_at: Set(now),
            version: Set(1),
        }
        .insert(&txn)
        .await?;
        self.insert_version(&txn, principal, created.id, 1, version)
            .await?;
        self.record_audit(
            &txn,
            Actor::from(principal),
            "document.create",
            "document",
            Some(created.id),
            json!({"alliance": owner.id, "kind": input.kind.as_str()}),
        )
        .await?;
        txn.commit().await?;
        Ok(created)
    }

    /// Adds the next version (its number one above the highest); earlier versions stay as they are.
    pub async fn add_document_version(
        &self,
        principal: &Principal,
        document_id: Uuid,
        version: NewVersion,
    ) -> Result<document_version::Model, Error> {
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
        let mut errors = Vec::new();
        let checked = check_version(&mut errors, version, self.today_in(&owner.time_zone));
        validation::finish(errors)?;
        let txn = self.db.begin().await?;
        let created = self
            .insert_next_version(&txn, principal, document_id, checked)
            .await?
            .ok_or(Error::NotFound("document"))?;
        txn.commit().await?;
        Ok(created)
    }

    /// Inserts the document's next version (its number one above the highest) in `txn`, and
    /// bumps the document's version; `None` when there is no such document. Shared by
    /// `add_document_version` and a file version uploaded through `POST /media`.
    pub(crate) async fn insert_next_version<C: ConnectionTrait>(
        &self,
        txn: &C,
        principal: &Principal,
        document_id: Uuid,
        checked: CheckedVersion,
    ) -> Result<Option<document_version::Model>, Error> {
        // The row lock serializes additions to one document, so numbers never collide. The
        // highest number is read in a statement of its own, after the lock: one statement sees
        // the rows committed when it began, before it waited for the lock.
        if txn
            .query_one_raw(stmt(
                "SELECT id FROM documents WHERE id = $1 FOR UPDATE",
                [document_id.into()],
            ))
            .await?
            .is_none()
        {
            return Ok(None);
        }
        let next = txn
            .query_one_raw(stmt(
                "SELECT COALESCE(max(number), 0) + 1 AS next FROM document_versions WHERE document_id = $1",
                [document_id.into()],
            ))
            .await?
            .ok_or(Error::NotFound("document"))?
            .try_get::<i32>("", "next")?;
        txn.execute_raw(stmt(
            "UPDATE documents SET version = version + 1, updated_at = $2 WHERE id = $1",
            [document_id.into(), self.now().into()],
        ))
        .await?;
        let created = self
            .insert_version(txn, principal, document_id, next, checked)
            .await?;
        self.record_audit(
            txn,
            Actor::from(principal),
            "document.version",
            "document",
            Some(document_id),
            json!({"number": next, "file": created.body.is_none()}),
        )
        .await?;
        Ok(Some(created))
    }

    async fn insert_version<C: ConnectionTrait>(
        &self,
        conn: &C,
        principal: &Principal,
        document_id: Uuid,
        number: i32,
        version: CheckedVersion,
    ) -> Result<document_version::Model, Error> {
        Ok(document_version::ActiveModel {
            id: Set(Uuid::now_v7()),
            document_id: Set(document_id),
            number: Set(number),
            label: Set(version.label),
            body: Set(version.body),
            effective_on: Set(version.effective_on),
            note: Set(version.note),
            uploaded_by: Set(principal.user_id().map(|u| u.0)),
            created_at: Set(self.now()),
        }
        .insert(conn)
        .await?)
    }
}
