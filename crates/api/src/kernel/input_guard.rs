//! Honest error codes for whatever a client sends, on every transport (HTTP and WebSocket run the
//! same schema, so this one extension serves both):
//!
//! - strings with a NUL byte or longer than [`MAX_STRING_BYTES`] are refused before anything
//!   runs, in variables and in inline literals alike, naming the value's path in
//!   `extensions.field` (Postgres cannot store U+0000 and would answer with an internal error);
//! - errors that carry no code get one (see [`add_missing_codes`]): input that does not parse
//!   (a malformed `DateTime`, an `Int` out of range inside an input object, …) is
//!   `BAD_USER_INPUT` naming the argument, anything else a resolver returns uncoded is `INTERNAL`
//!   with its message logged and replaced.

use async_graphql::extensions::{
    Extension, ExtensionContext, ExtensionFactory, NextParseQuery, NextRequest, NextSubscribe,
};
use async_graphql::parser::types::{
    Directive, ExecutableDocument, FragmentDefinition, Selection, SelectionSet,
};
use async_graphql::{
    ErrorExtensionValues, Pos, Positioned, Response, ServerError, ServerResult, Value, Variables,
};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use std::sync::{Arc, Mutex};

/// The longest string any argument may carry, in bytes, whatever the field (fields have tighter
/// limits of their own; this one keeps a hostile value from reaching them at all).
pub const MAX_STRING_BYTES: usize = 1024 * 1024;

/// The schema extension; see the module documentation.
pub struct InputGuard;

impl ExtensionFactory for InputGuard {
    fn create(&self) -> Arc<dyn Extension> {
        Arc::new(InputGuardExtension::default())
    }
}

/// Where each argument of the document sits, to name the argument of a parse error.
type ArgumentPositions = Arc<Mutex<Vec<(Pos, String)>>>;

#[derive(Default)]
struct InputGuardExtension {
    arguments: ArgumentPositions,
}

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

/// A literal of the document as a constant: its variables (checked apart) count as null.
macro_rules! constant_arguments {
    ($arguments:expr) => {
        $arguments.iter().map(|(name, value)| {
            let constant = value
                .node
                .clone()
                .into_const_with(|_| Ok::<_, std::convert::Infallible>(Value::Null))
                .unwrap_or_default();
            (name.node.to_string(), value.pos, constant)
        })
    };
}

/// Walks the selections: checks every inline literal, records where every argument is.
struct Walker<'a> {
    doc: &'a ExecutableDocument,
    arguments: Vec<(Pos, String)>,
    budget: usize,
}

impl Walker<'_> {
    fn arguments(
        &mut self,
        arguments: impl Iterator<Item = (String, Pos, Value)>,
    ) -> ServerResult<()> {
        for (name, pos, value) in arguments {
            let mut path = vec![name.clone()];
            if let Some((field, problem)) = check_const(&value, &mut path) {
                return Err(refused(Some(pos), &field, None, &problem));
            }
            self.arguments.push((pos, name));
        }
        Ok(())
    }

    fn directives(&mut self, directives: &[Positioned<Directive>]) -> ServerResult<()> {
        for directive in directives {
            self.arguments(constant_arguments!(directive.node.arguments))?;
        }
        Ok(())
    }

    fn selections(&mut self, set: &SelectionSet) -> ServerResult<()> {
        for item in &set.items {
            // Fragments are walked once each (below), so this stays linear in the document.
            if self.budget == 0 {
                return Ok(());
            }
            self.budget -= 1;
            match &item.node {
                Selection::Field(field) => {
                    self.arguments(constant_arguments!(field.node.arguments))?;
                    self.directives(&field.node.directives)?;
                    self.selections(&field.node.selection_set.node)?;
                }
                Selection::InlineFragment(fragment) => {
                    self.directives(&fragment.node.directives)?;
                    self.selections(&fragment.node.selection_set.node)?;
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
        self.selections(&fragment.node.selection_set.node)
    }

    fn document(&mut self) -> ServerResult<()> {
        let doc = self.doc;
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
            self.selections(&operation.node.selection_set.node)?;
        }
        for fragment in doc.fragments.values() {
            self.fragment(fragment)?;
        }
        Ok(())
    }
}

fn check_variables(variables: &Variables) -> ServerResult<()> {
    for (name, value) in variables.iter() {
        let mut path = vec![name.to_string()];
        if let Some((field, problem)) = check_const(value, &mut path) {
            return Err(refused(None, &field, Some(name.as_str()), &problem));
        }
    }
    Ok(())
}

/// The argument path named in a validation message: `Invalid value for argument "input.startsAt", …`.
fn quoted_path(message: &str) -> Option<String> {
    let rest = message.strip_prefix("Invalid value for argument \"")?;
    let (path, _) = rest.split_once('"')?;
    Some(path.to_owned())
}

/// Errors from parsing and validation (depth, complexity, unknown fields) carry no code of their
/// own: they are the client's mistake, and their message helps. An argument or variable that
/// does not parse is the client's mistake too (its argument goes in `extensions.field` when it is
/// known). Any other resolver error without a code is internal: its message (which may hold SQL,
/// paths or data) is logged with the path and replaced by a generic one.
pub fn add_missing_codes(response: &mut Response, arguments: &[(Pos, String)]) {
    for error in &mut response.errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|e| e.get("code").is_some());
        if has_code {
            continue;
        }
        let unparsed = error.message.starts_with("Failed to parse")
            || error.message.starts_with("Expected input type")
            || error.message.starts_with("Invalid value for argument");
        let bad_input = error.path.is_empty() || unparsed;
        let mut field = None;
        let code = if bad_input {
            if unparsed {
                field = quoted_path(&error.message).or_else(|| {
                    let at = error.locations.first()?;
                    arguments
                        .iter()
                        .find(|(pos, _)| pos == at)
                        .map(|(_, name)| name.clone())
                });
            }
            "BAD_USER_INPUT"
        } else {
            let path: Vec<String> = error
                .path
                .iter()
                .map(|segment| match segment {
                    async_graphql::PathSegment::Field(name) => name.clone(),
                    async_graphql::PathSegment::Index(i) => i.to_string(),
                })
                .collect();
            tracing::error!(path = %path.join("."), error = %error.message, "internal error in a resolver");
            error.message = "internal error".into();
            "INTERNAL"
        };
        let limit = if error.message.contains("nested too deep")
            || error.message.contains("recursion depth")
        {
            Some("depth")
        } else if error.message.contains("too complex") {
            Some("complexity")
        } else {
            None
        };
        let extensions = error.extensions.get_or_insert_with(Default::default);
        extensions.set("code", code);
        if let Some(limit) = limit {
            extensions.set("limit", limit);
        }
        if let Some(field) = field {
            extensions.set("field", field);
        }
    }
}

