import { DownloadOutlined, ExpandOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Flex, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadTextFile, svgDataUrl } from '@/lib/files/download-text';

interface CheckInKitProps {
  /** What people check in to (the meeting's title, the activity's theme): the enlarged view's title. */
  title: string;
  /** The check-in code, if the server gave one. */
  code: string | null;
  /** The check-in link; the kit shows nothing without one. */
  url: string | null;
  /** The link as an SVG QR code, from the server. */
  qrSvg: string | null;
  /** The QR image's accessible name, e.g. “会议签到二维码”. */
  qrAlt: string;
  /** Who scans it and how. */
  hint: string;
  /** The downloaded file's name, without the extension. */
  fileName: string;
}

/**
 * The organizer's check-in kit: the QR code (an <img> of the server's SVG, never live markup), the
 * code and the link, with an enlarged view to show on a screen and the SVG to download and print.
 */
export function CheckInKit({ title, code, url, qrSvg, qrAlt, hint, fileName }: CheckInKitProps) {
  const { t } = useTranslation();
  const [enlarged, setEnlarged] = useState(false);
  if (!url) return null;
  const qr = qrSvg ? svgDataUrl(qrSvg) : null;
  return (
    <Card size="small" type="inner" title={t('checkInKit.title')} style={{ marginBottom: 16 }}>
      <Flex wrap gap={16} align="center">
        {qr && <img src={qr} alt={qrAlt} width={160} height={160} style={{ background: '#fff' }} />}
        <Flex vertical gap={4} style={{ minWidth: 0, flex: '1 1 200px' }}>
          <Typography.Text type="secondary">{hint}</Typography.Text>
          {code && (
            <Descriptions column={1} size="small">
              <Descriptions.Item label={t('checkInKit.code')}>
                <Typography.Text strong code copyable={{ tooltips: [t('checkInKit.code'), t('checkInKit.copied')] }}>
                  {code}
                </Typography.Text>
              </Descriptions.Item>
            </Descriptions>
          )}
          <Typography.Text type="secondary">{t('checkInKit.link')}</Typography.Text>
          <Typography.Paragraph
            copyable={{ text: url, tooltips: [t('checkInKit.copyLink'), t('checkInKit.copied')] }}
            style={{ wordBreak: 'break-all', marginBottom: 0 }}
          >
            <a href={url}>{url}</a>
          </Typography.Paragraph>
          {qrSvg && qr && (
            <Flex wrap gap={8}>
              <Button icon={<ExpandOutlined />} onClick={() => setEnlarged(true)} style={{ minHeight: 44 }}>
                {t('checkInKit.enlarge')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                onClick={() => downloadTextFile(`${fileName}.svg`, qrSvg, 'image/svg+xml')}
                style={{ minHeight: 44 }}
              >
                {t('checkInKit.download')}
              </Button>
            </Flex>
          )}
        </Flex>
      </Flex>
      <Modal
        open={enlarged}
        onCancel={() => setEnlarged(false)}
        footer={null}
        title={title}
        closable={{ 'aria-label': t('common.close') }}
        width={560}
        centered
      >
        {qr && (
          <Flex vertical align="center" gap={12}>
            <img src={qr} alt={qrAlt} style={{ width: '100%', maxWidth: 480, background: '#fff' }} />
            {code && (
              <Typography.Text style={{ fontSize: 28 }} strong>
                {t('checkInKit.code')}: {code}
              </Typography.Text>
            )}
          </Flex>
        )}
      </Modal>
    </Card>
  );
}
