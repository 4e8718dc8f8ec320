//! A fuzzer over every query and mutation of the committed SDL: each argument, and each field of
//! an input object, gets hostile values (NUL bytes, 1 MB strings, emoji, right-to-left marks and
//! combining marks, negative and huge numbers, floats for ints, malformed ids, dates and cursors,
//! wrong types) while the others get plausible ones; each request is sent anonymously and as a
//! signed-in member and as a platform admin. Whatever the answer, it is never a 5xx, never `INTERNAL`, and every error has
//! a code. Deterministic (a fixed seed picks the values) and bounded (a few values per argument,
//! a handful of requests in flight).

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_api::Limits;
use alliance_tests::{CONSORTIUM, Options, TestApp};
use async_graphql::parser::types::{
    BaseType, InputValueDefinition, Type, TypeKind, TypeSystemDefinition,
};
use futures_util::StreamExt;
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::collections::HashMap;

/// Values per argument (or input field) drawn from its hostile list.
const PER_ARGUMENT: usize = 4;
/// Requests in flight at once.
const PARALLEL: usize = 8;
/// Mutations not sent signed in: they would end the caller's own session mid-run.
const SKIPPED: &[&str] = &["logout", "disableUser"];

/// xorshift64*: deterministic, no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn pick<'a, T>(&mut self, items: &'a [T], n: usize) -> Vec<&'a T> {
        let mut chosen: Vec<usize> = Vec::new();
        while chosen.len() < n.min(items.len()) {
            let i = (self.next() % items.len() as u64) as usize;
            if !chosen.contains(&i) {
                chosen.push(i);
            }
        }
        chosen.into_iter().map(|i| &items[i]).collect()
    }
}

