//! Factories for shared resources and bookings, through the API as the people who would do it.

use crate::TestApp;
use chrono::{DateTime, Duration, Utc};
use serde_json::{Value, json};

pub const OFFER: &str = "mutation($input: OfferResourceInput!) { offerResource(input: $input) {
    sharedResource { id version name kind } userErrors { field code message } } }";
pub const REQUEST: &str = "mutation($input: RequestResourceBookingInput!) { requestResourceBooking(input: $input) {
    booking { id version status startsAt endsAt } overlappingRequests { id } userErrors { field code message } } }";
pub const APPROVE: &str =
    "mutation($input: ResourceBookingVersionInput!) { approveResourceBooking(input: $input) {
    booking { id version status } userErrors { field code message } } }";

/// The payload of the only root field of a successful answer.
fn payload(answer: &crate::Gql, field: &str) -> Value {
    answer.ok()[field].clone()
}

/// `token` offers a venue of `organization` to `alliance`; the resource's global id.
pub async fn offer_venue(
    app: &TestApp,
    token: &str,
    organization: &str,
    alliance: &str,
    name: &str,
) -> String {
    let answer = app
        .gql(
            Some(token),
            OFFER,
            json!({ "input": { "organizationId": organization, "allianceIds": [alliance], "kind": "VENUE",
                "name": name, "capacity": 40, "location": "党员活动室", "rules": "提前三天预约" } }),
        )
        .await;
    let p = payload(&answer, "offerResource");
    assert_eq!(p["userErrors"], json!([]), "{}", answer.body);
    p["sharedResource"]["id"].as_str().unwrap().to_owned()
}

/// `token` requests `resource` for [`starts`, `ends`); the whole payload.
pub async fn request(
    app: &TestApp,
    token: &str,
    resource: &str,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> Value {
    let answer = app
        .gql(
            Some(token),
            REQUEST,
            json!({ "input": { "resourceId": resource, "startsAt": starts, "endsAt": ends, "purpose": "支部主题党日" } }),
        )
        .await;
    payload(&answer, "requestResourceBooking")
}

/// A booking's global id from a request that must succeed.
pub async fn requested(
    app: &TestApp,
    token: &str,
    resource: &str,
    starts: DateTime<Utc>,
    ends: DateTime<Utc>,
) -> String {
    let p = request(app, token, resource, starts, ends).await;
    assert_eq!(p["userErrors"], json!([]), "{p}");
    p["booking"]["id"].as_str().unwrap().to_owned()
}

/// The owner (`owner_token`, acting for `owner`) offers a venue to `alliance`, and the other
/// member (`requester_token`) requests it a week from now: (resource id, booking id).
pub async fn offer_and_request(
    app: &TestApp,
    owner_token: &str,
    requester_token: &str,
    owner: &str,
    alliance: &str,
) -> (String, String) {
    let resource = offer_venue(app, owner_token, owner, alliance, "党员活动室").await;
    let starts = app.clock_now() + Duration::days(7);
    let booking = requested(
        app,
        requester_token,
        &resource,
        starts,
        starts + Duration::hours(2),
    )
    .await;
    (resource, booking)
}
