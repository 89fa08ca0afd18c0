import type { WriteAction } from './core';

const ACTIONS = new Set(['insertReplyText', 'fillField', 'markFields', 'clearMarks', 'readField', 'focusField']);
const str = (v: unknown, max: number, min = 0): v is string =>
  typeof v === 'string' && v.length >= min && v.length <= max;

/**
 * Zod-free check of a write action for the content script (which must stay small). The background
 * has already checked the same action against `writeActionSchema`; this is the second check at
 * the receiving end, with the same bounds.
 */
export function parseWriteAction(value: unknown): WriteAction | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as Record<string, unknown>;
  if (typeof v.action !== 'string' || !ACTIONS.has(v.action)) return null;
  switch (v.action) {
    case 'insertReplyText':
      return str(v.text, 20_000, 1) ? { action: 'insertReplyText', text: v.text } : null;
    case 'fillField':
      return str(v.field, 200, 1) && str(v.value, 20_000)
        ? { action: 'fillField', field: v.field, value: v.value }
        : null;
    case 'readField':
      return str(v.field, 200, 1) ? { action: 'readField', field: v.field } : null;
    case 'focusField':
      return str(v.field, 200, 1) ? { action: 'focusField', field: v.field } : null;
    case 'clearMarks':
      return { action: 'clearMarks' };
    case 'markFields': {
      if (!Array.isArray(v.marks) || v.marks.length > 200) return null;
      const marks = [];
      for (const m of v.marks as unknown[]) {
        if (!m || typeof m !== 'object') return null;
        const { field, severity, note } = m as Record<string, unknown>;
        if (!str(field, 200) || !str(severity, 40) || !str(note, 500)) return null;
        marks.push({ field, severity, note });
      }
      return { action: 'markFields', marks };
    }
    default:
      return null;
  }
}
