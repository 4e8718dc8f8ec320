//! Honest error codes for whatever a client sends, on every transport (HTTP and WebSocket run
//! through the same executor, `kernel::executor`, which calls these once per operation):
//!
//! - strings with a NUL byte or longer than [`MAX_STRING_BYTES`] are refused before anything
//!   runs, in variables and in inline literals alike, naming the value's path in
//!   `extensions.field` (Postgres cannot store U+0000 and would answer with an internal error);
//! - errors that carry no code get one (see [`add_missing_codes`]): input that does not parse
//!   (a malformed `DateTime`, an `Int` out of range inside an input object, …) is
//!   `BAD_USER_INPUT` naming the argument, anything else a resolver returns uncoded is `INTERNAL`
//!   with its message logged and replaced.

use crate::kernel::coercion::Argument;
use async_graphql::parser::types::OperationType;
use async_graphql::parser::types::{
    Directive, ExecutableDocument, FragmentDefinition, Selection, SelectionSet,
};
use async_graphql::registry::{MetaField, MetaType, MetaTypeName, Registry};
use async_graphql::{
    ErrorExtensionValues, Pos, Positioned, ServerError, ServerResult, Value, Variables,
};

/// The longest string any argument may carry, in bytes, whatever the field (fields have tighter
/// limits of their own; this one keeps a hostile value from reaching them at all).
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

/// What is wrong with a string, if anything.
fn string_problem(value: &str) -> Option<String> {
    if value.contains('\0') {
        Some("contains a NUL character (U+0000), which is not allowed".into())
    } else if value.len() > MAX_STRING_BYTES {
        Some(format!(
            "is {} bytes long; no string may be longer than {MAX_STRING_BYTES} bytes",
            value.len()
        ))
    } else {
        None
    }
}

fn refused(pos: Option<Pos>, field: &str, variable: Option<&str>, problem: &str) -> ServerError {
    let message = match variable {
        Some(name) => format!("the value at \"{field}\" (variable ${name}) {problem}"),
        None => format!("the value at \"{field}\" {problem}"),
    };
    let mut error = ServerError::new(message, pos);
    let mut extensions = ErrorExtensionValues::default();
    extensions.set("code", "BAD_USER_INPUT");
    extensions.set("field", field);
    if let Some(name) = variable {
        extensions.set("variable", name);
    }
    error.extensions = Some(extensions);
    error
}

/// The first bad string inside a constant value (a variable or a default), with its path.
fn check_const(value: &Value, path: &mut Vec<String>) -> Option<(String, String)> {
    match value {
        Value::String(s) => string_problem(s).map(|p| (path.join("."), p)),
        Value::List(items) => items.iter().enumerate().find_map(|(i, item)| {
            path.push(i.to_string());
            let found = check_const(item, path);
            path.pop();
            found
        }),
        Value::Object(fields) => fields.iter().find_map(|(key, item)| {
            if key.contains('\0') {
                return Some((path.join("."), "has a key with a NUL character".into()));
            }
            path.push(key.to_string());
            let found = check_const(item, path);
            path.pop();
            found
        }),
        _ => None,
    }
}

/// The arguments of a field or directive: name, position, the literal as a constant (its
/// variables, checked apart, as null) and with the request's variables in place.
macro_rules! constant_arguments {
    ($arguments:expr, $variables:expr) => {
        $arguments.iter().map(|(name, value)| {
            let literal = value
                .node
                .clone()
                .into_const_with(|_| Ok::<_, std::convert::Infallible>(Value::Null))
                .unwrap_or_default();
            let resolved = value
                .node
                .clone()
                .into_const_with(|var| {
                    Ok::<_, std::convert::Infallible>(
                        $variables.get(&var).cloned().unwrap_or_default(),
                    )
                })
                .unwrap_or_default();
            (name.node.to_string(), value.pos, literal, resolved)
        })
    };
}

/// Walks the selections (following the types of the schema): checks every inline literal and
/// records every argument, where it is, its type and its value.
struct Walker<'a> {
    doc: &'a ExecutableDocument,
    registry: &'a Registry,
    variables: &'a Variables,
    arguments: Vec<Argument>,
    budget: usize,
}

impl<'a> Walker<'a> {
    fn arguments(
        &mut self,
        field_pos: Pos,
        field: Option<&MetaField>,
        arguments: impl Iterator<Item = (String, Pos, Value, Value)>,
    ) -> ServerResult<()> {
        for (name, pos, literal, value) in arguments {
            let mut path = vec![name.clone()];
            if let Some((field, problem)) = check_const(&literal, &mut path) {
                return Err(refused(Some(pos), &field, None, &problem));
            }
            let ty = field.and_then(|f| f.args.get(&name)).map(|a| a.ty.clone());
            self.arguments.push(Argument {
                pos,
                field_pos,
                name,
                ty,
                value,
            });
        }
        Ok(())
    }

    fn directives(&mut self, directives: &[Positioned<Directive>]) -> ServerResult<()> {
        for directive in directives {
            self.arguments(
                directive.pos,
                None,
                constant_arguments!(directive.node.arguments, self.variables),
            )?;
        }
        Ok(())
    }

