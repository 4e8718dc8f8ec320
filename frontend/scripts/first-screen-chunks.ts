// Which chunk a module goes to, for the logged-in first screen: the dashboard (`/`) needed 17 chunks
// after the entry's pieces, each a <link rel="modulepreload"> the router appended and a request, most of
// them a few hundred bytes (an icon, a hook) that rolldown splits off because another page shares them.
// On a phone (4x CPU) appending them was two tasks of 100-140 ms after the first paint.
//
// - `frame`: the logged-in frame and the dashboard, with everything they import that the entry does not
//   (icons, the bell, the layout's hooks). Every logged-in page needs the frame; the dashboard's own
//   code adds ~2 KB brotli to the others.
// - `first-screens`: the small modules the frame shares with the plain first screens (login, check-in):
//   the session guard, the language switch, the skip link, the document title.
// Everything else is left to rolldown's automatic splitting.
import type { CodeSplittingNameFunction } from 'rolldown';

const src = (path: string) => `${process.cwd()}/src/${path}`;
const ENTRY = ['main.tsx', 'i18n/index.ts', 'app/index.tsx', 'lib/auth/session.ts'].map(src);
const FRAME = ['app/routes/app-root.tsx', 'app/routes/dashboard.tsx'].map(src);
const PLAIN = ['app/routes/login.tsx', 'app/routes/check-in.tsx', 'app/routes/activity-check-in.tsx'].map(src);

type Context = Parameters<CodeSplittingNameFunction>[1];

/** The modules `roots` import statically, directly or not (what loads with them). */
function staticClosure(roots: string[], ctx: Context): Set<string> {
  const seen = new Set<string>();
  const queue = [...roots];
  while (queue.length) {
    const id = queue.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(ctx.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

export function firstScreenChunks(): CodeSplittingNameFunction {
  let sets: { entry: Set<string>; frame: Set<string>; plain: Set<string> } | null = null;
  return (id, ctx) => {
    sets ??= {
      // react-dom/client is the entry's too, imported dynamically by main.tsx.
      entry: staticClosure([...ENTRY, ...(ctx.getModuleInfo(ENTRY[0])?.dynamicallyImportedIds ?? [])], ctx),
      frame: staticClosure(FRAME, ctx),
      plain: staticClosure(PLAIN, ctx),
    };
    if (sets.entry.has(id) || !sets.frame.has(id)) return null;
    if (!sets.plain.has(id)) return 'frame';
    return id.startsWith(src('')) ? 'first-screens' : null;
  };
}
