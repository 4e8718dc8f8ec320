import ReactMarkdown, { type Components } from 'react-markdown';
import remarkGfm from 'remark-gfm';

// Links written in a document open in a new tab, so a reader does not lose the page they are on.
const COMPONENTS: Components = {
  a: ({ node: _node, ...props }) => <a {...props} target="_blank" rel="noopener noreferrer" />,
};

/**
 * Markdown written by users (working rules, minutes, handover reports), with GitHub-style tables and
 * lists. Raw HTML in the text is not rendered and unsafe link protocols are dropped (react-markdown's
 * defaults), so nothing a user writes can run in another user's browser.
 */
export function Markdown({ children, label }: { children: string; label?: string }) {
  return (
    <div className="markdown-body" aria-label={label} role={label ? 'document' : undefined}>
      <ReactMarkdown remarkPlugins={[remarkGfm]} components={COMPONENTS}>
        {children}
      </ReactMarkdown>
    </div>
  );
}
