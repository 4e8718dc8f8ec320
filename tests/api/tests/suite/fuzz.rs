//! A fuzzer over every query and mutation of the committed SDL: each argument, and each field of
//! an input object, gets hostile values (NUL bytes, 1 MB strings, emoji, right-to-left marks and
//! combining marks, negative and huge numbers, floats for ints, malformed ids, dates and cursors,
//! wrong types) while the others get plausible ones; each request is sent anonymously and as a
//! signed-in member and as a platform admin. Whatever the answer, it is never a 5xx, never `INTERNAL`, and every error has
//! a code. Deterministic (a fixed seed picks the values) and bounded (a few values per argument,
//! a handful of requests in flight).

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

mod values;

use alliance_api::Limits;
use alliance_tests::{Options, TestApp};
use async_graphql::parser::types::{BaseType, Type};
use futures_util::StreamExt;
use serde_json::{Value, json};
use values::{Ids, Rng, Schema, hostile, load_schema, named, plausible};

/// Values per argument (or input field) drawn from its hostile list.
const PER_ARGUMENT: usize = 4;
/// Requests in flight at once.
const PARALLEL: usize = 8;
/// Mutations not sent signed in: they would end the caller's own session mid-run.
const SKIPPED: &[&str] = &["logout", "disableUser"];

/// Every hostile variant of one argument: its own hostile values and, for an input object, each
/// field's (one level down, and the next) while the rest stay plausible.
fn variants(schema: &Schema, rng: &mut Rng, ty: &Type, ids: &Ids, depth: usize) -> Vec<Value> {
    let name = named(ty);
    let mut out: Vec<Value> = rng
        .pick(&hostile(schema, name), PER_ARGUMENT)
        .into_iter()
        .cloned()
        .collect();
    if let Some(fields) = schema.inputs.get(name)
        && depth < 2
    {
        let base = plausible(schema, ty, "", ids, 0);
        let base = match (&ty.base, base) {
            (BaseType::List(_), Value::Array(mut items)) => items.pop().unwrap_or(Value::Null),
            (_, base) => base,
        };
        for field in fields {
            for value in variants(schema, rng, &field.ty.node, ids, depth + 1) {
                let mut object = base.clone();
                object[field.name.node.as_str()] = value;
                out.push(if matches!(ty.base, BaseType::List(_)) {
                    json!([object])
                } else {
                    object
                });
            }
        }
    }
    out
}

struct Case {
    query: String,
    variables: Value,
    label: String,
}

fn cases(schema: &Schema, ids: &Ids) -> Vec<Case> {
    let mut rng = Rng(0x5EED_A11A_2026_0007);
    let mut out = Vec::new();
    for (kind, field, arguments) in &schema.roots {
        let declared: Vec<String> = arguments
            .iter()
            .map(|a| format!("${}: {}", a.name.node, a.ty.node))
            .collect();
        let passed: Vec<String> = arguments
            .iter()
            .map(|a| format!("{0}: ${0}", a.name.node))
            .collect();
        let query = if arguments.is_empty() {
            format!("{kind} {{ {field} {{ __typename }} }}")
        } else {
            format!(
                "{kind}({}) {{ {field}({}) {{ __typename }} }}",
                declared.join(", "),
                passed.join(", ")
            )
        };
        let plausible_all: serde_json::Map<String, Value> = arguments
            .iter()
            .map(|a| {
                (
                    a.name.node.to_string(),
                    plausible(schema, &a.ty.node, a.name.node.as_str(), ids, 0),
                )
            })
            .collect();
        for argument in arguments {
            for value in variants(schema, &mut rng, &argument.ty.node, ids, 0) {
                let mut variables = plausible_all.clone();
                variables.insert(argument.name.node.to_string(), value);
                out.push(Case {
                    query: query.clone(),
                    variables: Value::Object(variables),
                    label: format!("{field}({})", argument.name.node),
                });
            }
        }
    }
    out
}

