import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { Notice, Section } from '../ui/primitives';
import { PastedReturn } from './PastedReturn';
import type { PanelContext } from './types';
import { viewsFor } from './views';

const STALE = /the page still shows record/;

/** The manual path: says what could not be found and takes pasted text instead. */
export function UnreadablePage({ context, appLabel }: { context: PanelContext; appLabel: string }) {
  const queryClient = useQueryClient();
  const [text, setText] = useState(context.manual?.text ?? '');
  const submit = useMutation({
    mutationFn: (value: string) => callOrThrow('panel.submitManual', { text: value }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.panel.all }),
  });
  const missing = context.snapshot?.missing ?? [];
  // The address moved on to another record but the content still shows the previous one (page identity).
  const stale = missing.some((m) => STALE.test(m));
  // Pasted text on a Gorgias page is a ticket: it is classified and drafted like one (the background
  // builds the ticket from the text, lib/sites/gorgias/paste.ts); on a Loop page it is a return
  // (PastedReturn, lib/sites/loop/paste.ts). Other apps keep the text for now.
  const pastedViews = context.manual && context.app === 'gorgias' ? (viewsFor('gorgias', 'ticket') ?? []) : [];
  return (
    <>
      <Section title={stale ? 'Page still changing' : 'Page not recognised'}>
        <Notice tone="warn" title={`Could not read this page`}>
          {stale
            ? `The address names another record than the one this ${appLabel} page still shows, so nothing was read: Counterpart reads it as soon as the page shows the record of the address. Reload the page if it stays like this.`
            : `Counterpart does not recognise the structure of this ${appLabel} page, so nothing was read automatically.`}
          {missing.length ? (
            <ul className="missing-list">
              {missing.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </Notice>
      </Section>
      <Section title="Paste instead">
        <form
          className="paste-box"
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate(text);
          }}
        >
          <label className="cp-field">
            <span>Paste the customer message, return details or listing text</span>
            <textarea
              className="cp-textarea"
              value={text}
              onChange={(e) => setText(e.target.value)}
              placeholder="Select the text on the page, copy it and paste it here."
              rows={7}
              aria-label="Pasted page text"
            />
          </label>
          <div className="cp-row">
            <button className="cp-btn primary" type="submit" disabled={submit.isPending || !text.trim()}>
              Use this text
            </button>
            {submit.isSuccess && context.manual ? <span className="cp-muted">Saved for this tab.</span> : null}
          </div>
          {submit.isError ? <Notice tone="bad">{submit.error.message}</Notice> : null}
        </form>
      </Section>
      {pastedViews.length ? (
        <div data-testid="pasted-ticket">
          <p className="cp-muted" data-testid="read-source" style={{ margin: 0, padding: '10px 20px 0' }}>
            From the text you pasted
          </p>
          {pastedViews.map((View, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is static per page kind.
            <View key={i} context={context} />
          ))}
        </div>
      ) : null}
      {context.manual && context.app === 'loop' ? <PastedReturn context={context} text={context.manual.text} /> : null}
    </>
  );
}
