//! Every schema element has a description an integrator can act on.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use super::fail_on;
use super::introspection::Schema;
use alliance_tests::TestApp;
use serde_json::Value;
use std::collections::BTreeSet;

const BUILT_IN_SCALARS: &[&str] = &["String", "Int", "Float", "Boolean", "ID"];

fn undocumented(element: &Value) -> bool {
    element["description"]
        .as_str()
        .is_none_or(|d| d.trim().is_empty())
}

#[tokio::test]
async fn every_schema_element_has_a_description() {
    let app = TestApp::empty().await;
    let schema = Schema::load(&app).await;
    let mut missing = BTreeSet::new();
    for (name, ty) in &schema.types {
        if name.starts_with("__") || BUILT_IN_SCALARS.contains(&name.as_str()) {
            continue;
        }
        if undocumented(ty) {
            missing.insert(format!("type {name}"));
        }
        for field in ty["fields"].as_array().into_iter().flatten() {
            let field_name = field["name"].as_str().unwrap_or_default();
            if undocumented(field) {
                missing.insert(format!("field {name}.{field_name}"));
            }
            for arg in field["args"].as_array().into_iter().flatten() {
                if undocumented(arg) {
                    missing.insert(format!(
                        "argument {name}.{field_name}({})",
                        arg["name"].as_str().unwrap_or_default()
                    ));
                }
            }
        }
        for field in ty["inputFields"].as_array().into_iter().flatten() {
            if undocumented(field) {
                missing.insert(format!(
                    "input field {name}.{}",
                    field["name"].as_str().unwrap_or_default()
                ));
            }
        }
        for value in ty["enumValues"].as_array().into_iter().flatten() {
            if undocumented(value) {
                missing.insert(format!(
                    "enum value {name}.{}",
                    value["name"].as_str().unwrap_or_default()
                ));
            }
        }
    }
    fail_on("schema elements without a description", &missing);
}
