//! GraphQL conventions: Relay nodes and connections, payload errors, version conflicts, tenant
//! isolation, batched loading, the committed schema, and subscriptions.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::{CONSORTIUM, PAIRING_MEMBERS_ONLY, TestApp};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;

#[tokio::test]
async fn the_committed_schema_matches_the_code() {
    let committed =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../schema.graphql"))
            .unwrap();
    let current = alliance_api::schema::sdl();
    assert!(
        committed == current,
        "schema.graphql is stale: run `cargo run -p alliance-server -- print-schema > schema.graphql`"
    );
}

#[tokio::test]
async fn node_and_nodes_resolve_global_ids_for_those_who_may_see_them() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let consortium = app.alliance_id(CONSORTIUM).await;
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let huaan = app.organization_id("华安证券公益基金会").await;
    let haaen = app.organization_id("瀚恩清洁党支部").await;
    let answer = app
        .gql(Some(&member), "query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Alliance { name } ... on Organization { name } } }", json!({ "ids": [consortium, pairing, huaan, haaen, "garbage"] }))
        .await;
    let nodes = &answer.ok()["nodes"];
    assert_eq!(nodes[0]["name"], CONSORTIUM);
    assert_eq!(nodes[0]["id"], consortium);
    assert!(nodes[1].is_null(), "members-only alliance of others");
    assert_eq!(nodes[2]["name"], "华安证券公益基金会");
    assert!(
        nodes[3].is_null(),
        "organization of an alliance the member is not in"
    );
    assert!(nodes[4].is_null());
    let one = app
        .gql(
            Some(&member),
            "query($id: ID!) { node(id: $id) { ... on Organization { name } } }",
            json!({ "id": huaan }),
        )
        .await;
    assert_eq!(one.ok()["node"]["name"], "华安证券公益基金会");
}

#[tokio::test]
async fn connections_page_by_cursor_without_gaps_or_repeats() {
    let app = TestApp::new().await;
    let admin = app.token("admin@example.com").await;
    let mut after: Option<String> = None;
    let mut seen = Vec::new();
    loop {
        let page = app.gql(Some(&admin), "query($after: String) { organizations(first: 4, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }", json!({ "after": after })).await;
        let connection = &page.ok()["organizations"];
        assert_eq!(connection["totalCount"], 14);
        for edge in connection["edges"].as_array().unwrap() {
            seen.push(edge["node"]["name"].as_str().unwrap().to_owned());
        }
        if connection["pageInfo"]["hasNextPage"] == false {
            break;
        }
        after = connection["pageInfo"]["endCursor"]
            .as_str()
            .map(str::to_owned);
    }
    let mut unique = seen.clone();
    unique.sort();
    unique.dedup();
    assert_eq!((seen.len(), unique.len()), (14, 14));
    let search = app
        .gql(
            Some(&admin),
            "{ organizations(search: \"协会\") { totalCount } }",
            json!({}),
        )
        .await;
    assert_eq!(search.ok()["organizations"]["totalCount"], 2);
}

#[tokio::test]
async fn stale_versions_conflict_instead_of_overwriting() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let update = "mutation($input: UpdateOrganizationInput!) { updateOrganization(input: $input) { organization { region version } userErrors { field code } } }";
    let first = app
        .gql(
            Some(&admin),
            update,
            json!({ "input": { "id": plastics, "version": 1, "region": "合肥" } }),
        )
        .await;
    assert_eq!(
        first.ok()["updateOrganization"]["organization"],
        json!({ "region": "合肥", "version": 2 })
    );
    let stale = app
        .gql(
            Some(&admin),
            update,
            json!({ "input": { "id": plastics, "version": 1, "region": "芜湖" } }),
        )
        .await;
    assert_eq!(stale.code(), Some("CONFLICT"));
    let invalid = app
        .gql(
            Some(&admin),
            update,
            json!({ "input": { "id": plastics, "version": 2, "name": "  " } }),
        )
        .await;
    assert_eq!(
        invalid.ok()["updateOrganization"]["userErrors"][0],
        json!({ "field": "name", "code": "REQUIRED" })
    );
    // Someone else's organization: the member cannot.
    let member = app.token("member@example.com").await;
    let forbidden = app
        .gql(
            Some(&member),
            update,
            json!({ "input": { "id": plastics, "version": 2, "region": "x" } }),
        )
        .await;
    assert_eq!(forbidden.code(), Some("FORBIDDEN"));
}

