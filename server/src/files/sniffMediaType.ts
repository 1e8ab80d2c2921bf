import { ATTACHMENT_MEDIA_TYPES } from '@seamless/contracts';
import { fileTypeFromBuffer } from 'file-type';

export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

const isAccepted = (mime: string): mime is AttachmentMediaType => (ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(mime);

/**
 * What the bytes really are, judged from their signature alone: a file name or a Content-Type
 * header is whatever the sender chose to write. Null for anything outside the accepted types.
 */
export async function sniffMediaType(bytes: Uint8Array): Promise<AttachmentMediaType | null> {
  const detected = await fileTypeFromBuffer(bytes);
  return detected && isAccepted(detected.mime) ? detected.mime : null;
}

const EXTENSIONS: Record<AttachmentMediaType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/png': ['png'],
  'image/webp': ['webp'],
};

/**
 * The name a download is saved under: the sender's base name without path, control characters
 * or direction overrides (which make `fdp.exe` look like `exe.pdf`), ending in an extension of
 * the type the bytes really have — so a PDF sent as `notes.html` cannot be opened later as a web
 * page from the recipient's disk.
 */
export function safeFileName(original: string, mediaType: AttachmentMediaType): string {
  const base = (original.split(/[\\/]/).pop() ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu, '')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 200);
  const extensions = EXTENSIONS[mediaType];
  const extension = base.includes('.') ? base.slice(base.lastIndexOf('.') + 1).toLowerCase() : '';
  if (!base) return `attachment.${extensions[0]}`;
  return extensions.includes(extension) ? base : `${base}.${extensions[0]}`;
}
