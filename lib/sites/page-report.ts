import { redact } from '../ai/guards/redact';
import type { SnapshotEnvelope } from './snapshot';

/**
 * The page report a user attaches to a bug report (issue 13, item 6): plain text that says what
 * Counterpart read on a page, where from, what was missing and what was uncertain, without the
 * customer's content. Values never appear: each field is listed by name with its shape
 * ("text, 54 chars", "e-mail", "list, 3 items"); the address loses its query string and ids; the
 * adapter's own messages go through `redact` and lose long digit runs (order and ticket numbers).
 */
export interface PageReportInput {
  snapshot: Pick<SnapshotEnvelope, 'app' | 'page' | 'url' | 'recognised' | 'missing' | 'source' | 'uncertain'> & {
    data?: unknown;
  };
  appLabel: string;
  /** Whether the panel is working from text the user pasted for this tab. */
  pasted: boolean;
  /** Field names the user filled in by hand ("from you"). */
  fixed?: string[];
  version: string;
  /** `navigator.userAgent`; reduced to browser names and versions. */
  userAgent: string;
}

const SOURCE: Record<string, string> = {
  api: 'API (the app’s own data)',
  dom: 'page (read from the page markup)',
  user: 'user (text the user gave)',
};

const MAX_FIELDS = 80;

/** The report as plain text, one fact a line. */
export function pageReport(input: PageReportInput): string {
  const { snapshot } = input;
  const fields: string[] = [];
  listFields(snapshot.data, '', 0, fields);
  const source = input.pasted ? 'pasted (text the user pasted into the panel)' : SOURCE[snapshot.source ?? 'dom'];
  const lines = [
    'Counterpart page report',
    `App: ${input.appLabel} (${snapshot.app})`,
    `Page kind: ${snapshot.page}${snapshot.recognised ? '' : ' (not recognised)'}`,
    `Address: ${redactUrl(snapshot.url)}`,
    `Source: ${source}`,
    '',
    `Fields read (${fields.length}):`,
    ...(fields.length ? fields.slice(0, MAX_FIELDS).map((f) => `- ${f}`) : ['- none']),
    ...(fields.length > MAX_FIELDS ? [`- … ${fields.length - MAX_FIELDS} more`] : []),
    '',
    `Missing (${snapshot.missing.length}):`,
    ...(snapshot.missing.length ? snapshot.missing.map((m) => `- ${scrub(m)}`) : ['- none']),
    '',
    `Uncertain (${snapshot.uncertain?.length ?? 0}):`,
    ...(snapshot.uncertain?.length ? snapshot.uncertain.map((m) => `- ${scrub(m)}`) : ['- none']),
    ...(input.fixed?.length ? ['', 'Filled in by the user:', ...input.fixed.map((f) => `- ${scrub(f)}`)] : []),
    '',
    `Extension version: ${input.version || 'unknown'}`,
    `Browser: ${browserOf(input.userAgent)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** Origin and path only; path segments that look like ids (digits, long hex or mixed tokens) become `[id]`. */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '[not a web address]';
  }
  const path = parsed.pathname
    .split('/')
    .map((seg) => (looksLikeId(seg) ? '[id]' : seg))
    .join('/');
  return `${parsed.origin}${path}${parsed.search ? ' (query string removed)' : ''}${parsed.hash ? ' (fragment removed)' : ''}`;
}

function looksLikeId(segment: string): boolean {
  if (!segment) return false;
  if (/^\d+$|\d{2,}/.test(segment)) return true;
  if (/^[0-9a-f-]{12,}$/i.test(segment)) return true;
  return segment.length > 24;
}

/** A field's shape, never its value (booleans excepted: "yes"/"no" carries no customer content). */
export function valueShape(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return Number.isFinite(value) ? 'number' : 'not a number';
  if (typeof value === 'string') {
    if (value.trim() === '') return 'empty text';
    const kinds = piiKinds(value);
    const whole =
      kinds.length === 1 &&
      redact(value)
        .text.trim()
        .match(/^\[[A-Z]+_1\]$/);
    if (whole) return KIND_NAME[kinds[0] as string] ?? 'text';
    if (/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?/.test(value)) return 'date';
    return `text, ${value.length} chars${kinds.length ? ` (contains ${kinds.map((k) => KIND_NAME[k]).join(', ')})` : ''}`;
  }
  if (Array.isArray(value)) return `list, ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') return `group of ${Object.keys(value).length}`;
  return typeof value;
}

const KIND_NAME: Record<string, string> = {
  EMAIL: 'e-mail',
  PHONE: 'phone number',
  ADDRESS: 'street address',
  CARD: 'card-like number',
};

function piiKinds(text: string): string[] {
  const { map } = redact(text);
  return [...new Set(Object.keys(map).map((p) => p.slice(1).split('_')[0] as string))];
}

/** Field names with shapes, nested two levels deep; lists describe their first item. */
function listFields(value: unknown, path: string, depth: number, out: string[]): void {
  if (value === null || typeof value !== 'object') {
    if (path) out.push(`${path}: ${valueShape(value)}`);
    return;
  }
  if (Array.isArray(value)) {
    if (path) out.push(`${path}: ${valueShape(value)}`);
    if (depth < 2 && value.length && value[0] !== null && typeof value[0] === 'object')
      listFields(value[0], `${path}[0]`, depth + 1, out);
    return;
  }
  if (depth >= 3) {
    if (path) out.push(`${path}: ${valueShape(value)}`);
    return;
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    listFields(v, path ? `${path}.${safeKey(key)}` : safeKey(key), depth + 1, out);
  }
}

/** Object keys come from our own schemas, but a record keyed by page content must not leak it. */
function safeKey(key: string): string {
  return /^[A-Za-z_][\w-]{0,40}$/.test(key) ? key : '[key]';
}

/** An adapter message without personal data or record numbers. */
function scrub(text: string): string {
  return redact(text)
    .text.replace(/#?\d{4,}/g, '[number]')
    .slice(0, 300);
}

/** "Chrome 131, Firefox 133": browser names and major versions only. */
export function browserOf(userAgent: string): string {
  const found: string[] = [];
  for (const [name, re] of [
    ['Edge', /Edg\/(\d+)/],
    ['Firefox', /Firefox\/(\d+)/],
    ['Chrome', /Chrome\/(\d+)/],
    ['Safari', /Version\/(\d+)[^ ]* Safari/],
  ] as const) {
    const m = userAgent.match(re);
    if (m) {
      found.push(`${name} ${m[1]}`);
      break;
    }
  }
  const os = /Windows/.test(userAgent)
    ? 'Windows'
    : /Mac OS X/.test(userAgent)
      ? 'macOS'
      : /Android/.test(userAgent)
        ? 'Android'
        : /Linux/.test(userAgent)
          ? 'Linux'
          : '';
  return found.length ? `${found.join(', ')}${os ? ` on ${os}` : ''}` : 'unknown';
}
