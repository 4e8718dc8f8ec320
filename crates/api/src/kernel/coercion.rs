//! What a coercion failure is about: the argument, and inside it the value that did not parse.
//!
//! async-graphql reports a value that does not parse (`Failed to parse "DateTime": …`, `Expected
//! input type "Int", found 1.5`, `Only integers from …`) against the argument, with the scalar's
//! name but not where it sits inside an input object. The argument's declared type and value
//! (variables in place) are recorded before execution; the failing type is then looked for along
//! the value, so `extensions.field` names e.g. `input.startsAt`.

use async_graphql::registry::{MetaType, MetaTypeName, Registry};
use async_graphql::{InputType, Pos, Response, Value};

/// One argument of the document.
#[derive(Clone, Debug)]
pub struct Argument {
    /// Where its value starts: parse errors of execution point there.
    pub pos: Pos,
    /// Where its field starts: those of validation (the cost of `first`) point there.
    pub field_pos: Pos,
    pub name: String,
    /// Its declared type (`ScheduleMeetingInput!`), when the walk found the field in the schema.
    pub ty: Option<String>,
    /// Its value with the request's variables in place.
    pub value: Value,
}

impl Argument {
    /// The dotted path of the value a coercion `message` is about, if it is in this argument.
    fn find(&self, registry: &Registry, message: &str) -> Option<String> {
        let failing = first_quoted(message)?;
        let mut path = vec![self.name.clone()];
        find(
            registry,
            self.ty.as_deref()?,
            &self.value,
            failing,
            &mut path,
        )
    }
}

/// The value a coercion error at `at` is about: inside the argument that starts there (else the
/// argument's name), or inside one of the arguments of the field that starts there.
fn locate(arguments: &[Argument], registry: &Registry, at: Pos, message: &str) -> Option<String> {
    if let Some(argument) = arguments.iter().find(|a| a.pos == at) {
        return Some(
            argument
                .find(registry, message)
                .unwrap_or_else(|| argument.name.clone()),
        );
    }
    arguments
        .iter()
        .filter(|a| a.field_pos == at)
        .find_map(|a| a.find(registry, message))
}

/// `Failed to parse "DateTime": …` → `DateTime`.
fn first_quoted(message: &str) -> Option<&str> {
    let (_, rest) = message.split_once('"')?;
    let (name, _) = rest.split_once('"')?;
    Some(name)
}

/// Whether `value` parses as the named scalar or enum; unknown types count as not parsing, so
/// that their first occurrence is named.
fn parses(registry: &Registry, name: &str, value: &Value) -> bool {
    let v = Some(value.clone());
    match name {
        "String" => String::parse(v).is_ok(),
        "Int" => i32::parse(v).is_ok(),
        "Float" => f64::parse(v).is_ok(),
        "Boolean" => bool::parse(v).is_ok(),
        "ID" => async_graphql::ID::parse(v).is_ok(),
        "DateTime" => chrono::DateTime::<chrono::Utc>::parse(v).is_ok(),
        "NaiveDate" => chrono::NaiveDate::parse(v).is_ok(),
        _ => match (registry.types.get(name), value) {
            (Some(MetaType::Enum { enum_values, .. }), Value::Enum(n)) => {
                enum_values.contains_key(n.as_str())
            }
            (Some(MetaType::Enum { enum_values, .. }), Value::String(n)) => {
                enum_values.contains_key(n.as_str())
            }
            _ => false,
        },
    }
}

/// The first place along `value` (of declared type `ty`) where a value of type `failing` does not
/// parse.
fn find(
    registry: &Registry,
    ty: &str,
    value: &Value,
    failing: &str,
    path: &mut Vec<String>,
) -> Option<String> {
    match MetaTypeName::create(ty) {
        MetaTypeName::NonNull(inner) => find(registry, inner, value, failing, path),
        MetaTypeName::List(inner) => match value {
            Value::List(items) => items.iter().enumerate().find_map(|(i, item)| {
                path.push(i.to_string());
                let found = find(registry, inner, item, failing, path);
                path.pop();
                found
            }),
            other => find(registry, inner, other, failing, path),
        },
        MetaTypeName::Named(name) => {
            if *value == Value::Null {
                return None;
            }
            if let Some(MetaType::InputObject { input_fields, .. }) = registry.types.get(name) {
                let Value::Object(fields) = value else {
                    return (name == failing).then(|| path.join("."));
                };
                return fields.iter().find_map(|(key, item)| {
                    let field = input_fields.get(key.as_str())?;
                    path.push(key.to_string());
                    let found = find(registry, &field.ty, item, failing, path);
                    path.pop();
                    found
                });
            }
            (name == failing && !parses(registry, name, value)).then(|| path.join("."))
        }
    }
}

/// The argument path named in a validation message: `Invalid value for argument "input.startsAt", …`.
fn quoted_path(message: &str) -> Option<String> {
    let rest = message.strip_prefix("Invalid value for argument \"")?;
    let (path, _) = rest.split_once('"')?;
    Some(path.to_owned())
}

/// Whether an error of `response` is a value that did not parse and carries no code yet: only then
/// are the document's arguments needed (see [`add_missing_codes`]).
pub fn needs_arguments(response: &Response) -> bool {
    response.errors.iter().any(|error| {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|e| e.get("code").is_some());
        !has_code && unparsed(&error.message)
    })
}

fn unparsed(message: &str) -> bool {
    message.starts_with("Failed to parse")
        || message.starts_with("Expected input type")
        || message.starts_with("Invalid value for argument")
}

/// Errors from parsing and validation (depth, complexity, unknown fields) carry no code of their
/// own: they are the client's mistake, and their message helps. An argument or variable that
/// does not parse is the client's mistake too (its argument goes in `extensions.field` when it is
/// known). Any other resolver error without a code is internal: its message (which may hold SQL,
/// paths or data) is logged with the path and replaced by a generic one.
pub fn add_missing_codes(response: &mut Response, arguments: &[Argument], registry: &Registry) {
    for error in &mut response.errors {
        let has_code = error
            .extensions
            .as_ref()
            .is_some_and(|e| e.get("code").is_some());
        if has_code {
            continue;
        }
        let unparsed = unparsed(&error.message);
        let bad_input = error.path.is_empty() || unparsed;
        let mut field = None;
        let code = if bad_input {
            if unparsed {
                field = quoted_path(&error.message).or_else(|| {
                    let at = error.locations.first()?;
                    locate(arguments, registry, *at, &error.message)
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
        let registry = async_graphql::registry::Registry::default();
        let argument = super::Argument {
            pos: at,
            field_pos: Pos::default(),
            name: "input".into(),
            ty: None,
            value: async_graphql::Value::Null,
        };
        super::add_missing_codes(&mut response, &[argument], &registry);
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
}