#[tokio::test]
async fn platform_admins_create_organizations_and_alliances_with_clear_errors() {
    let app = TestApp::new().await;
    let admin = app.token("admin@example.com").await;
    let create = "mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { organization { id name kind } userErrors { field code } } }";
    let created = app.gql(Some(&admin), create, json!({ "input": { "name": "新区卫生院党支部", "kind": "HOSPITAL", "honours": ["先进基层党组织"] } })).await;
    assert_eq!(
        created.ok()["createOrganization"]["organization"]["kind"],
        "HOSPITAL"
    );
    let duplicate = app
        .gql(
            Some(&admin),
            create,
            json!({ "input": { "name": "新区卫生院党支部", "kind": "HOSPITAL" } }),
        )
        .await;
    assert_eq!(
        duplicate.ok()["createOrganization"]["userErrors"][0],
        json!({ "field": "name", "code": "TAKEN" })
    );
    let member = app.token("member@example.com").await;
    assert_eq!(
        app.gql(
            Some(&member),
            create,
            json!({ "input": { "name": "x", "kind": "OTHER" } })
        )
        .await
        .code(),
        Some("FORBIDDEN")
    );
    assert_eq!(
        app.gql(
            None,
            create,
            json!({ "input": { "name": "x", "kind": "OTHER" } })
        )
        .await
        .code(),
        Some("UNAUTHENTICATED")
    );

    let alliance = app
        .gql(Some(&admin), "mutation { createAlliance(input: {name: \"新联盟\", kind: PAIRING}) { alliance { id status visibility rotationPeriod } } }", json!({}))
        .await;
    let alliance = &alliance.ok()["createAlliance"]["alliance"];
    assert_eq!(
        (
            alliance["status"].as_str(),
            alliance["visibility"].as_str(),
            alliance["rotationPeriod"].as_str()
        ),
        (Some("PREPARATORY"), Some("MEMBERS"), Some("QUARTER"))
    );
    let org = created.ok()["createOrganization"]["organization"]["id"].clone();
    let add = "mutation($a: ID!, $o: ID!) { addAllianceMember(input: {allianceId: $a, organizationId: $o, joinedOn: \"2026-01-01\"}) { membership { rotationOrder } userErrors { field code } } }";
    let added = app
        .gql(Some(&admin), add, json!({ "a": alliance["id"], "o": org }))
        .await;
    assert_eq!(
        added.ok()["addAllianceMember"]["membership"]["rotationOrder"],
        0
    );
    let twice = app
        .gql(Some(&admin), add, json!({ "a": alliance["id"], "o": org }))
        .await;
    assert_eq!(
        twice.ok()["addAllianceMember"]["userErrors"][0],
        json!({ "field": "organizationId", "code": "ALREADY_MEMBER" })
    );
    let dissolve = "mutation($id: ID!, $v: Int!, $s: AllianceStatus!) { updateAlliance(input: {id: $id, version: $v, status: $s}) { alliance { status version } userErrors { field code } } }";
    let dissolved = app
        .gql(
            Some(&admin),
            dissolve,
            json!({ "id": alliance["id"], "v": 1, "s": "DISSOLVED" }),
        )
        .await;
    assert_eq!(
        dissolved.ok()["updateAlliance"]["alliance"]["status"],
        "DISSOLVED"
    );
    let back = app
        .gql(
            Some(&admin),
            dissolve,
            json!({ "id": alliance["id"], "v": 2, "s": "ACTIVE" }),
        )
        .await;
    assert_eq!(
        back.ok()["updateAlliance"]["userErrors"][0],
        json!({ "field": "status", "code": "INVALID_TRANSITION" })
    );
}

#[tokio::test]
async fn a_member_sees_nothing_of_other_alliances_through_any_path() {
    let app = TestApp::new().await;
    let member = app.token("member@example.com").await;
    let pairing = app.alliance_id(PAIRING_MEMBERS_ONLY).await;
    let haaen = app.organization_id("瀚恩清洁党支部").await;

    let lists = app.gql(Some(&member), "{ alliances(first: 50) { nodes { name } } organizations(first: 50) { nodes { name } } }", json!({})).await;
    let text = lists.ok().to_string();
    assert!(text.contains(CONSORTIUM));
    assert!(
        !text.contains(PAIRING_MEMBERS_ONLY)
            && !text.contains("瀚恩清洁")
            && !text.contains("静安区中心医院"),
        "{text}"
    );
    // Public alliances show their profile to everyone.
    assert!(text.contains("湖东社区"));
    assert!(
        app.gql(
            Some(&member),
            "query($id: ID!) { alliance(id: $id) { name } }",
            json!({ "id": pairing })
        )
        .await
        .ok()["alliance"]
            .is_null()
    );
    assert!(
        app.gql(
            Some(&member),
            "query($id: ID!) { organization(id: $id) { name } }",
            json!({ "id": haaen })
        )
        .await
        .ok()["organization"]
            .is_null()
    );
    assert!(
        app.gql(
            Some(&member),
            "query($id: ID!) { node(id: $id) { id } }",
            json!({ "id": haaen })
        )
        .await
        .ok()["node"]
            .is_null()
    );
    // Nested: the members of a public alliance's organizations stay private.
    let nested = app.gql(Some(&member), "{ alliances(first: 50) { nodes { name workingRules members { nodes { organization { name members { totalCount nodes { user { name } } } } } } } } }", json!({})).await;
    for alliance in nested.ok()["alliances"]["nodes"].as_array().unwrap() {
        let own = alliance["name"] == CONSORTIUM;
        assert_eq!(
            alliance["workingRules"].is_string(),
            own,
            "{}",
            alliance["name"]
        );
        for membership in alliance["members"]["nodes"].as_array().unwrap() {
            let count = membership["organization"]["members"]["totalCount"]
                .as_i64()
                .unwrap();
            assert_eq!(count > 0, own, "{}", membership["organization"]["name"]);
        }
    }
    // Anonymous visitors see public profiles only.
    let anonymous = app
        .gql(
            None,
            "{ alliances { nodes { name visibility } } }",
            json!({}),
        )
        .await;
    for alliance in anonymous.ok()["alliances"]["nodes"].as_array().unwrap() {
        assert_eq!(alliance["visibility"], "PUBLIC");
    }
}

