import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed documents for every `graphql(...)` call in src/, generated from the committed contract.
// The output (src/gql/) is git-ignored: `npm run codegen` (also run by dev, typecheck and build) makes it.
const config: CodegenConfig = {
  schema: '../schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**/*'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      presetConfig: {
        // Components read whole query results; no fragment masking to unwrap.
        fragmentMasking: false,
      },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        // Both arrive as strings and are parsed where shown (dayjs): DateTime is RFC 3339, a calendar
        // date is YYYY-MM-DD (async-graphql names it NaiveDate; the first draft called it Date).
        scalars: { DateTime: 'string', NaiveDate: 'string', Date: 'string', JSON: 'unknown' },
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        strictScalars: true,
        skipTypename: false,
      },
    },
  },
};

export default config;