fn positions(arguments: &ArgumentPositions) -> Vec<(Pos, String)> {
    arguments.lock().map(|a| a.clone()).unwrap_or_default()
}

#[async_graphql::async_trait::async_trait]
impl Extension for InputGuardExtension {
    async fn request(&self, ctx: &ExtensionContext<'_>, next: NextRequest<'_>) -> Response {
        let mut response = next.run(ctx).await;
        add_missing_codes(&mut response, &positions(&self.arguments));
        response
    }

    fn subscribe<'s>(
        &self,
        ctx: &ExtensionContext<'_>,
        stream: BoxStream<'s, Response>,
        next: NextSubscribe<'_>,
    ) -> BoxStream<'s, Response> {
        let arguments = self.arguments.clone();
        next.run(ctx, stream)
            .map(move |mut response| {
                add_missing_codes(&mut response, &positions(&arguments));
                response
            })
            .boxed()
    }

    async fn parse_query(
        &self,
        ctx: &ExtensionContext<'_>,
        query: &str,
        variables: &Variables,
        next: NextParseQuery<'_>,
    ) -> ServerResult<ExecutableDocument> {
        check_variables(variables)?;
        let doc = next.run(ctx, query, variables).await?;
        let mut walker = Walker {
            doc: &doc,
            arguments: Vec::new(),
            budget: 100_000,
        };
        walker.document()?;
        if let Ok(mut arguments) = self.arguments.lock() {
            *arguments = walker.arguments;
        }
        Ok(doc)
    }
}

#[cfg(test)]
mod tests {
    use async_graphql::{PathSegment, Pos, Response, ServerError};

    fn code(error: &ServerError) -> Option<String> {
        error
            .extensions
            .as_ref()
            .and_then(|e| e.get("code"))
            .map(ToString::to_string)
    }

    #[test]
    fn an_uncoded_resolver_error_becomes_internal_without_its_message() {
        let mut leaked = ServerError::new(
            "error returned from database: relation \"users\" does not exist",
            None,
        );
        leaked.path = vec![
            PathSegment::Field("alliances".into()),
            PathSegment::Index(0),
        ];
        let at = Pos {
            line: 1,
            column: 30,
        };
        let mut bad_scalar = ServerError::new(
            "Failed to parse \"DateTime\": input contains invalid characters",
            Some(at),
        );
        bad_scalar.path = vec![PathSegment::Field("scheduleMeeting".into())];
        let validation = ServerError::new("Unknown field \"nope\" on type \"Query\".", None);
        let invalid = ServerError::new(
            "Invalid value for argument \"input.startsAt\", expected type \"DateTime\"",
            None,
        );
        let mut response = Response::from_errors(vec![leaked, bad_scalar, validation, invalid]);
        super::add_missing_codes(&mut response, &[(at, "input".into())]);
        let [leaked, bad_scalar, validation, invalid] = &response.errors[..] else {
            panic!("four errors expected");
        };
        assert_eq!(leaked.message, "internal error");
        assert_eq!(code(leaked).as_deref(), Some("\"INTERNAL\""));
        assert!(bad_scalar.message.starts_with("Failed to parse"));
        assert_eq!(code(bad_scalar).as_deref(), Some("\"BAD_USER_INPUT\""));
        let field = |e: &ServerError| {
            e.extensions
                .as_ref()
                .and_then(|x| x.get("field"))
                .map(ToString::to_string)
        };
        assert_eq!(field(bad_scalar).as_deref(), Some("\"input\""));
        assert!(validation.message.contains("Unknown field"));
        assert_eq!(code(validation).as_deref(), Some("\"BAD_USER_INPUT\""));
        assert_eq!(field(invalid).as_deref(), Some("\"input.startsAt\""));
    }

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
