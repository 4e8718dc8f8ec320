//! Request limits that GraphQL itself does not have: aliases and root fields per operation, and
//! depth counted apart for introspection. Complexity is the schema's own limit; batch size, body
//! size and the timeout are enforced by the HTTP layer. Each is answered before anything runs.
//!
//! Depth: data fields keep the configured `max_depth`. The subtree under `__schema` or `__type`
//! counts on its own, against [`MAX_INTROSPECTION_DEPTH`]: the standard introspection query of
//! tools (graphql-js's `getIntrospectionQuery()`, GraphiQL's) nests 15 deep through `ofType`,
//! and a hostile `__type { ofType { ofType … } } }` still has a bound.

use crate::kernel::error::coded;
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensions, ServerError, ServerResult};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct Limits {
    pub max_depth: usize,
    pub max_complexity: usize,
    pub max_aliases: usize,
    pub max_root_fields: usize,
    pub max_batch: usize,
    pub max_body_bytes: usize,
    pub timeout: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_depth: 12,
            max_complexity: 100_000,
            max_aliases: 30,
            max_root_fields: 20,
            max_batch: 10,
            max_body_bytes: 256 * 1024,
            timeout: Duration::from_secs(15),
        }
    }
}

/// How deep an introspection subtree (`__schema { … }`, `__type { … }`) may nest, counted from
/// that field: the standard query needs 15 (one list of a non-null list … seven `ofType` deep).
pub const MAX_INTROSPECTION_DEPTH: usize = 24;

/// The limits on a document's shape, checked once per document (see `kernel::executor`).
#[derive(Debug, Clone, Copy)]
pub struct ShapeLimits {
    pub max_aliases: usize,
    pub max_root_fields: usize,
    pub max_depth: usize,
}

impl From<&Limits> for ShapeLimits {
    fn from(limits: &Limits) -> Self {
        Self {
            max_aliases: limits.max_aliases,
            max_root_fields: limits.max_root_fields,
            max_depth: limits.max_depth,
        }
    }
}

/// The deepest nesting of data fields and of introspection fields in an operation.
#[derive(Debug, Default, PartialEq, Eq)]
pub(crate) struct Depths {
    pub data: usize,
    pub introspection: usize,
}

/// Walks the selections (fragments expanded, each at most once on a path, the whole walk at most
/// `budget` selections) and records both depths.
fn measure_depth<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    (data, introspection): (usize, Option<usize>),
    fragments: &mut Vec<&'a str>,
    budget: &mut usize,
    depths: &mut Depths,
) {
    for item in &set.items {
        if *budget == 0 {
            return;
        }
        *budget -= 1;
        match &item.node {
            Selection::Field(field) => {
                let name = field.node.name.node.as_str();
                let next = match introspection {
                    Some(level) => (data, Some(level + 1)),
                    None if name == "__schema" || name == "__type" => (data, Some(1)),
                    None => (data + 1, None),
                };
                depths.data = depths.data.max(next.0);
                if let Some(level) = next.1 {
                    depths.introspection = depths.introspection.max(level);
                }
                measure_depth(
                    doc,
                    &field.node.selection_set.node,
                    next,
                    fragments,
                    budget,
                    depths,
                );
            }
            Selection::InlineFragment(fragment) => measure_depth(
                doc,
                &fragment.node.selection_set.node,
                (data, introspection),
                fragments,
                budget,
                depths,
            ),
            Selection::FragmentSpread(spread) => {
                let name = spread.node.fragment_name.node.as_str();
                // A cycle is refused by validation; here it only must not loop.
                if fragments.contains(&name) {
                    continue;
                }
                if let Some(fragment) = doc.fragments.get(&spread.node.fragment_name.node) {
                    fragments.push(name);
                    measure_depth(
                        doc,
                        &fragment.node.selection_set.node,
                        (data, introspection),
                        fragments,
                        budget,
                        depths,
                    );
                    fragments.pop();
                }
            }
        }
    }
}

