import sharp from 'sharp';
import type { AttachmentMediaType } from './sniffMediaType.js';

/** Larger images are refused rather than decoded: a small file can expand into gigabytes of pixels. */
const MAX_INPUT_PIXELS = 40_000_000;

export class UnreadableImageError extends Error {}

/**
 * Re-encodes a photo so nothing but pixels survives: EXIF (GPS position, camera, time), XMP,
 * IPTC and comments can reveal where a victim or a shelter is. The orientation is applied to the
 * pixels first, because dropping the EXIF orientation tag would otherwise turn the photo sideways.
 * PDFs pass through unchanged.
 */
export async function stripImageMetadata(bytes: Buffer, mediaType: AttachmentMediaType): Promise<Buffer> {
  if (mediaType === 'application/pdf') return bytes;
  const image = sharp(bytes, { failOn: 'error', limitInputPixels: MAX_INPUT_PIXELS }).autoOrient();
  const encoded =
    mediaType === 'image/jpeg' ? image.jpeg({ quality: 90 }) : mediaType === 'image/png' ? image.png() : image.webp({ quality: 90 });
  try {
    return await encoded.toBuffer();
  } catch {
    throw new UnreadableImageError('The image could not be decoded.');
  }
}
