//! `POST /media`: a multipart form naming its owner (`activityId`, `agreementId` or
//! `documentVersionId`: a global id or a UUID) before one or more `file` parts, with the same
//! bearer token as GraphQL. Answers `201` with the new items, or a JSON error naming the field
//! (`file.2`), and then nothing of the upload is kept.
//!
//! `documentId` instead of an owner creates the document's next version with one file (PDF,
//! photo, Word or Excel) in one transaction; `label`, `effectiveOn` (`YYYY-MM-DD`) and `note`
//! may go anywhere in the form. The answer then also names the `documentVersion`.

use crate::app::AppState;
use alliance_domain::Error;
use alliance_domain::documents::FileVersionDetails;
use alliance_domain::kernel::ids::global_id;
use alliance_domain::media::{MediaOwnerKind, UploadSession, too_large};
use axum::Json;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{Multipart, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use serde_json::{Value, json};
use uuid::Uuid;

/// An error answer: the status, and `{code, message, errors: [{field, message, code}]}`.
pub(super) fn error_response(e: &Error) -> Response {
    let status = match e {
        Error::Unauthenticated(_) => StatusCode::UNAUTHORIZED,
        Error::Forbidden => StatusCode::FORBIDDEN,
        Error::NotFound(_) => StatusCode::NOT_FOUND,
        Error::Conflict(_) => StatusCode::CONFLICT,
        Error::Invalid(fields)
            if fields.iter().any(|f| {
                f.code == "FILE_TOO_LARGE"
                    || f.code == "TOO_MANY_FILES"
                    || f.code == "REQUEST_TOO_LARGE"
            }) =>
        {
            StatusCode::PAYLOAD_TOO_LARGE
        }
        Error::Invalid(_) => StatusCode::BAD_REQUEST,
        Error::RateLimited { .. } => StatusCode::TOO_MANY_REQUESTS,
        Error::Unavailable(_) => StatusCode::SERVICE_UNAVAILABLE,
        Error::Internal(_) => {
            tracing::error!(error = %e, debug = ?e, "media upload failed");
            StatusCode::INTERNAL_SERVER_ERROR
        }
    };
    let errors: Vec<Value> = match e {
        Error::Invalid(fields) => fields
            .iter()
            .map(|f| json!({"field": f.field, "message": f.message, "code": f.code}))
            .collect(),
        _ => Vec::new(),
    };
    let message = errors
        .first()
        .and_then(|f| f["message"].as_str().map(str::to_owned))
        .unwrap_or_else(|| e.to_string());
    (
        status,
        Json(json!({"code": e.code(), "message": message, "errors": errors})),
    )
        .into_response()
}

/// The owner named by a form field: a global id of the right type, or a plain UUID.
fn owner_of(field: &str, value: &str) -> Result<(MediaOwnerKind, Uuid), Error> {
    let (kind, type_name) = match field {
        "activityId" => (MediaOwnerKind::Activity, "Activity"),
        "agreementId" => (MediaOwnerKind::Agreement, "Agreement"),
        _ => (MediaOwnerKind::DocumentVersion, "DocumentVersion"),
    };
    id_of(field, type_name, value).map(|id| (kind, id))
}

/// The document named by `documentId`.
fn document_of(value: &str) -> Result<Uuid, Error> {
    id_of("documentId", "Document", value)
}

/// A global id of `type_name`, or a plain UUID.
fn id_of(field: &str, type_name: &str, value: &str) -> Result<Uuid, Error> {
    let value = value.trim();
    if let Ok(id) = Uuid::parse_str(value) {
        return Ok(id);
    }
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(value.trim_end_matches('='))
        .ok()
        .and_then(|bytes| String::from_utf8(bytes).ok())
        .and_then(|text| {
            let (name, id) = text.split_once(':')?;
            (name == type_name).then(|| Uuid::parse_str(id).ok())?
        })
        .ok_or_else(|| {
            Error::invalid(
                field,
                "INVALID_ID",
                format!("`{field}` is not a valid {type_name} id"),
            )
        })
}

/// A broken form or a body that stopped short.
fn multipart_error(e: &MultipartError, field: &str) -> Error {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        Error::invalid(
            field,
            "REQUEST_TOO_LARGE",
            "the upload is larger than all allowed files together",
        )
    } else {
        Error::invalid(
            field,
            "INTERRUPTED_UPLOAD",
            format!(
                "the upload could not be read to its end ({})",
                e.body_text()
            ),
        )
    }
}

