// Integrators' tools can read the schema: graphql-js's own introspection query, with the options
// GraphiQL turns on, passes the server's limits and builds a client schema. No browser needed.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildClientSchema, getIntrospectionQuery, isNonNullType, printSchema } from 'graphql';
import { BASE_URL } from './helpers.mjs';

async function introspect(options) {
  const response = await fetch(`${BASE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
    body: JSON.stringify({ query: getIntrospectionQuery(options), operationName: 'IntrospectionQuery' }),
  });
  assert.equal(response.status, 200);
  const body = await response.json();
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  return buildClientSchema(body.data);
}

test("graphql-js's introspection query builds a client schema", async () => {
  const schema = await introspect({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  });
  assert.equal(schema.getQueryType()?.name, 'Query');
  assert.equal(schema.getMutationType()?.name, 'Mutation');
  assert.equal(schema.getSubscriptionType()?.name, 'Subscription');
  const meeting = schema.getType('Meeting');
  assert.ok(meeting, 'Meeting is a type');
  const fields = meeting.getFields();
  assert.ok(fields.agendaItems && fields.startsAt, 'Meeting has agendaItems and startsAt');
  assert.ok(isNonNullType(schema.getMutationType().getFields().scheduleMeeting.args[0].type));
  assert.ok(schema.getType('DateTime'), 'the DateTime scalar is there');
  assert.ok(schema.getType('ScheduleMeetingInput').getFields().startsAt, 'input fields are there');
  assert.ok(printSchema(schema).includes('type Alliance'));
});

test('the default introspection query passes too', async () => {
  const schema = await introspect();
  assert.ok(schema.getType('Organization'));
});
