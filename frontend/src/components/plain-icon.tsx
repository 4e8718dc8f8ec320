import type { AbstractNode, IconDefinition } from '@ant-design/icons-svg/es/types';
import { createElement, type ReactNode } from 'react';

// antd's icons as plain inline SVG, from the same definitions `@ant-design/icons` draws (the
// `@ant-design/icons-svg` package it depends on): the components of `@ant-design/icons` bring a runtime
// (a context, a stylesheet inserted on mount) and chunks of their own that the logged-in frame, the
// first screen after logging in, does without. Styles: `.plain-icon` in first-screen.css.

/** `fill-rule` → `fillRule`: React's names for SVG attributes. */
function reactAttrs(attrs: AbstractNode['attrs']): Record<string, string> {
  return Object.fromEntries(
    Object.entries(attrs).map(([name, value]) => [name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()), value]),
  );
}

function draw(node: AbstractNode, key?: number): ReactNode {
  return createElement(node.tag, { key, ...reactAttrs(node.attrs) }, node.children?.map(draw));
}

/** A decorative icon (hidden from screen readers: the control it sits in carries the name). */
export function PlainIcon({ icon, className }: { icon: IconDefinition; className?: string }) {
  const root = typeof icon.icon === 'function' ? icon.icon('currentColor', 'currentColor') : icon.icon;
  return (
    <span className={className ? `plain-icon ${className}` : 'plain-icon'} aria-hidden="true">
      <svg
        {...reactAttrs(root.attrs)}
        width="1em"
        height="1em"
        fill="currentColor"
        aria-hidden="true"
        focusable="false"
      >
        {root.children?.map(draw)}
      </svg>
    </span>
  );
}
