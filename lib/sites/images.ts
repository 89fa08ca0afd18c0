import type { ImageMeta } from '../listings/canonical';

type RGB = [number, number, number];
/** The part of ImageData the pixel math needs (RGBA bytes, row by row). */
export interface Pixels {
  data: ArrayLike<number>;
  width: number;
  height: number;
}

const FORMATS: Record<string, string> = {
  jpg: 'jpeg',
  jpeg: 'jpeg',
  png: 'png',
  gif: 'gif',
  webp: 'webp',
  tif: 'tiff',
  tiff: 'tiff',
  heic: 'heic',
  bmp: 'bmp',
  svg: 'svg',
  'svg+xml': 'svg',
};

/** Lower-case format from a data: URI's mime type or the URL path's extension; unknown → undefined. */
export function imageFormat(src: string): string | undefined {
  const key = src.startsWith('data:')
    ? src.match(/^data:image\/([a-z0-9.+-]+)/i)?.[1]
    : src.match(/^[^?#]*\.([a-z0-9]+)(?:[?#]|$)/i)?.[1];
  return key ? FORMATS[key.toLowerCase()] : undefined;
}

/** The src as the snapshot keeps it: long inline data: URIs are shortened to their header and length. */
export function snapshotImageUrl(src: string): string {
  const url =
    src.startsWith('data:') && src.length > 200
      ? `${src.slice(0, src.indexOf(',') + 1)}…(${src.length} chars inline)`
      : src;
  return url.slice(0, 4000);
}

/** Long side of the canvas the picture is scaled down to before its pixels are read. */
export const SAMPLE_SIZE = 64;
/** A pixel is "product" when a channel differs from the background by more than this. */
export const TOLERANCE = 24;

/**
 * Corner colours and product fill from pixels. `corner_rgb` = average RGB of a small square at each
 * corner (top-left, top-right, bottom-left, bottom-right). `product_fill` = max(box width / width,
 * box height / height) of the bounding box of pixels that differ from the mean corner colour by more
 * than TOLERANCE: the product's longer dimension, as the reference measures its 85% fill rule.
 */
export function analysePixels(px: Pixels): Pick<ImageMeta, 'corner_rgb' | 'product_fill'> {
  const { data, width: w, height: h } = px;
  if (w < 1 || h < 1) return {};
  const s = Math.max(1, Math.min(3, Math.floor(Math.min(w, h) / 8)));
  const at = (x: number, y: number) => (y * w + x) * 4;
  const square = (x0: number, y0: number): RGB => {
    let r = 0;
    let g = 0;
    let b = 0;
    for (let y = y0; y < y0 + s; y++)
      for (let x = x0; x < x0 + s; x++) {
        const i = at(x, y);
        r += data[i] ?? 0;
        g += data[i + 1] ?? 0;
        b += data[i + 2] ?? 0;
      }
    const n = s * s;
    return [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
  };
  const corners = [square(0, 0), square(w - s, 0), square(0, h - s), square(w - s, h - s)];
  const bg = [0, 1, 2].map((c) => corners.reduce((a, k) => a + (k[c] ?? 0), 0) / 4);
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = at(x, y);
      if (bg.some((v, c) => Math.abs((data[i + c] ?? 0) - v) > TOLERANCE)) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  const fill = x1 < 0 ? 0 : Math.max((x1 - x0 + 1) / w, (y1 - y0 + 1) / h);
  return { corner_rgb: corners, product_fill: Math.round(fill * 100) / 100 };
}

/** Reads a picture's pixels at `width`×`height`; null when it cannot. */
export type PixelSource = (src: string, width: number, height: number) => Promise<Pixels | null>;
/** What is measured from a picture's pixels. */
export type PixelMeta = Pick<ImageMeta, 'corner_rgb' | 'product_fill'>;
/** Measures a picture from its URL at `width`×`height` (the content script asks the background); null when it cannot. */
export type MeasureSource = (src: string, width: number, height: number) => Promise<PixelMeta | null>;

/**
 * The picture's bytes are fetched (data: URI, or https with CORS, no cookies) and decoded and scaled
 * by `createImageBitmap`, then analysed. Runs in the background (service worker): nothing of it
 * touches the host page's main thread. (Drawing the page's <img> into a canvas decoded a 1200×1200
 * picture on the host's main thread, tens of ms per picture.)
 */
export const offThreadPixels: PixelSource = async (src, width, height) => {
  if (typeof createImageBitmap !== 'function' || typeof OffscreenCanvas !== 'function') return null;
  const response = await fetch(src, { credentials: 'omit' });
  if (!response.ok) return null;
  const bitmap = await createImageBitmap(await response.blob(), {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'medium',
  });
  try {
    const ctx = new OffscreenCanvas(width, height).getContext('2d', { willReadFrequently: true });
    if (!ctx) return null;
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0, width, height);
    return ctx.getImageData(0, 0, width, height);
  } finally {
    bitmap.close();
  }
};

/** `offThreadPixels` then `analysePixels`: what the background answers to `image.measure`. */
export async function measurePixels(src: string, width: number, height: number): Promise<PixelMeta> {
  const px = await offThreadPixels(src, width, height);
  return px ? analysePixels(px) : {};
}

let measureSource: MeasureSource | null = null;
let onMeasured: (() => void) | null = null;
const measured = new Map<string, PixelMeta>();
const pending = new Set<string>();

/** Sets how pixels are measured (the content script: a message to the background; null: not at all). */
export function setMeasureSource(source: MeasureSource | null): void {
  measureSource = source;
  measured.clear();
  pending.clear();
}

/** Called when the pictures asked for have been measured: the page is worth reading again. */
export function setImageMeasuredListener(listener: (() => void) | null): void {
  onMeasured = listener;
}

function requestPixels(src: string, width: number, height: number): void {
  const source = measureSource;
  if (!source || pending.has(src)) return;
  pending.add(src);
  const k = SAMPLE_SIZE / Math.max(width, height);
  const done = (meta: PixelMeta | null) => {
    pending.delete(src);
    if (source !== measureSource) return;
    if (measured.size > 200) measured.clear();
    measured.set(src, meta ?? {});
    // One re-read for a batch of pictures, not one per picture.
    if (pending.size === 0) onMeasured?.();
  };
  source(src, Math.max(1, Math.round(width * Math.min(1, k))), Math.max(1, Math.round(height * Math.min(1, k)))).then(
    done,
    () => done(null), // not readable (cross-origin without CORS, network error): keep what is known
  );
}

/**
 * What the page's own picture tells: format (from the URL), natural size, and, once measured,
 * corner colours and product fill read from a copy scaled to SAMPLE_SIZE px on its long side,
 * drawn over white (transparency counts as white, as marketplaces show it). The pixels are
 * measured off the host's main thread (see `measurePixels`) once the image has loaded; until then
 * the answer has no pixel fields, and the listener set with `setImageMeasuredListener` is called
 * when they are in. File size is not known without fetching, so `file_mb` is left out.
 * Synchronous; never throws.
 */
export function measureImage(img: HTMLImageElement, _doc?: Document): Partial<ImageMeta> {
  const src = img.currentSrc || img.getAttribute('src') || '';
  const meta: Partial<ImageMeta> = {};
  const format = imageFormat(src);
  if (format) meta.format = format;
  if (!img.complete || !(img.naturalWidth > 0)) return meta;
  meta.width = img.naturalWidth;
  meta.height = img.naturalHeight;
  const hit = measured.get(src);
  if (hit) return { ...meta, ...hit };
  requestPixels(src, meta.width, meta.height);
  return meta;
}
