import { getAccessToken } from '@/lib/auth/session';

/** What `POST /media` answers for one stored item. */
export interface UploadedMedia {
  id: string;
  kind: 'photo' | 'file';
  contentType: string;
  byteSize: number;
  originalName: string;
  width: number | null;
  height: number | null;
  takenAt: string | null;
  position: number;
}

/** A refused upload: the stable code (translated by the caller) and the server's message. */
export class UploadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    /** The form field the server named (`file.0`, `effectiveOn`…), if any. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** `documentId` creates the document's next version with the one file. */
export type OwnerField = 'activityId' | 'agreementId' | 'documentVersionId' | 'documentId';

/**
 * Uploads one file with XMLHttpRequest (fetch reports no upload progress). `onProgress` gets
 * 0…1. The server keeps nothing of a failed upload.
 */
export function uploadMedia(
  owner: { field: OwnerField; id: string; extra?: Record<string, string> },
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadedMedia[]> {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append(owner.field, owner.id);
    for (const [name, value] of Object.entries(owner.extra ?? {})) form.append(name, value);
    form.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/media');
    const token = getAccessToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: {
        media?: UploadedMedia[];
        code?: string;
        message?: string;
        errors?: { code: string; field?: string }[];
      } = {};
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: handled below
      }
      if (xhr.status === 201 && body.media) {
        onProgress(1);
        resolve(body.media);
      } else {
        reject(
          new UploadError(
            body.errors?.[0]?.code ?? body.code ?? 'NETWORK',
            body.message ?? xhr.statusText,
            body.errors?.[0]?.field,
          ),
        );
      }
    };
    xhr.onerror = () => reject(new UploadError('NETWORK', 'network error'));
    xhr.onabort = () => reject(new UploadError('ABORTED', 'aborted'));
    signal?.addEventListener('abort', () => xhr.abort());
    xhr.send(form);
  });
}
