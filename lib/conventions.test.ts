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
    for (const full of sourceFiles(path.join(root, 'components'))) {
      const text = readFileSync(full, 'utf8');
      if (/from 'openai'/.test(text) || /dangerouslyAllowBrowser:\s*true/.test(text))
        offenders.push(path.relative(root, full));
    }
    for (const f of readdirSync(path.join(root, 'entrypoints'))) {
      const full = path.join(root, 'entrypoints', f);
      if (f.endsWith('.content.ts')) {
        const text = readFileSync(full, 'utf8');
        if (/openai/.test(text)) offenders.push(f);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('spells every TanStack Query key once, in the key factory', () => {
    const factory = path.join(root, 'lib/messaging/query-keys.ts');
    const offenders = [...sourceFiles(path.join(root, 'components')), ...sourceFiles(path.join(root, 'lib'))]
      .filter((file) => file !== factory && /(queryKey|mutationKey):\s*\[/.test(readFileSync(file, 'utf8')))
      .map((file) => path.relative(root, file));
    expect(offenders).toEqual([]);
  });

  it('keeps engines free of site adapters, Dexie, components and browser APIs', () => {
    const offenders = ENGINE_DIRS.flatMap((dir) => sourceFiles(path.join(root, 'lib', dir))).flatMap((file) =>
      engineViolations(file, readFileSync(file, 'utf8')).map((v) => `${path.relative(root, file)}: ${v}`),
    );
    expect(offenders).toEqual([]);
  });

  it('catches each kind of engine boundary violation (the check itself can fail)', () => {
    const file = path.join(root, 'lib/cs/example.ts');
    expect(
      engineViolations(
        file,
        [
          "import { extract } from '../sites/gorgias/extract';",
          "import Dexie from 'dexie';",
          "import { Badge } from '../../components/ui/primitives';",
          "import browser from 'webextension-polyfill';",
          "import { browser } from 'wxt/browser';",
          'const tabs = await browser.tabs.query({});',
          'chrome.runtime.sendMessage({});',
          "// browser.tabs in a comment is fine; so is import('../util/hash')",
          "const hash = await import('../util/hash');",
        ].join('\n'),
      ),
    ).toEqual([
      'imports lib/sites/gorgias/extract',
      'imports dexie',
      'imports components/ui/primitives',
      'imports webextension-polyfill',
      'imports wxt/browser',
      'calls browser.tabs',
      'calls chrome.runtime',
    ]);
  });

  it('reads the wall clock only in lib/clock.ts (engines take dates as inputs; tests set theirs)', () => {
    // `new Date()` with no argument, `Date.now`, `performance.now`: each is a read of the clock.
    const reads = /new Date\(\s*\)|\bDate\.now\b|\bperformance\.now\b/;
    const offenders: string[] = [];
    for (const dir of ['lib', 'entrypoints', 'components', 'bin']) {
      for (const full of sourceFiles(path.join(root, dir))) {
        const rel = path.relative(root, full);
        if (rel === path.join('lib', 'clock.ts')) continue;
        const lines = readFileSync(full, 'utf8').split('\n');
        lines.forEach((line, i) => {
          if (reads.test(line) && !/^\s*(\/\/|\*)/.test(line)) offenders.push(`${rel}:${i + 1}`);
        });
      }
    }
    expect(offenders).toEqual([]);
  });
});

/** The engines: plain functions over plain data (STYLE.md 14). */
const ENGINE_DIRS = ['cs', 'returns', 'planning', 'listings', 'ai'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [full] : [];
  });
}

/** What an engine file must not do: import an adapter, Dexie, a component or a browser API, or call one. */
function engineViolations(file: string, source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:])\/\/.*$/gm, '$1');
  const out: string[] = [];
  const specifiers = [...code.matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1] ?? '');
  for (const spec of specifiers) {
    if (/^(dexie|dexie-react-hooks|webextension-polyfill|wxt\/browser)$/.test(spec)) out.push(`imports ${spec}`);
    else if (spec.startsWith('.')) {
      const target = path
        .relative(root, path.resolve(path.dirname(file), spec))
        .split(path.sep)
        .join('/');
      if (/^(lib\/sites|components)(\/|$)/.test(target)) out.push(`imports ${target}`);
    }
  }
  for (const m of code.matchAll(/(?<![\w.$])(browser|chrome)\.([a-z]\w*)/g)) out.push(`calls ${m[1]}.${m[2]}`);
  return out;
}

const BUILD = path.join(root, '.output/chrome-mv3');
const BUILT = existsSync(BUILD);
/** Strings only the openai client carries (an API URL alone is not the client: the options page lists presets). */
const OPENAI_CLIENT = /dangerouslyAllowBrowser|OpenAIError|\/chat\/completions/;
const ZOD = /ZodError|\$ZodType/;

function builtScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return builtScripts(full);
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe.skipIf(!BUILT)(
  `built bundles${BUILT ? '' : ' (SKIPPED: .output/chrome-mv3 is absent; run `npm run build` to check them)'}`,
  () => {
    it('ships no zod and no openai client in a content script', () => {
      const dir = path.join(BUILD, 'content-scripts');
      const offenders = builtScripts(dir).flatMap((file) => {
        const text = readFileSync(file, 'utf8');
        return [
          ...(ZOD.test(text) ? [`${path.basename(file)}: zod`] : []),
          ...(OPENAI_CLIENT.test(text) ? [`${path.basename(file)}: openai`] : []),
        ];
      });
      expect(offenders).toEqual([]);
    });

    it('ships the openai client in the background only', () => {
      const background = path.join(BUILD, 'background.js');
      expect(OPENAI_CLIENT.test(readFileSync(background, 'utf8')), 'the background carries the client').toBe(true);
      const offenders = builtScripts(BUILD)
        .filter((file) => file !== background && OPENAI_CLIENT.test(readFileSync(file, 'utf8')))
        .map((file) => path.relative(BUILD, file));
      expect(offenders).toEqual([]);
    });
  },
);