pub(crate) fn depths(doc: &ExecutableDocument, set: &SelectionSet) -> Depths {
    let mut depths = Depths::default();
    let mut budget = 100_000;
    measure_depth(
        doc,
        set,
        (0, None),
        &mut Vec::new(),
        &mut budget,
        &mut depths,
    );
    depths
}

fn limit_error(message: String, limit: &'static str) -> ServerError {
    let e = coded(message, "BAD_USER_INPUT").extend_with(|_, ext| ext.set("limit", limit));
    e.into_server_error(async_graphql::Pos::default())
}

/// Counts aliases in a selection set, following fragments at most `budget` times to stay finite.
fn count_aliases(doc: &ExecutableDocument, set: &SelectionSet, budget: &mut usize) -> usize {
    let mut n = 0;
    for item in &set.items {
        if *budget == 0 {
            return n;
        }
        *budget -= 1;
        match &item.node {
            Selection::Field(field) => {
                n += usize::from(field.node.alias.is_some());
                n += count_aliases(doc, &field.node.selection_set.node, budget);
            }
            Selection::InlineFragment(fragment) => {
                n += count_aliases(doc, &fragment.node.selection_set.node, budget)
            }
            Selection::FragmentSpread(spread) => {
                if let Some(fragment) = doc.fragments.get(&spread.node.fragment_name.node) {
                    n += count_aliases(doc, &fragment.node.selection_set.node, budget);
                }
            }
        }
    }
    n
}

impl ShapeLimits {
    /// Refuses a document with too many root fields or aliases, or nested too deep.
    pub fn check(&self, doc: &ExecutableDocument) -> ServerResult<()> {
        for (_, operation) in doc.operations.iter() {
            let set = &operation.node.selection_set.node;
            let roots = set.items.len();
            if roots > self.max_root_fields {
                return Err(limit_error(
                    format!(
                        "the operation has {roots} root fields; at most {} are allowed",
                        self.max_root_fields
                    ),
                    "rootFields",
                ));
            }
            let depths = depths(doc, set);
            if depths.data > self.max_depth {
                return Err(limit_error(
                    format!(
                        "the query is nested too deep: {} levels; at most {} are allowed",
                        depths.data, self.max_depth
                    ),
                    "depth",
                ));
            }
            if depths.introspection > MAX_INTROSPECTION_DEPTH {
                return Err(limit_error(
                    format!(
                        "the introspection query is nested too deep: {} levels; at most {MAX_INTROSPECTION_DEPTH} are allowed",
                        depths.introspection
                    ),
                    "depth",
                ));
            }
            let mut budget = 10_000;
            let aliases = count_aliases(doc, set, &mut budget);
            if aliases > self.max_aliases {
                return Err(limit_error(
                    format!(
                        "the operation uses {aliases} aliases; at most {} are allowed",
                        self.max_aliases
                    ),
                    "aliases",
                ));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Depths, depths};

    fn measured(query: &str) -> Depths {
        let doc = async_graphql::parser::parse_query(query).unwrap_or_else(|e| panic!("{e}"));
        let (_, operation) = doc
            .operations
            .iter()
            .next()
            .unwrap_or_else(|| panic!("no op"));
        depths(&doc, &operation.node.selection_set.node)
    }

    #[test]
    fn introspection_counts_apart_from_data() {
        assert_eq!(
            measured("{ me { organizationMemberships { nodes { id } } } }"),
            Depths {
                data: 4,
                introspection: 0
            }
        );
        assert_eq!(
            measured(
                "query { __typename me { name } __type(name: \"User\") { fields { type { ofType { ofType { name } } } } } }"
            ),
            Depths {
                data: 2,
                introspection: 6
            }
        );
        // Fragments are expanded; a cycle (refused later by validation) stays finite.
        assert_eq!(
            measured(
                "{ me { ...A } } fragment A on User { organizationMemberships { ...B } } fragment B on X { nodes { ...A } }"
            )
            .data,
            3
        );
    }
}
