//! Response keys in selection order, as the GraphQL spec asks (§7.1.2 "Serialized Map Ordering").
//!
//! The executor resolves the fields of an object concurrently and inserts each as it completes,
//! so a field that waits on a loader (`agendaItems`) lands after one that did not
//! (`attendances`). This extension puts every object of the answer back in the order of
//! CollectFields: first occurrence of each response key, fragments expanded in place, for queries
//! and mutations over HTTP and for every event of a subscription over the WebSocket.

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextExecute, NextParseQuery, NextPrepareRequest,
    NextSubscribe,
};
use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Request, Response, ServerResult, Value, Variables};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use std::sync::{Arc, Mutex};

/// The schema extension; see the module documentation.
pub struct FieldOrder;

impl ExtensionFactory for FieldOrder {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(FieldOrderExtension::default())
    }
}

#[derive(Default)]
struct State {
    operation_name: Option<String>,
    doc: Option<Arc<ExecutableDocument>>,
}

#[derive(Default)]
struct FieldOrderExtension {
    state: Arc<Mutex<State>>,
}

/// The response keys of a selection set in order, each with every selection set under it.
type Grouped<'a> = Vec<(&'a Name, Vec<&'a SelectionSet>)>;

fn collect<'a>(
    doc: &'a ExecutableDocument,
    set: &'a SelectionSet,
    fragments: &mut Vec<&'a Name>,
    out: &mut Grouped<'a>,
) {
    for item in &set.items {
        match &item.node {
            Selection::Field(field) => {
                let key = &field.node.response_key().node;
                let child = &field.node.selection_set.node;
                match out.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, sets)) => sets.push(child),
                    None => out.push((key, vec![child])),
                }
            }
            Selection::InlineFragment(fragment) => {
                collect(doc, &fragment.node.selection_set.node, fragments, out)
            }
            Selection::FragmentSpread(spread) => {
                let name = &spread.node.fragment_name.node;
                if fragments.contains(&name) {
                    continue;
                }
                if let Some(fragment) = doc.fragments.get(name) {
                    fragments.push(name);
                    collect(doc, &fragment.node.selection_set.node, fragments, out);
                    fragments.pop();
                }
            }
        }
    }
}

fn grouped<'a>(doc: &'a ExecutableDocument, sets: &[&'a SelectionSet]) -> Grouped<'a> {
    let mut out = Vec::new();
    for set in sets {
        collect(doc, set, &mut Vec::new(), &mut out);
    }
    out
}

/// Puts the keys of `value` (an object, or a list of them at any depth) in selection order.
fn reorder(doc: &ExecutableDocument, value: &mut Value, fields: &Grouped<'_>) {
    match value {
        Value::List(items) => {
            for item in items {
                reorder(doc, item, fields);
            }
        }
        Value::Object(map) => {
            let mut old = std::mem::take(map);
            for (key, sets) in fields {
                if let Some(mut child) = old.shift_remove(*key) {
                    if matches!(child, Value::Object(_) | Value::List(_)) {
                        reorder(doc, &mut child, &grouped(doc, sets));
                    }
                    map.insert((*key).clone(), child);
                }
            }
            // Nothing should be left; if something is, it is kept, last.
            map.extend(old);
        }
        _ => {}
    }
}

/// Reorders the data of `response` by the operation of `doc` it answers.
pub fn in_selection_order(
    doc: &ExecutableDocument,
    operation_name: Option<&str>,
    response: &mut Response,
) {
    let operation = doc
        .operations
        .iter()
        .find(|(name, _)| match operation_name {
            Some(wanted) => name.is_some_and(|n| n.as_str() == wanted),
            None => true,
        })
        .map(|(_, operation)| operation);
    if let Some(operation) = operation {
        let fields = grouped(doc, &[&operation.node.selection_set.node]);
        reorder(doc, &mut response.data, &fields);
    }
}

impl FieldOrderExtension {
    fn apply(state: &Mutex<State>, response: &mut Response) {
        let (doc, name) = match state.lock() {
            Ok(state) => (state.doc.clone(), state.operation_name.clone()),
            Err(_) => return,
        };
        if let Some(doc) = doc {
            in_selection_order(&doc, name.as_deref(), response);
        }
    }
}

#[async_graphql::async_trait::async_trait]
impl Extension for FieldOrderExtension {
    async fn prepare_request(
        &self,
        ctx: &ExtensionContext<'_>,
        request: Request,
        next: NextPrepareRequest<'_>,
    ) -> ServerResult<Request> {
        if let Ok(mut state) = self.state.lock() {
            state.operation_name = request.operation_name.clone();
        }
        next.run(ctx, request).await
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        let doc = next.run(ctx, query, variables).await?;
        if let Ok(mut state) = self.state.lock() {
            state.doc = Some(Arc::new(doc.clone()));
        }
        Ok(doc)
    }

    async fn execute(
        &self,
        ctx: &ExtensionContext<'_>,
        operation_name: Option<&str>,
        next: NextExecute<'_>,
    ) -> Response {
        let mut response = next.run(ctx, operation_name).await;
        Self::apply(&self.state, &mut response);
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let state = self.state.clone();
        next.run(ctx, stream)
            .map(move |mut response| {
                Self::apply(&state, &mut response);
                response
            })
            .boxed()
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::{Response, Value};

    fn keys(value: &Value) -> Vec<String> {
        match value {
            Value::Object(map) => map.keys().map(ToString::to_string).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn objects_follow_the_selection_with_fragments_and_aliases() {
        let doc = async_graphql::parser::parse_query(
            "query Q { m { c ...F b: x { z y } } } fragment F on M { a c }",
        )
        .unwrap_or_else(|e| panic!("{e}"));
        let data = Value::from_json(serde_json::json!({
            "m": [{ "b": { "y": 1, "z": 2 }, "a": 1, "c": 2 }]
        }))
        .unwrap_or_default();
        let mut response = Response::new(data);
        super::in_selection_order(&doc, Some("Q"), &mut response);
        let Value::Object(root) = &response.data else {
            panic!("an object")
        };
        let Some(Value::List(items)) = root.get("m") else {
            panic!("a list")
        };
        assert_eq!(keys(&items[0]), ["c", "a", "b"]);
        let Value::Object(first) = &items[0] else {
            panic!("an object")
        };
        assert_eq!(keys(&first["b"]), ["z", "y"]);
    }
}
