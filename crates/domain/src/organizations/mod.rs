//! Organizations (成员单位) and their members.

mod members;
mod reads;
mod writes;

use crate::entities::organization;
use crate::kernel::db::stmt;
use crate::kernel::error::{Error, FieldError};
use crate::kernel::ids::{AllianceId, OrganizationId};
use crate::kernel::vocab::OrganizationKind;
use crate::policy::Resource;
use chrono::NaiveDate;
use sea_orm::{ConnectionTrait, EntityTrait};
use std::collections::HashMap;
use uuid::Uuid;

/// What the policy needs to know about an organization: the alliances it is in now, with their visibility.
#[derive(Debug, Clone, Default)]
pub struct OrganizationFacts {
    pub id: OrganizationId,
    pub alliances: Vec<(AllianceId, bool)>,
}

impl OrganizationFacts {
    pub fn resource(&self) -> Resource<'_> {
        Resource::Organization {
            id: self.id,
            alliances: &self.alliances,
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct OrganizationInput {
    pub name: Option<String>,
    pub name_en: Option<String>,
    pub kind: Option<OrganizationKind>,
    pub host_entity: Option<String>,
    pub region: Option<String>,
    pub founded_on: Option<NaiveDate>,
    pub honours: Option<Vec<String>>,
}

/// The changes of `updateOrganization`; see [`Patch`](crate::kernel::patch::Patch).
#[derive(Debug, Default)]
pub struct OrganizationChanges {
    pub name: crate::kernel::patch::Patch<String>,
    pub name_en: crate::kernel::patch::Patch<String>,
    pub kind: crate::kernel::patch::Patch<OrganizationKind>,
    pub host_entity: crate::kernel::patch::Patch<String>,
    pub region: crate::kernel::patch::Patch<String>,
    pub founded_on: crate::kernel::patch::Patch<NaiveDate>,
    /// A clear empties the list.
    pub honours: crate::kernel::patch::Patch<Vec<String>>,
}

const NAME_TAKEN: (&str, &str, &str, &str) = (
    "organizations_name_key",
    "name",
    "TAKEN",
    "an organization with this name already exists",
);

/// Shifts `$n` parameters (n ≥ `from`) down to start at `to`, in SQL built by a helper for
/// another numbering.
fn renumber(sql: &str, from: usize, to: usize) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut chars = sql.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '$' {
            let mut digits = String::new();
            while let Some(d) = chars.peek().filter(|d| d.is_ascii_digit()) {
                digits.push(*d);
                chars.next();
            }
            match digits.parse::<usize>() {
                Ok(n) if n >= from => out.push_str(&format!("${}", n - from + to)),
                _ => {
                    out.push('$');
                    out.push_str(&digits);
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

impl Organizations<'_> {
    pub async fn organization_facts(
        &self,
        id: OrganizationId,
    ) -> Result<Option<OrganizationFacts>, Error> {
        Ok(self.organization_facts_many(&[id.0]).await?.remove(&id.0))
    }

    /// Facts for many organizations in one statement (for loaders and lists).
    pub async fn organization_facts_many(
        &self,
        ids: &[Uuid],
    ) -> Result<HashMap<Uuid, OrganizationFacts>, Error> {
        let rows = self
            .db
            .query_all_raw(stmt(
                "SELECT o.id, am.alliance_id, a.visibility = 'public' AS public
                   FROM organizations o
                   LEFT JOIN (alliance_memberships am JOIN alliances a ON a.id = am.alliance_id)
                        ON am.organization_id = o.id
                        AND am.joined_on <= (($2::timestamptz AT TIME ZONE a.time_zone)::date)
                        AND (am.left_on IS NULL OR am.left_on > (($2::timestamptz AT TIME ZONE a.time_zone)::date))
                  WHERE o.id = ANY($1)",
                [ids.to_vec().into(), self.now().into()],
            ))
            .await?;
        let mut facts: HashMap<Uuid, OrganizationFacts> = HashMap::new();
        for row in rows {
            let id: Uuid = row.try_get("", "id")?;
            let entry = facts.entry(id).or_insert_with(|| OrganizationFacts {
                id: OrganizationId(id),
                alliances: Vec::new(),
            });
            if let Some(alliance) = row.try_get::<Option<Uuid>>("", "alliance_id")? {
                let public: Option<bool> = row.try_get("", "public")?;
                entry
                    .alliances
                    .push((AllianceId(alliance), public.unwrap_or(false)));
            }
        }
        Ok(facts)
    }

    /// Whether an organization exists, whoever may see it (for references checked by a policy).
    pub(crate) async fn organization_exists(&self, id: OrganizationId) -> Result<bool, Error> {
        Ok(organization::Entity::find_by_id(id.0)
            .one(&self.db)
            .await?
            .is_some())
    }
}

fn clean_honours(errors: &mut Vec<FieldError>, honours: Vec<String>) -> Vec<String> {
    let cleaned: Vec<String> = honours
        .into_iter()
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .collect();
    if cleaned.len() > 50 {
        errors.push(FieldError::new("honours", "TOO_MANY", "at most 50 honours"));
    }
    for (i, honour) in cleaned.iter().enumerate() {
        if honour.chars().count() > 200 {
            errors.push(FieldError::new(
                format!("honours.{i}"),
                "TOO_LONG",
                "must be at most 200 characters",
            ));
        }
    }
    cleaned
}

impl Organizations<'_> {}

/// Member organizations and their people. The façade of this domain: `services.organizations()`.
pub struct Organizations<'a>(&'a crate::Services);

impl crate::Services {
    pub fn organizations(&self) -> Organizations<'_> {
        Organizations(self)
    }
}

impl std::ops::Deref for Organizations<'_> {
    type Target = crate::Services;

    fn deref(&self) -> &crate::Services {
        self.0
    }
}
