import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { browser } from 'wxt/browser';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { Notice } from '../ui/primitives';
import { useOptionsSave } from './options-form';

/** Loop's API host, asked for when a key is saved (an optional host permission, never at install). */
const LOOP_API = 'https://api.loopreturns.com/*';

/**
 * Optional Loop API key: with it, return pages are read from Loop's own data (the return details
 * endpoint) instead of the page. The key goes to the background's secret store and is never shown
 * again, put in a message to a page, or exported.
 */
export function LoopApiSection() {
  const qc = useQueryClient();
  const status = useQuery({
    queryKey: queryKeys.settings.loopApiKey(),
    queryFn: () => callOrThrow('loop.apiKeyStatus', {}),
  });
  const [key, setKey] = useState('');
  const [note, setNote] = useState<string | null>(null);
  const save = useMutation({
    mutationFn: async (apiKey: string) => {
      setNote(null);
      if (apiKey) {
        // Asked inside the click, for Loop's API host only.
        const granted = await browser.permissions.request({ origins: [LOOP_API] }).catch(() => false);
        if (!granted)
          setNote(
            'Counterpart was not allowed to contact Loop. Return pages will be read from the page until you allow it (save again to be asked).',
          );
      }
      return callOrThrow('loop.saveApiKey', { apiKey });
    },
    onSuccess: () => {
      setKey('');
      return qc.invalidateQueries({ queryKey: queryKeys.settings.loopApiKey() });
    },
  });
  // Saved with the page's one Save; removing the key is an action of its own.
  const { submit } = useOptionsSave('loop', {
    label: 'Loop API key',
    dirty: key.trim() !== '',
    save: () => save.mutateAsync(key.trim()),
    discard: () => setKey(''),
  });
  return (
    <section className="card" aria-labelledby="loop-api-title">
      <header>
        <h2 id="loop-api-title">Loop API key (optional)</h2>
        <p>
          With a key from Loop admin → Developer tools (Return scope, read only is enough), Counterpart reads each
          return from Loop’s own data. Without one it reads the return page. The key stays in this browser and is only
          sent to Loop.
        </p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="cp-field">
          <span>API key</span>
          <input
            className="cp-input"
            type="password"
            autoComplete="off"
            value={key}
            placeholder={status.data?.hasKey ? 'A key is saved; type a new one to replace it' : 'Paste the key'}
            onChange={(e) => setKey(e.target.value)}
            aria-label="Loop API key"
          />
        </label>
        <div className="cp-row">
          {status.data?.hasKey ? (
            <button className="cp-btn" type="button" disabled={save.isPending} onClick={() => save.mutate('')}>
              Remove Loop key
            </button>
          ) : null}
        </div>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          <p className="cp-muted" data-testid="loop-key-status">
            {status.data?.hasKey ? 'A Loop key is saved.' : 'No Loop key saved: return pages are read from the page.'}
          </p>
          {note ? <Notice tone="warn">{note}</Notice> : null}
          {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
        </div>
      </form>
    </section>
  );
}
