import type { ReactNode } from 'react';
import type { DraftFlag } from './types';

const FLAG_LABELS: Record<string, string> = {
  order_number: 'order number',
  tracking_number: 'tracking number',
  amount: 'amount',
  date: 'date',
  percentage: 'percentage',
  url: 'link',
};

export const flagLabel = (kind: string): string => FLAG_LABELS[kind] ?? kind.replaceAll('_', ' ');

/**
 * Splits `text` into React nodes, wrapping each flagged span in a <mark> (never HTML: the text
 * may come from a model or a customer). Overlapping or out-of-range flags are skipped.
 */
export function splitFlagged(text: string, flagged: DraftFlag[]): ReactNode[] {
  const nodes: ReactNode[] = [];
  let at = 0;
  const sorted = [...flagged].sort((a, b) => a.start - b.start);
  for (const f of sorted) {
    if (f.start < at || f.end > text.length || f.end <= f.start) continue;
    if (f.start > at) nodes.push(text.slice(at, f.start));
    nodes.push(
      <mark
        key={`${f.start}-${f.end}`}
        className="draft-flag"
        title={`Not found in the sources: check this ${flagLabel(f.kind)}`}
        data-testid="draft-flag"
      >
        {text.slice(f.start, f.end)}
      </mark>,
    );
    at = f.end;
  }
  if (at < text.length) nodes.push(text.slice(at));
  return nodes;
}

/** The draft's text with unsupported facts highlighted, line breaks kept. */
export function FlaggedText({ text, flagged }: { text: string; flagged: DraftFlag[] }) {
  return (
    <div className="draft-text" data-testid="draft-text">
      {splitFlagged(text, flagged)}
    </div>
  );
}
