import type { ReactNode } from 'react';
import { Badge, type Tone } from '../ui/primitives';

const SEVERITY: Record<string, { tone: Tone; label: string; hint: string }> = {
  blocks_submission: { tone: 'bad', label: 'Must fix', hint: 'The channel rejects the listing until this is fixed.' },
  suppresses_listing: {
    tone: 'bad',
    label: 'Must fix',
    hint: 'Accepted, then suppressed from search or rewritten by the channel.',
  },
  recommendation: { tone: 'neutral', label: 'Advice', hint: 'Best practice; affects quality and conversion.' },
};

export function SeverityBadge({ severity }: { severity: string }) {
  const s = SEVERITY[severity] ?? { tone: 'neutral' as Tone, label: severity, hint: '' };
  return (
    <span className="ls-sev">
      <Badge tone={s.tone} title={s.hint}>
        {s.label}
      </Badge>
    </span>
  );
}

/**
 * The one way a count of findings is written everywhere (panel, catalogue, channel readiness):
 * "must fix" blocks submission or suppresses the listing, "advice" is the rest.
 */
export function countsLabel(mustFix: number, advice: number): string {
  if (mustFix === 0 && advice === 0) return 'nothing to fix';
  const parts: string[] = [];
  if (mustFix) parts.push(`${mustFix} must fix`);
  if (advice) parts.push(`${advice} advice`);
  return parts.join(' · ');
}

export const CHANNEL_LABELS: Record<string, string> = {
  amazon: 'Amazon',
  walmart: 'Walmart',
  ebay: 'eBay',
  target: 'Target Plus',
  faire: 'Faire',
  shopify: 'Shopify',
};

export const STATUS_TONES: Record<string, Tone> = {
  draft: 'neutral',
  ready: 'ok',
  submitted: 'accent',
  live: 'ok',
  suppressed: 'bad',
  active: 'ok',
  inactive: 'warn',
  incomplete: 'warn',
  unknown: 'neutral',
};

export function policyLabel(p: { policy: string; auto: boolean }): string {
  const name = p.policy === 'amazon-2026-07' ? '75-char titles (2026-07)' : '200-char titles (2025-01)';
  return `${name}${p.auto ? ', by date' : ''}`;
}

export function when(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A finding line: severity badge, the message in plain words, the rule id behind "Details". */
export function FindingLine({
  severity,
  message,
  rule,
  plain,
  review,
}: {
  severity: string;
  message: string;
  rule: string;
  plain?: string;
  review?: boolean;
}) {
  return (
    <div className="ls-finding">
      <SeverityBadge severity={severity} />
      <div>
        {plain ?? message}
        {review ? <span className="ls-review"> · needs your review</span> : null}
        {plain !== undefined ? (
          <details className="ls-details">
            <summary>Details</summary>
            <code>{rule}</code>: {message}
          </details>
        ) : (
          <>
            {' '}
            <span className="ls-rule">{rule}</span>
          </>
        )}
      </div>
    </div>
  );
}

export function Group({ title, aside, children }: { title: ReactNode; aside?: ReactNode; children: ReactNode }) {
  return (
    <div className="ls-group">
      <header>
        {title}
        {aside ? (
          <>
            <span className="cp-spacer" />
            {aside}
          </>
        ) : null}
      </header>
      {children}
    </div>
  );
}

/** Findings grouped by field, worst first (the order the checker returns). */
export function groupByField<T extends { field: string }>(items: readonly T[]): [string, T[]][] {
  const map = new Map<string, T[]>();
  for (const i of items) map.set(i.field, [...(map.get(i.field) ?? []), i]);
  return [...map];
}
