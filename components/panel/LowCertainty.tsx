import { Notice, Section } from '../ui/primitives';

/**
 * Facts the adapter read but is not sure of (a status read from a non-English word, a number that
 * reads two ways, variant titles rebuilt from grouped rows), from the page data's `lowCertainty`
 * list (Shopify and Seller Central adapters). Text only; nothing when the list is absent or empty.
 */
export function LowCertainty({ data }: { data: unknown }) {
  const list = data && typeof data === 'object' ? (data as { lowCertainty?: unknown }).lowCertainty : undefined;
  const items = Array.isArray(list) ? list.filter((x): x is string => typeof x === 'string').slice(0, 20) : [];
  if (items.length === 0) return null;
  return (
    <Section title="Check these">
      <Notice tone="warn" title="Read, but not for certain">
        <ul className="missing-list" data-testid="low-certainty">
          {items.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      </Notice>
    </Section>
  );
}