/// The query only selects `__typename`, which some root fields (scalars, lists of scalars) reject:
/// that validation error is coded and harmless; the fuzzer is about the arguments.
fn problems(label: &str, status: u16, body: &Value) -> Vec<String> {
    let mut found = Vec::new();
    if status >= 500 {
        found.push(format!("{label}: HTTP {status}: {}", short(body)));
    }
    if let Some(errors) = body["errors"].as_array() {
        for error in errors {
            match error["extensions"]["code"].as_str() {
                None => found.push(format!("{label}: an error without a code: {error}")),
                Some("INTERNAL") => found.push(format!("{label}: INTERNAL: {}", short(body))),
                Some(_) => {}
            }
            // A value that does not parse is named (`extensions.field`), whatever the transport.
            let message = error["message"].as_str().unwrap_or_default();
            let coercion = [
                "Failed to parse",
                "Expected input type",
                "Invalid value for argument",
            ]
            .iter()
            .any(|prefix| message.starts_with(prefix));
            if coercion && !error["extensions"]["field"].is_string() {
                found.push(format!("{label}: the bad value is not named: {error}"));
            }
        }
    }
    found
}

fn short(value: &Value) -> String {
    value.to_string().chars().take(400).collect()
}

#[tokio::test]
async fn hostile_arguments_never_answer_internal_or_5xx() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            max_body_bytes: 4 * 1024 * 1024,
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    let ids = Ids::load(&app).await;
    let member = app.token("member@example.com").await;
    let admin = app.token("admin@example.com").await;
    let schema = load_schema();
    assert!(schema.roots.len() > 40, "the SDL has its roots");
    let cases = cases(&schema, &ids);
    assert!(cases.len() > 500, "{} cases", cases.len());
    let mut requests = Vec::new();
    for case in &cases {
        requests.push((case, None));
        if !SKIPPED
            .iter()
            .any(|s| case.label.starts_with(&format!("{s}(")))
        {
            requests.push((case, Some(("member", member.as_str()))));
            requests.push((case, Some(("admin", admin.as_str()))));
        }
    }
    let total = requests.len();
    let mut outcomes: std::collections::BTreeMap<String, usize> = Default::default();
    let app = &app;
    let found: Vec<String> = futures_util::stream::iter(requests)
        .map(|(case, token)| async move {
            let mut request = app
                .client
                .post(format!("{}/graphql", app.url))
                .json(&json!({ "query": case.query, "variables": case.variables }));
            if let Some((_, token)) = token {
                request = request.bearer_auth(token);
            }
            let response = request.send().await.unwrap();
            let status = response.status().as_u16();
            let text = response.text().await.unwrap();
            let body: Value = serde_json::from_str(&text)
                .unwrap_or_else(|_| json!({ "errors": [{ "message": text }] }));
            let who = token.map_or("anonymous", |(who, _)| who);
            let outcome = match body["errors"][0]["extensions"]["code"].as_str() {
                Some(code) if std::env::var("FUZZ_DEBUG").is_ok() => format!(
                    "{code} {} {}",
                    case.label,
                    body["errors"][0]["message"]
                        .as_str()
                        .unwrap_or("")
                        .chars()
                        .take(70)
                        .collect::<String>()
                ),
                Some(code) => code.to_owned(),
                None => format!("HTTP {status} without errors"),
            };
            (
                outcome,
                problems(&format!("{} as {who}", case.label), status, &body),
            )
        })
        .buffer_unordered(PARALLEL)
        .collect::<Vec<_>>()
        .await
        .into_iter()
        .flat_map(|(outcome, problems)| {
            *outcomes.entry(outcome).or_insert(0usize) += 1;
            problems
        })
        .collect();
    eprintln!("{total} requests: {outcomes:?}");
    // The values reached the resolvers, not only the validation: some answers are payloads or
    // domain errors, and some are refusals of the input guard.
    assert!(
        outcomes
            .get("HTTP 200 without errors")
            .copied()
            .unwrap_or(0)
            > 50,
        "{outcomes:?}"
    );
    assert!(outcomes.len() >= 4, "{outcomes:?}");
    assert!(
        found.is_empty(),
        "{} problems in {total} requests:\n{}",
        found.len(),
        found
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
