//! Tools can read the schema: the standard introspection query (as graphql-js and GraphiQL send
//! it) passes the limits, while data queries keep the configured depth and a hostile
//! introspection query is still bounded. (`tests/e2e/introspection.test.mjs` sends graphql-js's
//! own query and builds a client schema from the answer.)

use alliance_api::Limits;
use alliance_tests::{Options, TestApp};
use serde_json::json;

/// graphql-js 16's `getIntrospectionQuery({ descriptions: true, specifiedByUrl: true,
/// directiveIsRepeatable: true, schemaDescription: true, inputValueDeprecation: true })`.
const SPEC_QUERY: &str = r"
query IntrospectionQuery {
  __schema {
    description
    queryType { name } mutationType { name } subscriptionType { name }
    types { ...FullType }
    directives { name description isRepeatable locations args(includeDeprecated: true) { ...InputValue } }
  }
}
fragment FullType on __Type {
  kind name description specifiedByURL
  fields(includeDeprecated: true) {
    name description args(includeDeprecated: true) { ...InputValue }
    type { ...TypeRef } isDeprecated deprecationReason
  }
  inputFields(includeDeprecated: true) { ...InputValue }
  interfaces { ...TypeRef }
  enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
  possibleTypes { ...TypeRef }
}
fragment InputValue on __InputValue {
  name description type { ...TypeRef } defaultValue isDeprecated deprecationReason
}
fragment TypeRef on __Type {
  kind name
  ofType { kind name ofType { kind name ofType { kind name ofType { kind name
    ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } } }
}";

#[tokio::test]
async fn the_standard_introspection_query_passes_and_data_depth_still_holds() {
    let app = TestApp::spawn(Options {
        limits: Limits {
            max_depth: 6,
            ..Limits::default()
        },
        ..Options::default()
    })
    .await;
    for token in [None, Some(app.token("member@example.com").await)] {
        let answer = app.gql(token.as_deref(), SPEC_QUERY, json!({})).await;
        let schema = &answer.ok()["__schema"];
        assert_eq!(schema["queryType"]["name"], "Query");
        let types = schema["types"].as_array().unwrap();
        assert!(types.iter().any(|t| t["name"] == "Meeting"));
        assert!(types.iter().any(|t| t["name"] == "DateTime"));
    }
    let token = app.token("admin@example.com").await;
    let deep = app
        .gql(
            Some(&token),
            "{ me { organizationMemberships(first: 1) { nodes { organization { members(first: 1) { nodes { user { name } } } } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(deep.code(), Some("BAD_USER_INPUT"), "{}", deep.body);
    assert_eq!(deep.errors()[0]["extensions"]["limit"], "depth");
    // Data below an introspection field does not escape the data limit either.
    let mixed = app
        .gql(
            Some(&token),
            "{ __schema { queryType { name } } me { organizationMemberships(first: 1) { nodes { organization { members(first: 1) { nodes { user { name } } } } } } } }",
            json!({}),
        )
        .await;
    assert_eq!(
        mixed.errors()[0]["extensions"]["limit"],
        "depth",
        "{}",
        mixed.body
    );
}

#[tokio::test]
async fn a_hostile_introspection_query_is_still_bounded() {
    let app = TestApp::new().await;
    // 26 levels of `ofType` pass the parser's recursion limit and meet the introspection depth;
    // 40 meet the parser's.
    for levels in [26, 40] {
        let mut query = String::from("{ __type(name: \"Query\") { name ");
        for _ in 0..levels {
            query.push_str("ofType { name ");
        }
        query.push_str(&"} ".repeat(levels + 1));
        query.push('}');
        let answer = app.gql(None, &query, json!({})).await;
        assert_eq!(answer.code(), Some("BAD_USER_INPUT"), "{}", answer.body);
        assert_eq!(
            answer.errors()[0]["extensions"]["limit"],
            "depth",
            "{}",
            answer.body
        );
    }
}
