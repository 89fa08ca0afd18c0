import { useQuery } from '@tanstack/react-query';
import { queryKeys } from '../../lib/messaging/query-keys';
import { Notice } from '../ui/primitives';
import type { PanelContext } from './types';
import { viewsFor } from './views';

/**
 * Text pasted for a Loop page that could not be read, handled like a read return: the background
 * builds the return from the text (`lib/sites/loop/paste.ts`) and the Loop panel's own sections show
 * the true reason, the decision and the reply draft. What the text lacks is said first; without a
 * price or a date the decision is a person's (stated as its rule).
 */
export function PastedReturn({ context, text }: { context: PanelContext; text: string }) {
  // Read here only to name what is missing; the parser loads with the panel's returns sections.
  const lacks = useQuery({
    queryKey: queryKeys.learning.pastedReturn(text),
    queryFn: () => import('../../lib/sites/loop/paste').then((m) => m.returnFromPaste(text, null).lacks),
    networkMode: 'always',
    staleTime: Number.POSITIVE_INFINITY,
  });
  const views = viewsFor('loop', 'return') ?? [];
  return (
    <div data-testid="pasted-return">
      <p className="cp-muted" data-testid="read-source" style={{ margin: 0, padding: '10px 20px 0' }}>
        From the text you pasted
      </p>
      {lacks.data?.length ? (
        <div style={{ padding: '8px 20px 0' }}>
          <Notice tone="warn" title="The pasted text does not show">
            <ul className="missing-list" data-testid="pasted-lacks">
              {lacks.data.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
            Paste a version that includes them (for example “Price: 68.00”, “Delivered: 3 Nov 2026”) for a decision the
            rules can make on their own.
          </Notice>
        </div>
      ) : null}
      {views.map((View, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per page kind.
        <View key={i} context={context} />
      ))}
    </div>
  );
}
