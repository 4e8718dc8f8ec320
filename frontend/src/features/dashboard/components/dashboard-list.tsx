import type { ReactNode } from 'react';
import './dashboard-list.css';

/**
 * A dashboard card's list: a title line and a description per entry, in plain markup (antd's List
 * cost a phone as much as the rest of the page, and its entry titles were `h4`s under the cards' `h2`).
 */
export function DashboardList<T extends { id: string }>({
  items,
  empty,
  render,
}: {
  items: readonly T[];
  /** Shown when there is nothing to list. */
  empty: string;
  render: (item: T) => { title: ReactNode; description: ReactNode; icon?: ReactNode };
}) {
  if (items.length === 0) return <p className="dashboard-list-empty">{empty}</p>;
  return (
    <ul className="dashboard-list">
      {items.map((item) => {
        const { title, description, icon } = render(item);
        return (
          <li key={item.id} className="dashboard-list-item">
            {icon && <span className="dashboard-list-icon">{icon}</span>}
            <div className="dashboard-list-body">
              <div className="dashboard-list-title">{title}</div>
              <div className="dashboard-list-description">{description}</div>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
