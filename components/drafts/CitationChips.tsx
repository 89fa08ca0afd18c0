import type { DraftCitation } from './types';

const KIND_LABELS: Record<string, string> = {
  order_field: 'Order',
  policy_clause: 'Policy',
  past_reply: 'Past reply',
  rule: 'Rule',
};

/** What a draft was built from, one chip per source; the full value is in the tooltip. */
export function CitationChips({ citations }: { citations: DraftCitation[] }) {
  if (citations.length === 0)
    return <p className="cp-muted draft-nocite">No sources cited: check every fact before sending.</p>;
  return (
    <ul className="cp-chips draft-citations" aria-label="Sources used">
      {citations.map((c, i) => (
        <li
          // biome-ignore lint/suspicious/noArrayIndexKey: citations are a fixed list per draft.
          key={i}
          className={`cp-chip draft-cite ${c.kind}`}
          title={c.value}
          data-testid="citation-chip"
        >
          {c.kind === 'order_field' ? (
            <>
              <b>{c.label}</b>
              <span className="draft-cite-text">{c.value}</span>
            </>
          ) : (
            <>
              <b>{KIND_LABELS[c.kind] ?? c.kind}</b>
              <span className="draft-cite-text">{c.label}</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
