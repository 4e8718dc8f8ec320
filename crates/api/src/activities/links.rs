//! Ids of agreements and commitments, which the agreements part of the schema owns: encoded and
//! decoded here by their type name until the lead turns `agreementId`/`commitmentId` into objects.

use crate::kernel::error::coded;
use async_graphql::ID;
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use uuid::Uuid;

pub const AGREEMENT: &str = "Agreement";
pub const COMMITMENT: &str = "Commitment";

pub fn encode(name: &str, id: Uuid) -> ID {
    ID(alliance_domain::kernel::ids::global_id(name, id))
}

/// An id of type `name`, or `BAD_USER_INPUT` naming the field.
pub fn decode(id: &ID, name: &str, field: &str) -> async_graphql::Result<Uuid> {
    URL_SAFE_NO_PAD
        .decode(id.trim_end_matches('='))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (kind, uuid) = text.split_once(':')?;
            (kind == name).then(|| Uuid::parse_str(uuid).ok()).flatten()
        })
        .ok_or_else(|| {
            coded(
                format!("`{field}` is not a valid {name} id"),
                "BAD_USER_INPUT",
            )
        })
}
