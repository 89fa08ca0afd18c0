// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analysePixels, imageFormat, measureImage, setImageMeasuredListener, setMeasureSource } from './images';

/** w×h RGBA pixels of `bg`, with a `fg` rectangle [x0, y0, x1, y1) painted on. */
function pixels(w: number, h: number, bg: number[], fg?: { rect: number[]; rgb: number[] }) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = fg?.rect ?? [];
      const inside = fg && x >= x0 && x < x1 && y >= y0 && y < y1;
      data.set([...(inside ? fg.rgb : bg), 255], (y * w + x) * 4);
    }
  return { data, width: w, height: h };
}

describe('imageFormat', () => {
  it.each([
    ['https://cdn.shopify.com/s/files/1/tee.JPG?v=1', 'jpeg'],
    ['https://m.media-amazon.com/images/I/71abc.jpeg', 'jpeg'],
    ['/a/b.png#x', 'png'],
    ['https://x.test/i.tif', 'tiff'],
    ['https://x.test/i.TIFF', 'tiff'],
    ['https://x.test/i.webp', 'webp'],
    ['https://x.test/i.heic', 'heic'],
    ['https://x.test/i.gif', 'gif'],
    ['data:image/png;base64,iVBOR', 'png'],
    ['data:image/jpeg;base64,/9j/', 'jpeg'],
    ['data:image/svg+xml,%3Csvg', 'svg'],
  ])('%s → %s', (src, format) => expect(imageFormat(src)).toBe(format));

  it.each(['https://x.test/image', 'https://x.test/i.php?f=a.png', 'data:text/plain,hi', ''])(
    'omits an unknown format (%s)',
    (src) => expect(imageFormat(src)).toBeUndefined(),
  );
});

describe('analysePixels', () => {
  it('reads pure white corners and the fill of the longer side of the product box', () => {
    // 64×64, product 32 wide × 56 tall → fill = 56/64.
    const r = analysePixels(pixels(64, 64, [255, 255, 255], { rect: [16, 4, 48, 60], rgb: [20, 20, 20] }));
    expect(r.corner_rgb).toEqual([
      [255, 255, 255],
      [255, 255, 255],
      [255, 255, 255],
      [255, 255, 255],
    ]);
    expect(r.product_fill).toBe(0.88);
  });

  it('reports an off-white background and a small product', () => {
    const r = analysePixels(pixels(64, 48, [245, 245, 240], { rect: [20, 10, 40, 30], rgb: [200, 30, 30] }));
    expect(r.corner_rgb?.[0]).toEqual([245, 245, 240]);
    expect(r.corner_rgb).toHaveLength(4);
    expect(r.product_fill).toBe(0.42); // max(20/64, 20/48)
  });

  it('ignores differences within the tolerance and gives 0 for an empty picture', () => {
    const r = analysePixels(pixels(32, 32, [255, 255, 255], { rect: [0, 0, 32, 16], rgb: [240, 240, 240] }));
    expect(r.product_fill).toBe(0);
  });

  it('counts a product touching the edges as full', () => {
    const r = analysePixels(pixels(40, 40, [255, 255, 255], { rect: [10, 0, 30, 40], rgb: [0, 0, 0] }));
    expect(r.product_fill).toBe(1);
  });

  it('returns nothing for an empty pixel array', () => {
    expect(analysePixels({ data: [], width: 0, height: 0 })).toEqual({});
  });
});

describe('measureImage', () => {
  const img = (src: string, loaded: boolean) => {
    const el = document.createElement('img');
    el.src = src;
    Object.defineProperty(el, 'complete', { value: loaded });
    Object.defineProperty(el, 'naturalWidth', { value: loaded ? 1600 : 0 });
    Object.defineProperty(el, 'naturalHeight', { value: loaded ? 1200 : 0 });
    return el;
  };
  afterEach(() => {
    setMeasureSource(null);
    setImageMeasuredListener(null);
  });

  it('gives only the format before the image has loaded, and reads no pixels', () => {
    const asked: string[] = [];
    setMeasureSource(async (src) => {
      asked.push(src);
      return null;
    });
    expect(measureImage(img('https://x.test/a.jpg', false))).toEqual({ format: 'jpeg' });
    expect(asked).toEqual([]);
  });

  it('never draws the page’s own <img> on the host’s main thread: pixels are measured elsewhere, from the URL, scaled', async () => {
    const el = img('https://x.test/b.webp', true);
    const drawn = vi.spyOn(HTMLCanvasElement.prototype, 'getContext');
    const asked: unknown[] = [];
    const px = pixels(64, 48, [250, 250, 250], { rect: [8, 0, 56, 48], rgb: [0, 0, 0] });
    setMeasureSource(async (src, w, h) => {
      asked.push([src, w, h]);
      return analysePixels(px);
    });
    let told = 0;
    setImageMeasuredListener(() => told++);
    // First read: size now, pixels not yet (they are read asynchronously).
    expect(measureImage(el)).toEqual({ format: 'webp', width: 1600, height: 1200 });
    expect(measureImage(el)).toEqual({ format: 'webp', width: 1600, height: 1200 });
    await vi.waitFor(() => expect(told).toBe(1));
    expect(asked).toEqual([['https://x.test/b.webp', 64, 48]]);
    const m = measureImage(el);
    expect(m).toMatchObject({ format: 'webp', width: 1600, height: 1200, product_fill: 1 });
    expect(m.corner_rgb?.[0]).toEqual([250, 250, 250]);
    expect(drawn).not.toHaveBeenCalled();
    drawn.mockRestore();
  });

  it('keeps what is known when the pixels cannot be read (cross-origin without CORS)', async () => {
    const el = img('https://x.test/c.png', true);
    setMeasureSource(async () => {
      throw new DOMException('blocked', 'SecurityError');
    });
    let told = 0;
    setImageMeasuredListener(() => told++);
    expect(measureImage(el)).toEqual({ format: 'png', width: 1600, height: 1200 });
    await vi.waitFor(() => expect(told).toBe(1));
    expect(measureImage(el)).toEqual({ format: 'png', width: 1600, height: 1200 });
  });
});
