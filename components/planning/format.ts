/** Display helpers shared by the planner page, the popup and the panel section (formatting only). */

export const CHANNEL_LABELS = { shopify: 'Shopify', pos: 'POS', amazon: 'Amazon' } as const;

export function fmtNum(x: number | null | undefined, digits = 0): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export function fmtMoney(x: number | null | undefined, currency: string | null = 'USD'): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  return x.toLocaleString('en-US', { style: 'currency', currency: currency ?? 'USD', maximumFractionDigits: 0 });
}

/** `Dec 3` from YYYY-MM-DD (UTC so the day never shifts). */
export function fmtDay(day: string | null | undefined): string {
  if (!day) return '—';
  const d = new Date(`${day}T00:00:00Z`);
  return d.toLocaleDateString('en-US', { month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Velocity split by channel, e.g. `Shopify 3.1 · Amazon 1.2` (channels with no sales left out). */
export function channelSplit(v: Record<string, number>): string {
  const parts = Object.entries(v)
    .filter(([, x]) => x > 0.005)
    .map(([k, x]) => `${CHANNEL_LABELS[k as keyof typeof CHANNEL_LABELS] ?? k} ${fmtNum(x, 1)}`);
  return parts.length ? parts.join(' · ') : 'no recent sales';
}

export const CONFIDENCE_TONE = { high: 'ok', medium: 'warn', low: 'bad' } as const;
