import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_MATCHES } from '../../lib/sites/hosts';
import { DEMO_EXTENSION_PAGES, DEMO_PAGES, DEMO_VIEWPORTS } from './demo-pages';

const ENTRYPOINTS = path.resolve(__dirname, '../../entrypoints');

// Issue 17 point 10: the demo shows every screen a user meets, at both screen sizes.
describe('the demo covers every screen', () => {
  it('photographs every extension page (each entrypoint with an index.html, except the framed panel)', () => {
    const pages = readdirSync(ENTRYPOINTS).filter(
      (d) => d !== 'panel' && existsSync(path.join(ENTRYPOINTS, d, 'index.html')),
    );
    expect([...DEMO_EXTENSION_PAGES].sort()).toEqual(pages.sort());
  });

  it('opens the panel on each of the four host apps', () => {
    expect(new Set(DEMO_PAGES.map((p) => p.app))).toEqual(
      new Set(Object.keys(HOST_MATCHES).filter((k) => k !== 'all')),
    );
  });

  it('at 1366×768 and 1440×900', () => {
    expect(DEMO_VIEWPORTS.map((v) => `${v.width}x${v.height}`)).toEqual(['1366x768', '1440x900']);
  });
});
