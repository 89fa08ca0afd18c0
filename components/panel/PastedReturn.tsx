import { useQuery } from '@tanstack/react-query';
import { callOrThrow } from '../../lib/messaging/client';
import { queryKeys } from '../../lib/messaging/query-keys';
import { Highlighted } from '../returns/Highlighted';
import { Notice, Section, Spinner } from '../ui/primitives';

/**
 * Text pasted for a Loop page that could not be read, read like a return comment: the true reason
 * with the customer's words behind it marked. Items, the order and the policy decision need the page.
 */
export function PastedReturn({ text }: { text: string }) {
  const q = useQuery({
    queryKey: queryKeys.learning.pastedReturn(text),
    queryFn: () => callOrThrow('loop.classifyPasted', {}),
    networkMode: 'always',
  });
  return (
    <div data-testid="pasted-return">
      <p className="cp-muted" data-testid="read-source" style={{ margin: 0, padding: '10px 20px 0' }}>
        From the text you pasted
      </p>
      <Section title="Return reason">
        {q.isPending ? <Spinner label="Reading the text…" /> : null}
        {q.isError ? <Notice tone="bad">{q.error.message}</Notice> : null}
        {q.data ? (
          <>
            <p style={{ marginTop: 0 }}>
              <strong data-testid="pasted-reason">{q.data.reason}</strong>{' '}
              <span className="cp-muted">{Math.round(q.data.confidence * 100)}% sure</span>
            </p>
            {q.data.others.length ? <p className="cp-muted">Also mentioned: {q.data.others.join(', ')}</p> : null}
            {q.data.question ? <Notice tone="warn">{q.data.question}</Notice> : null}
            {q.data.safety ? (
              <Notice tone="bad" title="Health or safety words">
                A person should decide this return.
              </Notice>
            ) : null}
            <blockquote className="pasted-comment" style={{ margin: '8px 0', whiteSpace: 'pre-wrap' }}>
              <Highlighted
                text={q.data.text}
                marks={q.data.marks.map((m) => ({
                  ...m,
                  tone: m.title === 'Health or safety' ? ('safety' as const) : ('primary' as const),
                }))}
              />
            </blockquote>
            <p className="cp-muted">
              Items, the order and the refund decision need the return page itself; open it again or reload when it
              shows.
            </p>
          </>
        ) : null}
      </Section>
    </div>
  );
}
