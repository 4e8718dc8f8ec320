export { MediaGallery, type GalleryItem } from './media-gallery';
export { MediaUploader, type MediaUploaderProps } from './media-uploader';
export { type OwnerField, type UploadedMedia, UploadError, uploadMedia } from './upload-media';
export { useMedia } from './use-media';
