//! Request limits that GraphQL itself does not have: aliases and root fields per operation.
//! Depth and complexity are the schema's own limits; batch size, body size and the timeout are
//! enforced by the HTTP layer. Each is answered before anything runs.

use crate::kernel::error::coded;
use async_graphql::extensions::{Extension, ExtensionContext, ExtensionFactory, NextParseQuery};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{ErrorExtensions, ServerError, ServerResult, Variables};
use std::sync::Arc;
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

pub struct ShapeLimits {
    pub max_aliases: usize,
    pub max_root_fields: usize,
}

impl ExtensionFactory for ShapeLimits {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(ShapeLimitsExtension {
            max_aliases: self.max_aliases,
            max_root_fields: self.max_root_fields,
        })
    }
}

struct ShapeLimitsExtension {
    max_aliases: usize,
    max_root_fields: usize,
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

#[async_graphql::async_trait::async_trait]
impl Extension for ShapeLimitsExtension {
    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
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
            let mut budget = 10_000;
            let aliases = count_aliases(&doc, set, &mut budget);
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
        Ok(doc)
    }
}
