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

const cache = new WeakMap<HTMLImageElement, { src: string; meta: Partial<ImageMeta> }>();

/**
 * What the page's own picture tells without fetching it: format (from the URL), natural size, and,
 * once the image has loaded and the canvas is not tainted (cross-origin image without CORS),
 * corner colours and product fill read from a copy scaled to SAMPLE_SIZE px on its long side,
 * drawn over white (transparency counts as white, as marketplaces show it). File size is not known
 * without fetching, so `file_mb` is left out. Synchronous; never throws.
 */
export function measureImage(img: HTMLImageElement, doc: Document): Partial<ImageMeta> {
  const src = img.currentSrc || img.getAttribute('src') || '';
  const meta: Partial<ImageMeta> = {};
  const format = imageFormat(src);
  if (format) meta.format = format;
  if (!img.complete || !(img.naturalWidth > 0)) return meta;
  const hit = cache.get(img);
  if (hit && hit.src === src) return { ...hit.meta };
  meta.width = img.naturalWidth;
  meta.height = img.naturalHeight;
  try {
    const k = SAMPLE_SIZE / Math.max(meta.width, meta.height);
    const w = Math.max(1, Math.round(meta.width * Math.min(1, k)));
    const h = Math.max(1, Math.round(meta.height * Math.min(1, k)));
    const canvas = doc.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (ctx) {
      ctx.fillStyle = '#fff';
      ctx.fillRect(0, 0, w, h);
      ctx.drawImage(img, 0, 0, w, h);
      Object.assign(meta, analysePixels(ctx.getImageData(0, 0, w, h)));
    }
  } catch {
    // Tainted canvas (SecurityError) or no canvas: keep what is known.
  }
  cache.set(img, { src, meta: { ...meta } });
  return meta;
}