    fn selections(&mut self, set: &SelectionSet, parent: Option<&'a MetaType>) -> ServerResult<()> {
        for item in &set.items {
            // Fragments are walked once each (below), so this stays linear in the document.
            if self.budget == 0 {
                return Ok(());
            }
            self.budget -= 1;
            match &item.node {
                Selection::Field(field) => {
                    let meta = parent.and_then(|p| p.field_by_name(&field.node.name.node));
                    self.arguments(
                        field.pos,
                        meta,
                        constant_arguments!(field.node.arguments, self.variables),
                    )?;
                    self.directives(&field.node.directives)?;
                    let child = meta.and_then(|m| {
                        self.registry
                            .types
                            .get(MetaTypeName::concrete_typename(&m.ty))
                    });
                    self.selections(&field.node.selection_set.node, child)?;
                }
                Selection::InlineFragment(fragment) => {
                    self.directives(&fragment.node.directives)?;
                    let on = match &fragment.node.type_condition {
                        Some(condition) => self.registry.types.get(condition.node.on.node.as_str()),
                        None => parent,
                    };
                    self.selections(&fragment.node.selection_set.node, on)?;
                }
                Selection::FragmentSpread(spread) => {
                    self.directives(&spread.node.directives)?;
                }
            }
        }
        Ok(())
    }

    fn fragment(&mut self, fragment: &Positioned<FragmentDefinition>) -> ServerResult<()> {
        self.directives(&fragment.node.directives)?;
        let on = self
            .registry
            .types
            .get(fragment.node.type_condition.node.on.node.as_str());
        self.selections(&fragment.node.selection_set.node, on)
    }

    fn document(&mut self) -> ServerResult<()> {
        let doc: &'a ExecutableDocument = self.doc;
        for (_, operation) in doc.operations.iter() {
            for definition in &operation.node.variable_definitions {
                if let Some(default) = &definition.node.default_value {
                    let name = definition.node.name.node.to_string();
                    let mut path = vec![name.clone()];
                    if let Some((field, problem)) = check_const(&default.node, &mut path) {
                        return Err(refused(Some(default.pos), &field, Some(&name), &problem));
                    }
                }
            }
            self.directives(&operation.node.directives)?;
            let root = match operation.node.ty {
                OperationType::Query => Some(self.registry.query_type.as_str()),
                OperationType::Mutation => self.registry.mutation_type.as_deref(),
                OperationType::Subscription => self.registry.subscription_type.as_deref(),
            };
            let root = root.and_then(|name| self.registry.types.get(name));
            self.selections(&operation.node.selection_set.node, root)?;
        }
        for fragment in doc.fragments.values() {
            self.fragment(fragment)?;
        }
        Ok(())
    }
}

/// Refuses a bad string in the request's variables, naming its path.
pub fn check_variables(variables: &Variables) -> ServerResult<()> {
    for (name, value) in variables.iter() {
        let mut path = vec![name.to_string()];
        if let Some((field, problem)) = check_const(value, &mut path) {
            return Err(refused(None, &field, Some(name.as_str()), &problem));
        }
    }
    Ok(())
}

/// Refuses a bad inline literal (or variable default) anywhere in `doc`. It depends on the
/// document alone, so a cached document is checked once.
pub fn check_literals(doc: &ExecutableDocument, registry: &Registry) -> ServerResult<()> {
    let variables = Variables::default();
    Walker {
        doc,
        registry,
        variables: &variables,
        arguments: Vec::new(),
        budget: 100_000,
    }
    .document()
}

/// Every argument of `doc` with `variables` in place: what names the value a coercion error is
/// about. Only asked for when such an error came back.
pub fn arguments_of(
    doc: &ExecutableDocument,
    registry: &Registry,
    variables: &Variables,
) -> Vec<Argument> {
    let mut walker = Walker {
        doc,
        registry,
        variables,
        arguments: Vec::new(),
        budget: 100_000,
    };
    // Literals were checked when the document was first seen; a refusal here only stops the walk.
    let _ = walker.document();
    walker.arguments
}

#[cfg(test)]
mod tests {
    #[test]
    fn strings_with_nul_or_too_long_are_found_with_their_path() {
        let value = async_graphql::Value::from_json(serde_json::json!({
            "name": "ok", "tags": ["fine", "bad\u{0}"]
        }))
        .unwrap_or_default();
        let mut path = vec!["input".to_owned()];
        let (field, problem) = super::check_const(&value, &mut path).unwrap_or_default();
        assert_eq!(field, "input.tags.1");
        assert!(problem.contains("NUL"));
        let long = async_graphql::Value::from("x".repeat(super::MAX_STRING_BYTES + 1));
        assert!(super::check_const(&long, &mut vec!["s".into()]).is_some());
        let fine = async_graphql::Value::from("日本語 🙂 \u{202e}");
        assert!(super::check_const(&fine, &mut vec!["s".into()]).is_none());
    }
}
