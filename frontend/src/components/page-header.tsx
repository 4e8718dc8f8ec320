import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

/** The page's heading (the one `h1`) and its actions. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <Flex align="center" justify="space-between" wrap gap={12} style={{ marginBottom: 16 }}>
      <Typography.Title level={1} style={{ margin: 0, fontSize: 24 }}>
        {title}
      </Typography.Title>
      {extra}
    </Flex>
  );
}