#[tokio::test]
async fn relations_load_in_batches_so_statements_do_not_grow_with_rows() {
    let app = TestApp::new().await;
    let admin = app.token("admin@example.com").await;
    let query = "query($n: Int!) { organizations(first: $n) { nodes { name members { totalCount nodes { position user { name } } }
        alliances { nodes { alliance { name viewerRoles members { totalCount nodes { organization { name } } } } } } } } }";
    let answer = app.gql(Some(&admin), query, json!({ "n": 14 })).await;
    assert_eq!(
        answer.ok()["organizations"]["nodes"]
            .as_array()
            .unwrap()
            .len(),
        14
    );
    let few = app.statements_for(&admin, query, json!({ "n": 2 })).await;
    let many = app.statements_for(&admin, query, json!({ "n": 14 })).await;
    // Loader batches at different depths may merge with timing (one of slack); an N+1 would add 12+.
    assert!(
        many.1 <= few.0 + 1,
        "statements for 2 vs 14 organizations: {few:?} vs {many:?}"
    );
    assert!(many.1 <= 16, "{many:?}");
}

#[tokio::test]
async fn subscriptions_deliver_changes_over_graphql_ws_and_refuse_bad_tokens() {
    let app = TestApp::new().await;
    let admin = app.token("orgadmin@example.com").await;
    let plastics = app.organization_id("省塑料协会").await;
    let ws_url = app.url.replace("http://", "ws://") + "/graphql/ws";
    let mut request = ws_url.clone().into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut socket, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    let send = |v: Value| Message::Text(v.to_string().into());
    socket.send(send(json!({ "type": "connection_init", "payload": { "Authorization": format!("Bearer {admin}") } }))).await.unwrap();
    let ack: Value =
        serde_json::from_str(socket.next().await.unwrap().unwrap().to_text().unwrap()).unwrap();
    assert_eq!(ack["type"], "connection_ack");
    socket
        .send(send(json!({ "id": "1", "type": "subscribe", "payload": { "query": "subscription($id: ID!) { organizationUpdated(id: $id) { region version } }", "variables": { "id": plastics } } })))
        .await
        .unwrap();
    // Give the server a moment to register the subscription, then change the organization.
    tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    let update = "mutation($id: ID!) { updateOrganization(input: {id: $id, version: 1, region: \"合肥市蜀山区\"}) { organization { version } } }";
    app.gql(Some(&admin), update, json!({ "id": plastics }))
        .await
        .ok();
    let next = tokio::time::timeout(std::time::Duration::from_secs(5), socket.next())
        .await
        .unwrap()
        .unwrap()
        .unwrap();
    let message: Value = serde_json::from_str(next.to_text().unwrap()).unwrap();
    assert_eq!(message["type"], "next");
    assert_eq!(
        message["payload"]["data"]["organizationUpdated"],
        json!({ "region": "合肥市蜀山区", "version": 2 })
    );

    // A bad token closes the connection instead of downgrading to anonymous.
    let mut request = ws_url.into_client_request().unwrap();
    request.headers_mut().insert(
        "Sec-WebSocket-Protocol",
        "graphql-transport-ws".parse().unwrap(),
    );
    let (mut bad, _) = tokio_tungstenite::connect_async(request).await.unwrap();
    bad.send(send(
        json!({ "type": "connection_init", "payload": { "Authorization": "Bearer forged" } }),
    ))
    .await
    .unwrap();
    let answer = tokio::time::timeout(std::time::Duration::from_secs(5), bad.next())
        .await
        .unwrap();
    match answer {
        Some(Ok(Message::Close(frame))) => {
            assert!(frame.is_some_and(|f| f.reason.contains("invalid")))
        }
        other => panic!("expected the socket to close, got {other:?}"),
    }
}
