import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';

/** The panel's own key for its tab's typed values; under `panel` so a page change refetches it. */
export const fieldFixesKey = [...queryKeys.panel.all, 'field-fixes'] as const;

const NONE: Record<string, string> = {};

/**
 * The values the user gave for this tab's record: typed (or picked) for it, and read at a place
 * the user pointed at before on this app. Empty while loading or on error. Apart from the fields'
 * rules (`lib/sites/field-fixes`, which bring the schema library): the panel's first chunk needs
 * only this.
 */
export function useFieldFixes(enabled: boolean): { fixes: Record<string, string>; pointed: Record<string, string> } {
  const q = useQuery({
    queryKey: fieldFixesKey,
    queryFn: () => callOrThrow('sites.fieldFixes', {}),
    enabled,
    networkMode: 'always',
  });
  return { fixes: q.data?.fixes ?? NONE, pointed: q.data?.pointed ?? NONE };
}
