//! The document library (文件库) of an alliance: working rules, annual plans, summaries and other
//! documents, each with numbered versions that are all kept. Adding a version never overwrites
//! one. The working rules in effect are the version with the latest effective date on or before
//! today (the alliance's local date).

mod file_versions;
mod reads;
mod writes;

pub use file_versions::FileVersionDetails;
pub(crate) use file_versions::{PendingVersion, check_details};

use crate::kernel::vocab::DocumentKind;
use chrono::NaiveDate;

/// A version's content, as `createDocument` and `addDocumentVersion` take it.
#[derive(Debug, Clone, Default)]
pub struct NewVersion {
    /// E.g. "试行" (trial).
    pub label: Option<String>,
    pub body: String,
    /// Defaults to today in the alliance's zone.
    pub effective_on: Option<NaiveDate>,
    pub note: Option<String>,
}

/// Input of `createDocument`: the document and its first version.
#[derive(Debug, Clone)]
pub struct NewDocument {
    pub alliance_id: crate::kernel::ids::AllianceId,
    pub kind: DocumentKind,
    pub title: String,
    pub first_version: NewVersion,
}

/// The document library. The façade of this domain: `services.documents()`.
pub struct Documents<'a>(&'a crate::Services);

impl crate::Services {
    pub fn documents(&self) -> Documents<'_> {
        Documents(self)
    }
}

impl std::ops::Deref for Documents<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
