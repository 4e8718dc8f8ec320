//! Metric labels for GraphQL requests, from a bounded set: the operation type and the root field
//! the operation selects, when that field exists in the schema. A client chooses its operation
//! name freely, so that name is never a label (it would let anyone grow `/metrics` without bound).

use async_graphql::parser::types::{
    DocumentOperations, ExecutableDocument, OperationType, Selection, SelectionSet,
    TypeSystemDefinition,
};
use async_graphql::{BatchRequest, Request};
use std::collections::HashSet;
use std::sync::Arc;

/// The label of a request that fits no other.
pub const OTHER: &str = "other";

/// The root fields of the schema, per operation type, read once from the SDL.
#[derive(Debug, Default, Clone)]
pub struct RootFields {
    query: HashSet<String>,
    mutation: HashSet<String>,
    subscription: HashSet<String>,
}

/// `operation_type` and `root_field` of one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OperationLabel {
    pub operation_type: &'static str,
    pub root_field: String,
}

impl RootFields {
    pub fn from_sdl(sdl: &str) -> Self {
        let mut fields = Self::default();
        let Ok(document) = async_graphql::parser::parse_schema(sdl) else {
            return fields;
        };
        for definition in document.definitions {
            let TypeSystemDefinition::Type(ty) = definition else {
                continue;
            };
            let target = match ty.node.name.node.as_str() {
                "Query" => &mut fields.query,
                "Mutation" => &mut fields.mutation,
                "Subscription" => &mut fields.subscription,
                _ => continue,
            };
            if let async_graphql::parser::types::TypeKind::Object(object) = &ty.node.kind {
                target.extend(object.fields.iter().map(|f| f.node.name.node.to_string()));
            }
        }
        fields
    }

    /// The label of a request (a batch is `batch`/`other`).
    /// `cached` gives the parsed document when the executor has it (it asks for the same one
    /// next); otherwise the query is parsed here.
    pub fn label(
        &self,
        batch: &BatchRequest,
        cached: impl Fn(&str) -> Option<Arc<ExecutableDocument>>,
    ) -> OperationLabel {
        match batch {
            BatchRequest::Single(request) => self.label_of(request, cached),
            BatchRequest::Batch(_) => OperationLabel {
                operation_type: "batch",
                root_field: OTHER.into(),
            },
        }
    }

    fn label_of(
        &self,
        request: &Request,
        cached: impl Fn(&str) -> Option<Arc<ExecutableDocument>>,
    ) -> OperationLabel {
        let unknown = OperationLabel {
            operation_type: OTHER,
            root_field: OTHER.into(),
        };
        // A document the executor refuses (too deep, too many aliases) is still labelled.
        let document = match cached(&request.query) {
            Some(document) => document,
            None => match async_graphql::parser::parse_query(&request.query) {
                Ok(document) => Arc::new(document),
                Err(_) => return unknown,
            },
        };
        let operation = match (&document.operations, request.operation_name.as_deref()) {
            (DocumentOperations::Single(op), _) => Some(op),
            (DocumentOperations::Multiple(ops), Some(name)) => ops
                .iter()
                .find(|(n, _)| n.as_str() == name)
                .map(|(_, op)| op),
            (DocumentOperations::Multiple(ops), None) if ops.len() == 1 => {
                ops.iter().next().map(|(_, op)| op)
            }
            (DocumentOperations::Multiple(_), None) => None,
        };
        let Some(operation) = operation else {
            return unknown;
        };
        let (operation_type, known) = match operation.node.ty {
            OperationType::Query => ("query", &self.query),
            OperationType::Mutation => ("mutation", &self.mutation),
            OperationType::Subscription => ("subscription", &self.subscription),
        };
        let mut names = HashSet::new();
        root_names(&document, &operation.node.selection_set.node, &mut names, 4);
        names.remove("__typename");
        let root_field = match names.len() {
            0 => OTHER.to_owned(),
            1 => names
                .into_iter()
                .next()
                .filter(|n| known.contains(n) || matches!(n.as_str(), "__schema" | "__type"))
                .unwrap_or_else(|| OTHER.to_owned()),
            _ => "multiple".to_owned(),
        };
        OperationLabel {
            operation_type,
            root_field,
        }
    }
}

