import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACT } from './messaging/contract';
import { SENDER_KINDS } from './messaging/trust';
import { APP_IDS } from './sites/hosts';

// The conventions of STYLE.md that a reviewer would otherwise have to remember.
const root = path.resolve(__dirname, '..');

describe('project conventions', () => {
  it('gives every message type a request schema, a response schema and a sender policy', () => {
    for (const [type, def] of Object.entries(CONTRACT)) {
      expect(type, type).toMatch(/^([a-z]+\.)?[a-z][A-Za-z]+$/);
      expect(typeof def.request.safeParse, type).toBe('function');
      expect(typeof def.response.safeParse, type).toBe('function');
      expect(def.senders.length, type).toBeGreaterThan(0);
      for (const s of def.senders) expect(SENDER_KINDS, type).toContain(s);
    }
  });

  it('gives every site adapter tested URL detectors and selectors checked against fixtures', () => {
    for (const app of APP_IDS) {
      const dir = path.join(root, 'lib/sites', app);
      if (!existsSync(path.join(dir, 'urls.ts'))) continue; // adapter not written yet
      const files = readdirSync(dir);
      expect(files, app).toContain('urls.test.ts');
      expect(files, app).toContain('selectors.ts');
      expect(
        files.some((f) => /^(selectors|extract)\.test\.ts$/.test(f)),
        `${app} selector tests`,
      ).toBe(true);
      expect(existsSync(path.join(root, 'e2e/fixtures', app)), `${app} fixtures`).toBe(true);
    }
  });

  it('keeps the openai client out of everything but the background', () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes('.test.')) {
          const text = readFileSync(full, 'utf8');
          if (/from 'openai'/.test(text) || /dangerouslyAllowBrowser:\s*true/.test(text))
            offenders.push(path.relative(root, full));
        }
      }
    };
    walk(path.join(root, 'components'));
    for (const f of readdirSync(path.join(root, 'entrypoints'))) {
      const full = path.join(root, 'entrypoints', f);
      if (f.endsWith('.content.ts')) {
        const text = readFileSync(full, 'utf8');
        if (/openai/.test(text)) offenders.push(f);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('reads the wall clock only in lib/clock.ts (engines take dates as inputs; tests set theirs)', () => {
    // `new Date()` with no argument, `Date.now`, `performance.now`: each is a read of the clock.
    const reads = /new Date\(\s*\)|\bDate\.now\b|\bperformance\.now\b/;
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.includes('.test.')) {
          const rel = path.relative(root, full);
          if (rel === path.join('lib', 'clock.ts')) continue;
          const lines = readFileSync(full, 'utf8').split('\n');
          lines.forEach((line, i) => {
            if (reads.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${rel}:${i + 1}`);
          });
        }
      }
    };
    for (const dir of ['lib', 'entrypoints', 'components', 'bin']) walk(path.join(root, dir));
    expect(offenders).toEqual([]);
  });
});
