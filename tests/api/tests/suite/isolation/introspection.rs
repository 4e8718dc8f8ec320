//! The schema as the running server describes it, and a small builder of selections from it: the
//! isolation tests never name a field, so a new field or type is covered the day it lands.

use alliance_tests::TestApp;
use serde_json::{Value, json};
use std::collections::BTreeMap;

const INTROSPECTION: &str = "
fragment Ref on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }
query {
  __schema {
    types {
      kind name description
      fields(includeDeprecated: true) {
        name description
        args { name description defaultValue type { ...Ref } }
        type { ...Ref }
      }
      inputFields { name description defaultValue type { ...Ref } }
      enumValues(includeDeprecated: true) { name description }
      possibleTypes { name }
    }
  }
}";

/// Fields whose required arguments the builder cannot make up: they are left out of every
/// selection, and listed here so a reader sees what the walk does not cover. Empty today: no
/// field of an object type has a required argument.
pub const SKIPPED_FIELDS: &[&str] = &[];

/// Values for required arguments of object fields, by `Type.field.argument`. A required argument
/// that is neither here nor in [`SKIPPED_FIELDS`] stops the test, so it is never silently dropped.
pub const REQUIRED_ARGUMENTS: &[(&str, &str)] = &[];

/// How many rows a connection or list argument asks for: enough to see a leak, small enough for
/// the complexity limit.
const PAGE: u32 = 3;

/// A type reference with its wrappers taken off.
#[derive(Debug, Clone)]
pub struct Named {
    pub name: String,
    pub kind: String,
}

pub fn named(type_ref: &Value) -> Named {
    let mut current = type_ref;
    while current["name"].is_null() && !current["ofType"].is_null() {
        current = &current["ofType"];
    }
    Named {
        name: current["name"].as_str().unwrap_or_default().to_owned(),
        kind: current["kind"].as_str().unwrap_or_default().to_owned(),
    }
}

pub struct Schema {
    pub types: BTreeMap<String, Value>,
}

impl Schema {
    /// Runs the introspection query against the test server.
    pub async fn load(app: &TestApp) -> Self {
        let answer = app.gql(None, INTROSPECTION, json!({})).await;
        let types = answer.ok()["__schema"]["types"]
            .as_array()
            .expect("introspection lists types")
            .iter()
            .map(|t| (t["name"].as_str().unwrap_or_default().to_owned(), t.clone()))
            .collect();
        Self { types }
    }

    pub fn ty(&self, name: &str) -> &Value {
        self.types
            .get(name)
            .unwrap_or_else(|| panic!("type {name} is not in the schema"))
    }

    pub fn fields(&self, name: &str) -> &[Value] {
        self.ty(name)["fields"]
            .as_array()
            .map_or(&[], Vec::as_slice)
    }

    pub fn field(&self, ty: &str, field: &str) -> Option<&Value> {
        self.fields(ty).iter().find(|f| f["name"] == field)
    }

    /// Every object type that implements `Node`.
    pub fn node_types(&self) -> Vec<String> {
        self.ty("Node")["possibleTypes"]
            .as_array()
            .expect("Node has implementations")
            .iter()
            .map(|t| t["name"].as_str().unwrap_or_default().to_owned())
            .collect()
    }

    /// For a Relay connection type, the type of its nodes.
    pub fn connection_node(&self, name: &str) -> Option<String> {
        if !name.ends_with("Connection") {
            return None;
        }
        self.field(name, "nodes").map(|f| named(&f["type"]).name)
    }

    fn is_leaf(&self, name: &str) -> bool {
        matches!(self.ty(name)["kind"].as_str(), Some("SCALAR" | "ENUM"))
    }

    /// The arguments to write after a field, or `None` when the field must be skipped.
    fn arguments(ty: &str, field: &Value) -> Option<String> {
        let name = field["name"].as_str().unwrap_or_default();
        if SKIPPED_FIELDS.contains(&format!("{ty}.{name}").as_str()) {
            return None;
        }
        let mut written = Vec::new();
        for arg in field["args"].as_array().map_or(&[][..], Vec::as_slice) {
            let arg_name = arg["name"].as_str().unwrap_or_default();
            let key = format!("{ty}.{name}.{arg_name}");
            if let Some((_, value)) = REQUIRED_ARGUMENTS.iter().find(|(k, _)| *k == key) {
                written.push(format!("{arg_name}: {value}"));
            } else if arg_name == "first" {
                written.push(format!("first: {PAGE}"));
            } else if arg["type"]["kind"] == "NON_NULL" && arg["defaultValue"].is_null() {
                panic!(
                    "{key} is required and the isolation walk cannot make it up: \
                     give it a value in REQUIRED_ARGUMENTS or list {ty}.{name} in SKIPPED_FIELDS"
                );
            }
        }
        Some(if written.is_empty() {
            String::new()
        } else {
            format!("({})", written.join(", "))
        })
    }

