import type { ReactNode } from 'react';

export interface Mark {
  start: number;
  end: number;
  tone: 'primary' | 'secondary' | 'safety';
  title: string;
}

/**
 * The customer's comment with the supporting words marked: the text is split into React text nodes
 * and <mark> elements by offsets (never parsed as HTML). Overlapping marks keep the first, by
 * priority safety > primary > secondary.
 */
export function Highlighted({ text, marks }: { text: string; marks: Mark[] }) {
  const rank = { safety: 0, primary: 1, secondary: 2 } as const;
  const chosen: Mark[] = [];
  for (const m of [...marks].sort((a, b) => rank[a.tone] - rank[b.tone] || a.start - b.start)) {
    const start = Math.max(0, Math.min(text.length, m.start));
    const end = Math.max(start, Math.min(text.length, m.end));
    if (end <= start) continue;
    if (chosen.some((c) => start < c.end && end > c.start)) continue;
    chosen.push({ ...m, start, end });
  }
  chosen.sort((a, b) => a.start - b.start);
  // Neighbouring marks of one reason separated only by spaces read as one phrase ("seam ripped").
  for (let i = chosen.length - 1; i > 0; i -= 1) {
    const prev = chosen[i - 1]!;
    const cur = chosen[i]!;
    if (prev.tone === cur.tone && prev.title === cur.title && /^\s*$/.test(text.slice(prev.end, cur.start))) {
      prev.end = cur.end;
      chosen.splice(i, 1);
    }
  }
  const out: ReactNode[] = [];
  let at = 0;
  for (const m of chosen) {
    if (m.start > at) out.push(text.slice(at, m.start));
    out.push(
      <mark key={`${m.start}-${m.end}`} className={`rt-mark ${m.tone}`} title={m.title}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  }
  if (at < text.length) out.push(text.slice(at));
  return <>{out}</>;
}
