// A Vite plugin for the production build: every `graphql(`...`)` call in src/ is replaced by the
// document it stands for, written out in place. At run time the codegen's `graphql()` looks the text up
// in a map of every document of the app (src/gql/gql.ts → src/gql/graphql.ts), so every first screen
// downloaded all of them (about 60 KB compressed); in place, a page's chunk carries only its own.
//
// The lookup is the codegen's own: the map's keys are the exact texts of the calls, its values name the
// generated documents. A call whose text is not in the map fails the build (at run time it would have
// answered an empty document).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;
const MAP_ENTRY = /^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm;
const DOCUMENT = /^export const (\w+) = (\{.*\}) as unknown as DocumentNode</gm;

/** Source text of each `graphql()` call → the document's JSON, read from the codegen's output. */
function readDocuments(gqlDir: string): Map<string, string> {
  const literals = new Map<string, string>();
  for (const [, name, json] of readFileSync(join(gqlDir, 'graphql.ts'), 'utf8').matchAll(DOCUMENT)) {
    literals.set(name, json);
  }
  const documents = new Map<string, string>();
  for (const [, key, name] of readFileSync(join(gqlDir, 'gql.ts'), 'utf8').matchAll(MAP_ENTRY)) {
    const json = literals.get(name);
    if (json === undefined) throw new Error(`src/gql/gql.ts names ${name}, which src/gql/graphql.ts does not define`);
    documents.set(JSON.parse(key) as string, json);
  }
  if (documents.size === 0) throw new Error('src/gql/gql.ts maps no documents: run `npm run codegen` first');
  return documents;
}

export function inlineGraphqlDocuments(srcDir: string): Plugin {
  const gqlDir = join(srcDir, 'gql');
  let documents: Map<string, string> | undefined;
  return {
    name: 'alliance:inline-graphql-documents',
    apply: 'build',
    buildStart() {
      documents = readDocuments(gqlDir);
    },
    transform(code, id) {
      if (!id.startsWith(srcDir) || id.startsWith(gqlDir) || !/\.tsx?$/.test(id) || !code.includes('graphql(')) {
        return null;
      }
      let replaced = 0;
      const out = code.replace(CALL, (_call, text: string) => {
        const json = documents?.get(text);
        if (json === undefined) {
          this.error(`${id}: a graphql() call whose text the codegen did not see; run \`npm run codegen\``);
        }
        replaced += 1;
        // Keep the line count, so later lines keep their numbers in stack traces.
        return `(${json})${'\n'.repeat(text.split('\n').length - 1)}`;
      });
      return replaced === 0 ? null : { code: out, map: null };
    },
  };
}
