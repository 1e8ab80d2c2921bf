import { ATTACHMENT_MAX_BYTES, ATTACHMENT_MEDIA_TYPES } from '@seamless/contracts';

export type FileProblem = 'missing' | 'too_large' | 'type';

/**
 * What is wrong with a chosen file before it is sent. The browser's type is only a hint (the
 * server sniffs the bytes), but it spares a user the wait of uploading a file that will be refused.
 */
export function fileProblem(file: Pick<File, 'size' | 'type'> | null): FileProblem | null {
  if (!file) return 'missing';
  if (file.size > ATTACHMENT_MAX_BYTES) return 'too_large';
  if (file.type && !(ATTACHMENT_MEDIA_TYPES as readonly string[]).includes(file.type)) return 'type';
  return null;
}

/** A size in the reader's number format: bytes, kilobytes or megabytes. */
export function formatBytes(bytes: number, locale: string): string {
  const units = [
    ['megabyte', 1024 * 1024],
    ['kilobyte', 1024],
  ] as const;
  for (const [unit, size] of units) {
    if (bytes >= size) {
      return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(bytes / size);
    }
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'byte', unitDisplay: 'short' }).format(bytes);
}
