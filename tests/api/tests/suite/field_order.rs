//! Every object of an answer keeps the order of the selection (GraphQL spec, "Serialized Map
//! Ordering"), whichever field resolved first: read from the raw body, in order.

#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use alliance_tests::TestApp;
use serde_json::json;

/// A JSON value with its objects' keys in the order written (serde_json's map sorts them).
enum Ordered {
    Object(Vec<(String, Ordered)>),
    List(Vec<Ordered>),
    Scalar,
}

/// A small recursive-descent reader of the server's JSON, keeping key order.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn skip_space(&mut self) {
        while self.bytes[self.at].is_ascii_whitespace() {
            self.at += 1;
        }
    }

    fn string(&mut self) -> String {
        let start = self.at;
        self.at += 1;
        while self.bytes[self.at] != b'"' {
            self.at += if self.bytes[self.at] == b'\\' { 2 } else { 1 };
        }
        self.at += 1;
        serde_json::from_slice(&self.bytes[start..self.at]).unwrap()
    }

    fn value(&mut self) -> Ordered {
        self.skip_space();
        match self.bytes[self.at] {
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                loop {
                    self.skip_space();
                    match self.bytes[self.at] {
                        b'}' => {
                            self.at += 1;
                            return Ordered::Object(fields);
                        }
                        b',' => self.at += 1,
                        _ => {
                            let key = self.string();
                            self.skip_space();
                            assert_eq!(self.bytes[self.at], b':');
                            self.at += 1;
                            fields.push((key, self.value()));
                        }
                    }
                }
            }
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_space();
                    match self.bytes[self.at] {
                        b']' => {
                            self.at += 1;
                            return Ordered::List(items);
                        }
                        b',' => self.at += 1,
                        _ => items.push(self.value()),
                    }
                }
            }
            b'"' => {
                self.string();
                Ordered::Scalar
            }
            _ => {
                while !matches!(self.bytes[self.at], b',' | b'}' | b']') {
                    self.at += 1;
                }
                Ordered::Scalar
            }
        }
    }
}

/// Every object of a JSON text with its dotted path (list indexes left out) and keys in order.
fn keys_in_order(text: &str) -> Vec<(String, Vec<String>)> {
    fn walk(value: &Ordered, path: &str, out: &mut Vec<(String, Vec<String>)>) {
        match value {
            Ordered::Object(fields) => {
                out.push((
                    path.to_owned(),
                    fields.iter().map(|(k, _)| k.clone()).collect(),
                ));
                for (key, child) in fields {
                    let child_path = if path.is_empty() {
                        key.clone()
                    } else {
                        format!("{path}.{key}")
                    };
                    walk(child, &child_path, out);
                }
            }
            Ordered::List(items) => {
                for item in items {
                    walk(item, path, out);
                }
            }
            Ordered::Scalar => {}
        }
    }
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
    };
    let mut out = Vec::new();
    walk(&reader.value(), "", &mut out);
    out
}

async fn raw(app: &TestApp, token: &str, query: &str) -> String {
    let response = app
        .client
        .post(format!("{}/graphql", app.url))
        .bearer_auth(token)
        .json(&json!({ "query": query }))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    let text = response.text().await.unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert!(parsed.get("errors").is_none(), "{text}");
    text
}

/// Each object at `path` (a dotted path of keys) has exactly `expected` keys, in that order.
#[track_caller]
fn assert_order(objects: &[(String, Vec<String>)], path: &str, expected: &[&str]) {
    let found: Vec<_> = objects.iter().filter(|(p, _)| p == path).collect();
    assert!(!found.is_empty(), "no object at {path}: {objects:?}");
    for (_, keys) in found {
        assert_eq!(keys, expected, "at {path}");
    }
}

#[tokio::test]
async fn answers_keep_the_selection_order() {
    let app = TestApp::new().await;
    let token = app.token("admin@example.com").await;
    // The reported query: `agendaItems` waits on a loader, `attendances` did not.
    let text = raw(
        &app,
        &token,
        "{ meetings(first: 5) { nodes { title agendaItems { title presenterOrganization { name } } attendances { rsvp } } } }",
    )
    .await;
    let objects = keys_in_order(&text);
    assert_order(&objects, "", &["data"]);
    assert_order(
        &objects,
        "data.meetings.nodes",
        &["title", "agendaItems", "attendances"],
    );
    assert_order(
        &objects,
        "data.meetings.nodes.agendaItems",
        &["title", "presenterOrganization"],
    );
    // The other way round, with aliases, a fragment and an inline fragment in between.
    let text = raw(
        &app,
        &token,
        "query { meetings(first: 5) { totalCount nodes { people: attendances { rsvp } ...Agenda id ... on Meeting { startsAt } heading: title } } me { name id } }
         fragment Agenda on Meeting { agendaItems { presenterOrganization { name } title } }",
    )
    .await;
    let objects = keys_in_order(&text);
    assert_order(&objects, "data", &["meetings", "me"]);
    assert_order(&objects, "data.meetings", &["totalCount", "nodes"]);
    assert_order(
        &objects,
        "data.meetings.nodes",
        &["people", "agendaItems", "id", "startsAt", "heading"],
    );
    assert_order(
        &objects,
        "data.meetings.nodes.agendaItems",
        &["presenterOrganization", "title"],
    );
    assert_order(&objects, "data.me", &["name", "id"]);
}