    /// A selection of every field of `ty`: its scalars, and `depth` levels of objects below it
    /// (connections as `totalCount nodes { … }`). Every object carries `__typename`, so an answer
    /// can be checked without the query at hand.
    pub fn selection(&self, ty: &str, depth: usize) -> String {
        let mut parts = vec!["__typename".to_owned()];
        for field in self.fields(ty) {
            let name = field["name"].as_str().unwrap_or_default();
            let Some(args) = Self::arguments(ty, field) else {
                continue;
            };
            let target = named(&field["type"]);
            if depth == 0 && !self.is_leaf(&target.name) {
                continue;
            }
            parts.push(self.select_field(name, &args, &target.name, depth.saturating_sub(1)));
        }
        parts.join(" ")
    }

    /// One field with its arguments: a scalar as is, an object with its own selection `depth`
    /// levels deep, a connection as `totalCount nodes { … }`.
    pub fn select_field(&self, name: &str, args: &str, target: &str, depth: usize) -> String {
        if self.is_leaf(target) {
            format!("{name}{args}")
        } else if let Some(node) = self.connection_node(target) {
            format!(
                "{name}{args} {{ __typename totalCount nodes {{ {} }} }}",
                self.selection(&node, depth)
            )
        } else if matches!(
            self.ty(target)["kind"].as_str(),
            Some("INTERFACE" | "UNION")
        ) {
            format!("{name}{args} {{ __typename }}")
        } else {
            format!("{name}{args} {{ {} }}", self.selection(target, depth))
        }
    }

    /// `node(id:)` with a fragment for every `Node` type, each `depth` levels deep.
    pub fn node_query(&self, depth: usize) -> String {
        let fragments: Vec<String> = self
            .node_types()
            .iter()
            .map(|ty| format!("... on {ty} {{ {} }}", self.selection(ty, depth)))
            .collect();
        format!(
            "query($id: ID!) {{ node(id: $id) {{ __typename {} }} }}",
            fragments.join(" ")
        )
    }

    /// Mutations with an `ID` somewhere in their input, with the input fields that carry one.
    pub fn mutations_taking_ids(&self) -> BTreeMap<String, Vec<String>> {
        let mut found = BTreeMap::new();
        for mutation in self.fields("Mutation") {
            let mut id_fields = Vec::new();
            for arg in mutation["args"].as_array().map_or(&[][..], Vec::as_slice) {
                let arg_type = named(&arg["type"]);
                if arg_type.name == "ID" {
                    id_fields.push(arg["name"].as_str().unwrap_or_default().to_owned());
                } else if arg_type.kind == "INPUT_OBJECT" {
                    self.id_input_fields(&arg_type.name, "", &mut id_fields, 0);
                }
            }
            if !id_fields.is_empty() {
                found.insert(
                    mutation["name"].as_str().unwrap_or_default().to_owned(),
                    id_fields,
                );
            }
        }
        found
    }

    fn id_input_fields(&self, input: &str, prefix: &str, out: &mut Vec<String>, depth: usize) {
        if depth > 4 {
            return;
        }
        for field in self.ty(input)["inputFields"]
            .as_array()
            .map_or(&[][..], Vec::as_slice)
        {
            let name = format!("{prefix}{}", field["name"].as_str().unwrap_or_default());
            let field_type = named(&field["type"]);
            if field_type.name == "ID" {
                out.push(name);
            } else if field_type.kind == "INPUT_OBJECT" {
                self.id_input_fields(&field_type.name, &format!("{name}."), out, depth + 1);
            }
        }
    }

    /// The input type of a mutation's `input` argument.
    pub fn mutation_input(&self, mutation: &str) -> String {
        let field = self
            .field("Mutation", mutation)
            .unwrap_or_else(|| panic!("no mutation {mutation}"));
        field["args"]
            .as_array()
            .and_then(|args| args.iter().find(|a| a["name"] == "input"))
            .map(|a| named(&a["type"]).name)
            .unwrap_or_else(|| panic!("{mutation} takes no `input`"))
    }
}

/// Whether an answer holds nothing: null, an empty list, or an empty connection.
pub fn is_empty(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::Array(items) => items.is_empty(),
        Value::Object(object) if object.contains_key("totalCount") => {
            object["totalCount"] == 0 && object.get("nodes").is_none_or(is_empty)
        }
        _ => false,
    }
}

/// A value shortened for a report line.
pub fn short(value: &Value) -> String {
    let text = value.to_string();
    if text.chars().count() > 80 {
        format!("{}…", text.chars().take(80).collect::<String>())
    } else {
        text
    }
}

/// Every object with `__typename` and `id` in an answer, wherever it is.
pub fn objects_with_ids<'a>(value: &'a Value, out: &mut Vec<(String, String, &'a Value)>) {
    match value {
        Value::Object(object) => {
            if let (Some(Value::String(ty)), Some(Value::String(id))) =
                (object.get("__typename"), object.get("id"))
            {
                out.push((ty.clone(), id.clone(), value));
            }
            for child in object.values() {
                objects_with_ids(child, out);
            }
        }
        Value::Array(items) => {
            for item in items {
                objects_with_ids(item, out);
            }
        }
        _ => {}
    }
}
