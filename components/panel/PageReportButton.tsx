import { useState } from 'react';
import { type PageReportInput, pageReport } from '../../lib/sites/page-report';
import { copyText } from '../drafts/DraftCard';

/**
 * "Copy page report": puts the redacted report of this page (lib/sites/page-report.ts) on the
 * clipboard for a bug report. Field names and shapes only, never the customer's content.
 */
export function PageReportButton(props: Omit<PageReportInput, 'userAgent'>) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  return (
    <div className="cp-row page-report" style={{ padding: '6px 20px 0' }}>
      <button
        className="cp-btn"
        type="button"
        data-testid="copy-page-report"
        title="Copies what was read and what was missing, without customer details, for a bug report."
        onClick={async () => {
          const ok = await copyText(pageReport({ ...props, userAgent: navigator.userAgent }));
          setState(ok ? 'copied' : 'failed');
        }}
      >
        Copy page report
      </button>
      <span className="cp-muted" role="status">
        {state === 'copied'
          ? 'Copied. Customer details are left out.'
          : state === 'failed'
            ? 'Could not copy. Your browser blocked the clipboard.'
            : ''}
      </span>
    </div>
  );
}
