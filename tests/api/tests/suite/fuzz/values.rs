//! The fuzzer's raw material: the schema's input side read from the committed SDL, hostile and
//! plausible values by type, real ids of the demo data, and a seeded random choice.

use alliance_tests::{CONSORTIUM, TestApp};
use async_graphql::parser::types::{
    BaseType, InputValueDefinition, Type, TypeKind, TypeSystemDefinition,
};
use sea_orm::ConnectionTrait;
use serde_json::{Value, json};
use std::collections::HashMap;

/// xorshift64*: deterministic, no dependency.
pub(super) struct Rng(pub(super) u64);

impl Rng {
    pub(super) fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(super) fn pick<'a, T>(&mut self, items: &'a [T], n: usize) -> Vec<&'a T> {
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
pub(super) struct Schema {
    pub(super) inputs: HashMap<String, Vec<InputValueDefinition>>,
    pub(super) enums: HashMap<String, Vec<String>>,
    /// (operation type, field name, arguments)
    pub(super) roots: Vec<(&'static str, String, Vec<InputValueDefinition>)>,
}

pub(super) fn load_schema() -> Schema {
    let sdl = include_str!("../../../../../schema.graphql");
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

pub(super) fn named(ty: &Type) -> &str {
    match &ty.base {
        BaseType::Named(name) => name.as_str(),
        BaseType::List(inner) => named(inner),
    }
}

/// Hostile values for a named type.
pub(super) fn hostile(schema: &Schema, type_name: &str) -> Vec<Value> {
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
pub(super) fn plausible(schema: &Schema, ty: &Type, name: &str, ids: &Ids, depth: usize) -> Value {
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

/// Real ids of the demo data, by what an argument's name says it takes.
pub(super) struct Ids {
    pub(super) by_kind: Vec<(&'static str, String)>,
}

impl Ids {
    pub(super) async fn load(app: &TestApp) -> Self {
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

    pub(super) fn for_name(&self, name: &str) -> &str {
        let lower = name.to_lowercase();
        self.by_kind
            .iter()
            .find(|(prefix, _)| lower.contains(&prefix.to_lowercase()))
            .map_or("", |(_, id)| id.as_str())
    }
}
