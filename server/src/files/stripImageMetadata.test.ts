import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { stripImageMetadata, UnreadableImageError } from './stripImageMetadata.js';

/** The GPSInfo tag (0x8825) pointing at the GPS directory, in either TIFF byte order. */
const hasGpsDirectory = (exif: Buffer | undefined) =>
  !!exif && (exif.includes(Buffer.from([0x88, 0x25])) || exif.includes(Buffer.from([0x25, 0x88])));

/** A 40×20 photo as a phone writes it: camera, GPS position, and "rotate 90° to view" (orientation 6). */
async function phonePhoto() {
  const tagged = await sharp({ create: { width: 40, height: 20, channels: 3, background: '#cc3333' } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'SeamlessTestCam', Model: 'Field phone' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '20/1 25/1 3000/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '99/1 52/1 0/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .toBuffer();
  return sharp(tagged).withMetadata({ orientation: 6 }).jpeg().toBuffer();
}

describe('stripImageMetadata', () => {
  it('removes EXIF with the GPS position from a JPEG and turns the pixels upright', async () => {
    const photo = await phonePhoto();
    const before = await sharp(photo).metadata();
    // The input really carries what must go.
    expect(before.orientation).toBe(6);
    expect(before.exif?.includes('WGS-84')).toBe(true);
    expect(hasGpsDirectory(before.exif)).toBe(true);
    expect(photo.includes('SeamlessTestCam')).toBe(true);

    const stripped = await stripImageMetadata(photo, 'image/jpeg');
    const after = await sharp(stripped).metadata();
    expect(after.format).toBe('jpeg');
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.orientation).toBeUndefined();
    expect([after.width, after.height]).toEqual([20, 40]);
    for (const marker of ['Exif', 'WGS-84', 'SeamlessTestCam', 'Field phone']) expect(stripped.includes(marker)).toBe(false);
  });

  it('strips PNG and WebP too, keeping their format', async () => {
    const base = sharp({ create: { width: 8, height: 8, channels: 4, background: '#00000000' } }).withExif({
      IFD0: { Artist: 'Aye Aye Khine' },
    });
    for (const [format, mediaType] of [
      ['png', 'image/png'],
      ['webp', 'image/webp'],
    ] as const) {
      const input = await base.clone().toFormat(format).toBuffer();
      expect((await sharp(input).metadata()).exif?.includes('Aye Aye')).toBe(true);
      const stripped = await stripImageMetadata(input, mediaType);
      const after = await sharp(stripped).metadata();
      expect(after.format).toBe(format);
      expect(after.exif).toBeUndefined();
      expect(stripped.includes('Aye Aye')).toBe(false);
    }
  });

  it('passes a PDF through unchanged and refuses an image it cannot decode', async () => {
    const pdf = Buffer.from('%PDF-1.7\n%%EOF\n');
    expect((await stripImageMetadata(pdf, 'application/pdf')).equals(pdf)).toBe(true);
    const truncated = (await phonePhoto()).subarray(0, 200);
    await expect(stripImageMetadata(truncated, 'image/jpeg')).rejects.toBeInstanceOf(UnreadableImageError);
  });
});
