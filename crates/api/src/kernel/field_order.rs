//! Response keys in selection order, as the GraphQL spec asks (§7.1.2 "Serialized Map Ordering").
//!
//! The executor resolves the fields of an object concurrently and inserts each as it completes,
//! so a field that waits on a loader (`agendaItems`) lands after one that did not
//! (`attendances`). This extension puts every object of the answer back in the order of
//! CollectFields: first occurrence of each response key, fragments expanded in place, for queries
//! and mutations over HTTP and for every event of a subscription over the WebSocket (the executor,
//! `kernel::executor`, calls [`in_selection_order`] on each answer).

use async_graphql::parser::types::{ExecutableDocument, Selection, SelectionSet};
use async_graphql::{Name, Response, Value};

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