/// The field names selected at the root, through fragments up to `depth` levels.
fn root_names(
    document: &ExecutableDocument,
    set: &SelectionSet,
    names: &mut HashSet<String>,
    depth: usize,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                names.insert(field.node.name.node.to_string());
            }
            Selection::InlineFragment(fragment) if depth > 0 => root_names(
                document,
                &fragment.node.selection_set.node,
                names,
                depth - 1,
            ),
            Selection::FragmentSpread(spread) if depth > 0 => {
                if let Some(fragment) = document.fragments.get(&spread.node.fragment_name.node) {
                    root_names(
                        document,
                        &fragment.node.selection_set.node,
                        names,
                        depth - 1,
                    );
                }
            }
            _ => {}
        }
    }
}

/// The operation's name for logs and metrics: `operationName`, else the name in the document.
pub(crate) fn operation_name(batch: &BatchRequest) -> String {
    let names: Vec<String> = batch
        .iter()
        .map(|r| {
            r.operation_name
                .clone()
                .or_else(|| name_in_document(&r.query))
                .unwrap_or_else(|| "anonymous".into())
        })
        .map(|name| name.chars().take(64).collect::<String>())
        .collect();
    names.join(",")
}

fn name_in_document(query: &str) -> Option<String> {
    let rest = query.trim_start();
    let rest = ["query", "mutation", "subscription"]
        .iter()
        .find_map(|k| rest.strip_prefix(k))?;
    let name: String = rest
        .trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .take(64)
        .collect();
    (!name.is_empty()).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(fields: &RootFields, query: &str, name: Option<&str>) -> (String, String) {
        let mut request = Request::new(query);
        request.operation_name = name.map(str::to_owned);
        let l = fields.label(&BatchRequest::Single(request), |_| None);
        (l.operation_type.to_owned(), l.root_field)
    }

    #[test]
    fn labels_come_from_the_schema_not_the_client() {
        let fields = RootFields::from_sdl(
            "type Query { me: String alliances: String } type Mutation { login: String }",
        );
        let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
        assert_eq!(
            label(&fields, "query Anything123 { me }", None),
            pair("query", "me")
        );
        assert_eq!(
            label(&fields, "mutation X { login }", Some("X")),
            pair("mutation", "login")
        );
        assert_eq!(
            label(&fields, "{ me alliances }", None),
            pair("query", "multiple")
        );
        assert_eq!(
            label(&fields, "{ doesNotExist }", None),
            pair("query", "other")
        );
        assert_eq!(
            label(&fields, "mutation { me }", None),
            pair("mutation", "other")
        );
        assert_eq!(
            label(&fields, "query A { me } query B { alliances }", Some("B")),
            pair("query", "alliances")
        );
        assert_eq!(
            label(&fields, "query A { me } query B { alliances }", Some("C")),
            pair("other", "other")
        );
        assert_eq!(label(&fields, "not graphql", None), pair("other", "other"));
        assert_eq!(
            label(
                &fields,
                "{ ...F } fragment F on Query { me __typename }",
                None
            ),
            pair("query", "me")
        );
    }

    #[test]
    fn operation_names_come_from_the_document() {
        assert_eq!(
            name_in_document("query Profile { me { name } }").as_deref(),
            Some("Profile")
        );
        assert_eq!(
            name_in_document("  mutation Login($x: String) { x }").as_deref(),
            Some("Login")
        );
        assert_eq!(name_in_document("query($x: Int) { x }"), None);
        assert_eq!(name_in_document("{ me { name } }"), None);
    }
}
