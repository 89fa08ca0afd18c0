import { describe, expect, it } from 'vitest';
import { parseDay } from './core';

/** parseDay as it was before its ISO fast path: the regex reading and a Date round trip. */
function reference(text: string): string | null {
  const s = text.trim();
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T\s])/.exec(s);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

describe('parseDay on ISO days', () => {
  it('answers as the regex and Date round trip did, valid days and invalid ones', () => {
    const texts = [
      '2026-11-27',
      ' 2026-11-27 ',
      '2026-11-27 14:03:11 -0500',
      '2026-11-27T23:59:00+00:00',
      '2026-11-27\t10:00',
      '2026-11-27x',
      '2024-02-29',
      '2023-02-29',
      '1900-02-29',
      '2000-02-29',
      '2026-04-31',
      '2026-12-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0099-05-05',
      '0100-05-05',
      '0999-12-31',
      '9999-12-31',
      '2026-1-01',
      '20261-01-01',
      '2026/01/01',
      '',
    ];
    for (let y = 1999; y <= 2001; y++)
      for (let mo = 1; mo <= 12; mo++)
        for (let d = 27; d <= 32; d++)
          texts.push(`${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')} 10:00:00 -0500`);
    for (const t of texts) expect(parseDay(t), t).toBe(reference(t));
  });
});