pub(super) async fn upload(
    State(state): State<AppState>,
    headers: HeaderMap,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let authorization = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok());
    let principal = match crate::graphql::authenticate(&state, authorization).await {
        Ok(p) if p.is_anonymous() => {
            return error_response(&Error::Unauthenticated("sign in first"));
        }
        Ok(p) => p,
        Err(e) => return error_response(&e),
    };
    let mut multipart = match multipart {
        Ok(m) => m,
        Err(e) => {
            return error_response(&Error::invalid(
                "body",
                "NOT_MULTIPART",
                format!("send a multipart/form-data body ({})", e.body_text()),
            ));
        }
    };
    let mut session: Option<UploadSession> = None;
    let mut details = FileVersionDetails::default();
    let result = read_form(
        &state,
        &principal,
        &mut multipart,
        &mut session,
        &mut details,
    )
    .await;
    let outcome = match (result, session) {
        (Ok(()), Some(mut session)) => {
            let described = if session.is_new_version() {
                session.describe_version(details)
            } else if details.label.is_some()
                || details.effective_on.is_some()
                || details.note.is_some()
            {
                Err(Error::invalid(
                    "documentId",
                    "NOT_A_NEW_VERSION",
                    "label, effectiveOn and note go with documentId only",
                ))
            } else {
                Ok(())
            };
            match described {
                Ok(()) => session.commit_all().await,
                Err(e) => {
                    session.abort().await;
                    Err(e)
                }
            }
        }
        (Ok(()), None) => Err(Error::invalid(
            "activityId",
            "REQUIRED",
            "name the owner: activityId, agreementId, documentVersionId or documentId",
        )),
        (Err(e), Some(session)) => {
            session.abort().await;
            Err(e)
        }
        (Err(e), None) => Err(e),
    };
    match outcome {
        Ok(done) => {
            let media: Vec<Value> = done
                .media
                .iter()
                .map(|m| {
                    json!({
                        "id": global_id("MediaItem", m.id),
                        "kind": m.kind,
                        "contentType": m.content_type,
                        "byteSize": m.byte_size,
                        "originalName": m.original_name,
                        "width": m.width,
                        "height": m.height,
                        "takenAt": m.taken_at,
                        "takenAtSource": m.taken_at_source,
                        "position": m.position,
                    })
                })
                .collect();
            let mut body = json!({ "media": media });
            if let Some(v) = done.version {
                body["documentVersion"] = json!({
                    "id": global_id("DocumentVersion", v.id),
                    "number": v.number,
                    "effectiveOn": v.effective_on,
                });
            }
            (StatusCode::CREATED, Json(body)).into_response()
        }
        Err(e) => error_response(&e),
    }
}

async fn read_form(
    state: &AppState,
    principal: &alliance_domain::Principal,
    multipart: &mut Multipart,
    session: &mut Option<UploadSession>,
    details: &mut FileVersionDetails,
) -> Result<(), Error> {
    let mut index = 0usize;
    loop {
        let field_path = format!("file.{index}");
        let Some(mut field) = multipart
            .next_field()
            .await
            .map_err(|e| multipart_error(&e, &field_path))?
        else {
            return Ok(());
        };
        let name = field.name().unwrap_or_default().to_owned();
        match name.as_str() {
            "label" | "effectiveOn" | "note" => {
                let value = field.text().await.map_err(|e| multipart_error(&e, &name))?;
                let slot = match name.as_str() {
                    "label" => &mut details.label,
                    "effectiveOn" => &mut details.effective_on,
                    _ => &mut details.note,
                };
                *slot = Some(value);
            }
            "documentId" => {
                if session.is_some() {
                    return Err(Error::invalid(
                        &name,
                        "OWNER_TWICE",
                        "name one owner per upload",
                    ));
                }
                let value = field.text().await.map_err(|e| multipart_error(&e, &name))?;
                let id = document_of(&value)?;
                *session = Some(
                    state
                        .services
                        .documents()
                        .start_file_version(principal, id)
                        .await?,
                );
            }
            "activityId" | "agreementId" | "documentVersionId" => {
                if session.is_some() {
                    return Err(Error::invalid(
                        &name,
                        "OWNER_TWICE",
                        "name one owner per upload",
                    ));
                }
                let value = field.text().await.map_err(|e| multipart_error(&e, &name))?;
                let (kind, id) = owner_of(&name, &value)?;
                *session = Some(
                    state
                        .services
                        .media()
                        .start_upload(principal, kind, id)
                        .await?,
                );
            }
            "file" => {
                let Some(upload) = session.as_mut() else {
                    return Err(Error::invalid(
                        "activityId",
                        "OWNER_FIRST",
                        "name the owner (activityId, agreementId, documentVersionId or documentId) before the files",
                    ));
                };
                if upload.len() >= upload.max_files() {
                    return Err(Error::invalid(
                        &field_path,
                        "TOO_MANY_FILES",
                        format!("at most {} files per upload", upload.max_files()),
                    ));
                }
                let file_name = field.file_name().unwrap_or("upload").to_owned();
                let max = upload.max_file_bytes();
                let mut bytes = Vec::new();
                while let Some(chunk) = field
                    .chunk()
                    .await
                    .map_err(|e| multipart_error(&e, &field_path))?
                {
                    if bytes.len() + chunk.len() > max {
                        return Err(too_large(&field_path, &file_name, max));
                    }
                    bytes.extend_from_slice(&chunk);
                }
                upload.add(&field_path, &file_name, bytes).await?;
                index += 1;
            }
            // Other fields (a client's extras) are read past.
            _ => {
                while field
                    .chunk()
                    .await
                    .map_err(|e| multipart_error(&e, &name))?
                    .is_some()
                {}
            }
        }
    }
}
