/** A card's title as a real heading (`h2` under the page's `h1`), styled like antd's card title. */
export function SectionTitle({ children }: { children: string }) {
  return <h2 className="section-title">{children}</h2>;
}