/// The schema's input side: input objects and enums by name.
struct Schema {
    inputs: HashMap<String, Vec<InputValueDefinition>>,
    enums: HashMap<String, Vec<String>>,
    /// (operation type, field name, arguments)
    roots: Vec<(&'static str, String, Vec<InputValueDefinition>)>,
}

fn load_schema() -> Schema {
    let sdl = include_str!("../../../../schema.graphql");
    let doc = async_graphql::parser::parse_schema(sdl).unwrap();
    let mut schema = Schema {
        inputs: HashMap::new(),
        enums: HashMap::new(),
        roots: Vec::new(),
    };
    for definition in doc.definitions {
        let TypeSystemDefinition::Type(ty) = definition else {
            continue;
        };
        let name = ty.node.name.node.to_string();
        match ty.node.kind {
            TypeKind::InputObject(input) => {
                schema
                    .inputs
                    .insert(name, input.fields.into_iter().map(|f| f.node).collect());
            }
            TypeKind::Enum(e) => {
                schema.enums.insert(
                    name,
                    e.values
                        .iter()
                        .map(|v| v.node.value.node.to_string())
                        .collect(),
                );
            }
            TypeKind::Object(object) if name == "Query" || name == "Mutation" => {
                let kind = if name == "Query" { "query" } else { "mutation" };
                for field in object.fields {
                    schema.roots.push((
                        kind,
                        field.node.name.node.to_string(),
                        field.node.arguments.into_iter().map(|a| a.node).collect(),
                    ));
                }
            }
            _ => {}
        }
    }
    schema
}

fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

/// Hostile values for a named type.
fn hostile(schema: &Schema, type_name: &str) -> Vec<Value> {
    let strings = || {
        vec![
            json!("a\u{0}b"),
            json!("\u{0}"),
            json!("长".repeat(350_000)),
            json!("x".repeat(70_000)),
            json!("🙂👨‍👩‍👧‍👦"),
            json!("\u{202e}evil\u{202c}"),
            json!("e\u{301}\u{301}\u{301}\u{301}"),
            json!(""),
            json!("   "),
            json!("'; DROP TABLE users; --"),
            json!(12),
            json!(["list"]),
        ]
    };
    let numbers = || {
        vec![
            json!(-1),
            json!(0),
            json!(-2_147_483_649_i64),
            json!(2_147_483_648_i64),
            json!(9_007_199_254_740_993_i64),
            json!(1.5),
            json!(-1e300),
            json!("12"),
            json!(i32::MIN),
            json!(i32::MAX),
        ]
    };
    match type_name {
        "String" => strings(),
        "Int" | "Float" => numbers(),
        "Boolean" => vec![json!("true"), json!(1), json!(null)],
        "ID" => vec![
            json!(""),
            json!("not-an-id"),
            json!("QWxsaWFuY2U6bm90LWEtdXVpZA=="),
            json!("x\u{0}y"),
            json!("🙂"),
            json!("a".repeat(5000)),
            json!(-1),
            json!("%%%"),
            json!("T3JnYW5pemF0aW9uOjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMA=="),
        ],
        "DateTime" => vec![
            json!("yesterday"),
            json!("2026-13-45T99:99:99Z"),
            json!("2026-02-30T00:00:00Z"),
            json!("+275760-09-13T00:00:00Z"),
            json!("-000001-01-01T00:00:00Z"),
            json!("0001-01-01T00:00:00Z"),
            json!("9999-12-31T23:59:59Z"),
            json!(""),
            json!(1e20),
            json!("2026-01-01T00:00:00\u{0}Z"),
        ],
        "NaiveDate" => vec![
            json!("2026-02-30"),
            json!("99999-01-01"),
            json!("0000-01-01"),
            json!("9999-12-31"),
            json!("-0001-01-01"),
            json!("01/02/2026"),
            json!(""),
            json!(20260101),
        ],
        "JSON" => vec![
            json!({ "a": "\u{0}" }),
            json!("x".repeat(70_000)),
            json!(null),
        ],
        name if schema.enums.contains_key(name) => {
            vec![json!("NOPE"), json!(3), json!("")]
        }
        name if schema.inputs.contains_key(name) => vec![json!("not an object"), json!([])],
        _ => vec![json!(null)],
    }
}

/// A value the field would plausibly accept, so that a hostile one elsewhere is reached.
fn plausible(schema: &Schema, ty: &Type, name: &str, ids: &Ids, depth: usize) -> Value {
    if name == "after" {
        return Value::Null;
    }
    if name == "first" {
        return json!(5);
    }
    match &ty.base {
        BaseType::List(inner) => json!([plausible(schema, inner, name, ids, depth)]),
        BaseType::Named(type_name) => match type_name.as_str() {
            "String" => json!("党建联建"),
            "Int" => json!(1),
            "Float" => json!(1.0),
            "Boolean" => json!(true),
            "ID" => json!(ids.for_name(name)),
            "DateTime" => json!("2030-01-01T08:00:00Z"),
            "NaiveDate" => json!("2030-01-01"),
            "JSON" => json!({}),
            other => {
                if let Some(values) = schema.enums.get(other) {
                    json!(values[0])
                } else if let Some(fields) = schema.inputs.get(other) {
                    if depth > 3 {
                        return Value::Null;
                    }
                    let mut object = serde_json::Map::new();
                    for field in fields {
                        object.insert(
                            field.name.node.to_string(),
                            plausible(
                                schema,
                                &field.ty.node,
                                field.name.node.as_str(),
                                ids,
                                depth + 1,
                            ),
                        );
                    }
                    Value::Object(object)
                } else {
                    Value::Null
                }
            }
        },
    }
}

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

/// Real ids of the demo data, by what an argument's name says it takes.
struct Ids {
    by_kind: Vec<(&'static str, String)>,
}

impl Ids {
    async fn load(app: &TestApp) -> Self {
        use alliance_api::kernel::ids::{Kind, encode};
        let mut by_kind = Vec::new();
        for (prefix, table, kind) in [
            ("organization", "organizations", Kind::Organization),
            ("meeting", "meetings", Kind::Meeting),
            ("user", "users", Kind::User),
            ("assigneeUser", "users", Kind::User),
            ("actor", "users", Kind::User),
            ("agendaItem", "agenda_items", Kind::AgendaItem),
            ("actionItem", "action_items", Kind::ActionItem),
            ("decision", "decisions", Kind::Decision),
            ("term", "lead_terms", Kind::LeadTerm),
            ("token", "integration_tokens", Kind::IntegrationToken),
            ("feed", "calendar_feeds", Kind::CalendarFeed),
            ("grant", "role_grants", Kind::RoleGrant),
            (
                "membership",
                "organization_memberships",
                Kind::OrganizationMembership,
            ),
            ("alliance", "alliances", Kind::Alliance),
        ] {
            let row = app
                .services
                .db
                .query_one_raw(alliance_domain::kernel::db::stmt(
                    &format!("SELECT id FROM {table} ORDER BY id LIMIT 1"),
                    [],
                ))
                .await
                .ok()
                .flatten();
            if let Some(row) = row {
                let id: uuid::Uuid = row.try_get("", "id").unwrap();
                by_kind.push((prefix, encode(kind, id).0));
            }
        }
        let consortium = app.alliance_id(CONSORTIUM).await;
        by_kind.push(("", consortium));
        Self { by_kind }
    }

    fn for_name(&self, name: &str) -> &str {
        let lower = name.to_lowercase();
        self.by_kind
            .iter()
            .find(|(prefix, _)| lower.contains(&prefix.to_lowercase()))
            .map_or("", |(_, id)| id.as_str())
    }
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
