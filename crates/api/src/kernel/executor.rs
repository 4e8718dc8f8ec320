//! The schema as both transports run it (`POST /graphql` and `/graphql/ws`): the checks that GraphQL
//! itself does not make happen once per operation, around async-graphql's own execution.
//!
//! Before: the variables' strings ([`check_variables`]); the document, parsed once and kept in a
//! bounded cache keyed by its text, with its shape ([`ShapeLimits`]) and inline literals
//! ([`check_literals`]) checked when it is first seen. After: errors without a code get one
//! ([`add_missing_codes`]) and every object of the answer is put in selection order
//! ([`in_selection_order`]).
//!
//! None of this is a schema extension on purpose: async-graphql runs every registered extension's
//! `resolve` hook around every field of every answer, which cost more than the fields themselves.

use crate::kernel::coercion::{add_missing_codes, needs_arguments};
use crate::kernel::context::RequestContext;
use crate::kernel::field_order::in_selection_order;
use crate::kernel::input_guard::{arguments_of, check_literals, check_variables};
use crate::kernel::limits::ShapeLimits;
use crate::schema::{AppSchema, Mutation, Query, Subscription};
use async_graphql::parser::types::{ExecutableDocument, OperationType};
use async_graphql::registry::Registry;
use async_graphql::{
    Data, Executor, OutputType, Request, Response, ServerError, ServerResult, SubscriptionType,
    Variables,
};
use futures_util::StreamExt;
use futures_util::stream::BoxStream;
use std::any::TypeId;
use std::sync::Arc;

/// How many distinct documents are kept parsed. A client sends a handful; a hostile one that
/// sends a new document every time only evicts others.
const CACHED_DOCUMENTS: usize = 512;
/// Longer documents are parsed every time rather than kept.
const MAX_CACHED_QUERY_BYTES: usize = 16 * 1024;

/// The executable API: the schema, what the checks need of it, and the documents seen.
#[derive(Clone)]
pub struct Api(Arc<Inner>);

struct Inner {
    schema: AppSchema,
    registry: Registry,
    shape: ShapeLimits,
    documents: quick_cache::sync::Cache<String, Arc<ExecutableDocument>>,
}

/// The types of the schema, for the argument walk (async-graphql keeps its own registry private).
fn registry() -> Registry {
    let mut registry = Registry {
        query_type: Query::type_name().into_owned(),
        mutation_type: Some(Mutation::type_name().into_owned()),
        subscription_type: Some(Subscription::type_name().into_owned()),
        ..Default::default()
    };
    Query::create_type_info(&mut registry);
    Mutation::create_type_info(&mut registry);
    Subscription::create_type_info(&mut registry);
    registry
}

/// Whether the document holds a mutation.
fn writes(doc: &ExecutableDocument) -> bool {
    doc.operations
        .iter()
        .any(|(_, op)| op.node.ty == OperationType::Mutation)
}

/// What the answer to one operation needs of it.
struct Prepared {
    doc: Arc<ExecutableDocument>,
    operation_name: Option<String>,
    variables: Variables,
}

impl Api {
    pub fn new(schema: AppSchema, shape: ShapeLimits) -> Self {
        Self(Arc::new(Inner {
            schema,
            registry: registry(),
            shape,
            documents: quick_cache::sync::Cache::new(CACHED_DOCUMENTS),
        }))
    }

    pub fn schema(&self) -> &AppSchema {
        &self.0.schema
    }

    /// The parsed document of `query`, its shape and literals checked: from the cache, or parsed
    /// now (and kept when it passed and is not too long).
    pub fn document(&self, query: &str) -> ServerResult<Arc<ExecutableDocument>> {
        if let Some(doc) = self.0.documents.get(query) {
            return Ok(doc);
        }
        let doc = async_graphql::parser::parse_query(query)?;
        self.0.shape.check(&doc)?;
        check_literals(&doc, &self.0.registry)?;
        let doc = Arc::new(doc);
        if query.len() <= MAX_CACHED_QUERY_BYTES {
            self.0.documents.insert(query.to_owned(), doc.clone());
        }
        Ok(doc)
    }

    /// The request with its document set, and what its answer needs.
    fn prepare(
        &self,
        mut request: Request,
        session_data: Option<&Data>,
    ) -> ServerResult<(Request, Prepared)> {
        check_variables(&request.variables)?;
        let doc = self.document(&request.query)?;
        if writes(&doc) {
            // The user's row read with the session may be changed by this operation; whatever
            // asks for `me` later in the same request or connection reads it again.
            for data in std::iter::once(&request.data).chain(session_data) {
                if let Some(context) = data
                    .get(&TypeId::of::<RequestContext>())
                    .and_then(|c| c.downcast_ref::<RequestContext>())
                {
                    context.viewer.forget_profile();
                }
            }
        }
        // async-graphql takes the document by value (it removes skipped selections in place).
        request.set_parsed_query((*doc).clone());
        let prepared = Prepared {
            operation_name: request.operation_name.clone(),
            variables: request.variables.clone(),
            doc,
        };
        Ok((request, prepared))
    }

    fn finish(&self, prepared: Option<&Prepared>, response: &mut Response) {
        let registry = &self.0.registry;
        match prepared {
            Some(p) => {
                let doc = &p.doc;
                let arguments = if needs_arguments(response) {
                    arguments_of(doc, registry, &p.variables)
                } else {
                    Vec::new()
                };
                add_missing_codes(response, &arguments, registry);
                in_selection_order(doc, p.operation_name.as_deref(), response);
            }
            None => add_missing_codes(response, &[], registry),
        }
    }

    fn refused(&self, error: ServerError) -> Response {
        let mut response = Response::from_errors(vec![error]);
        self.finish(None, &mut response);
        response
    }
}

impl Executor for Api {
    async fn execute(&self, request: Request) -> Response {
        let (request, prepared) = match self.prepare(request, None) {
            Ok(prepared) => prepared,
            Err(error) => return self.refused(error),
        };
        let mut response = self.0.schema.execute(request).await;
        self.finish(Some(&prepared), &mut response);
        response
    }

    fn execute_stream(
        &self,
        request: Request,
        session_data: Option<Arc<Data>>,
    ) -> BoxStream<'static, Response> {
        let (request, prepared) = match self.prepare(request, session_data.as_deref()) {
            Ok(prepared) => prepared,
            Err(error) => {
                return futures_util::stream::once(std::future::ready(self.refused(error))).boxed();
            }
        };
        let stream = self
            .0
            .schema
            .execute_stream_with_session_data(request, session_data.unwrap_or_default());
        let api = self.clone();
        stream
            .map(move |mut response| {
                api.finish(Some(&prepared), &mut response);
                response
            })
            .boxed()
    }
}
