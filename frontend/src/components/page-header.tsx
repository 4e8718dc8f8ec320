import type { ReactNode } from 'react';

/**
 * The page's heading (the one `h1`) and its actions. Plain markup (index.css), styled like antd's
 * level-1 title at 24 px: the dashboard, the first screen after logging in, loads no antd.
 */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div className="page-header">
      <h1 className="page-header__title">{title}</h1>
      {extra}
    </div>
  );
}
