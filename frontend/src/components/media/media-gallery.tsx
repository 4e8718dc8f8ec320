import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Empty, Modal, Space, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface GalleryItem {
  id: string;
  thumbnailUrl: string | null;
  webUrl: string | null;
  caption: string | null;
  name: string;
}

/** A grid of thumbnails; a lightbox with captions, arrow keys, Escape and swipes. */
export function MediaGallery({ items }: { items: GalleryItem[] }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<number | null>(null);
  const touchStart = useRef<number | null>(null);
  const count = items.length;
  const move = (step: number) => setOpen((i) => (i === null ? i : (i + step + count) % count));

  useEffect(() => {
    if (open === null) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'ArrowRight') move(1);
      if (e.key === 'ArrowLeft') move(-1);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (count === 0) return <Empty description={t('media.empty')} />;
  const current = open === null ? null : items[open];
  return (
    <>
      <div
        role="list"
        aria-label={t('media.gallery')}
        style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(104px, 1fr))', gap: 8 }}
      >
        {items.map((item, i) => (
          <button
            key={item.id}
            type="button"
            role="listitem"
            onClick={() => setOpen(i)}
            aria-label={t('media.open', { name: item.caption ?? item.name })}
            style={{ padding: 0, border: 0, background: 'none', cursor: 'zoom-in', aspectRatio: '1' }}
          >
            {item.thumbnailUrl ? (
              <img
                src={item.thumbnailUrl}
                alt={item.caption ?? item.name}
                loading="lazy"
                style={{ width: '100%', height: '100%', objectFit: 'cover', borderRadius: 4 }}
              />
            ) : (
              <Typography.Text>{item.name}</Typography.Text>
            )}
          </button>
        ))}
      </div>
      <Modal
        open={current !== null}
        onCancel={() => setOpen(null)}
        footer={null}
        width="min(960px, 100vw)"
        centered
        title={current ? t('media.position', { index: (open ?? 0) + 1, count }) : null}
        closable
      >
        {current && (
          <div
            onTouchStart={(e) => {
              touchStart.current = e.touches[0]?.clientX ?? null;
            }}
            onTouchEnd={(e) => {
              const start = touchStart.current;
              const end = e.changedTouches[0]?.clientX;
              if (start !== null && end !== undefined && Math.abs(end - start) > 40) move(end < start ? 1 : -1);
              touchStart.current = null;
            }}
          >
            {current.webUrl && (
              <img
                src={current.webUrl}
                alt={current.caption ?? current.name}
                style={{ width: '100%', maxHeight: '70vh', objectFit: 'contain' }}
              />
            )}
            <Space style={{ width: '100%', justifyContent: 'space-between', marginTop: 8 }}>
              <Button icon={<LeftOutlined />} onClick={() => move(-1)} aria-label={t('media.previous')} />
              <Typography.Paragraph style={{ margin: 0, textAlign: 'center' }}>
                {current.caption ?? current.name}
              </Typography.Paragraph>
              <Button icon={<RightOutlined />} onClick={() => move(1)} aria-label={t('media.next')} />
            </Space>
          </div>
        )}
      </Modal>
    </>
  );
}
