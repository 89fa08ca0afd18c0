import { useQuery } from '@tanstack/react-query';
import type { UsageSummary, UsageTotals } from '../../lib/ai/usage';
import { aiQueries } from '../../lib/messaging/queries';
import { Empty } from '../ui/primitives';

const pct = (x: number) => `${Math.round(x * 100)}%`;
const usd = (x: number) => (x < 0.01 && x > 0 ? '< $0.01' : `$${x.toFixed(2)}`);

function Row({ name, t }: { name: string; t: UsageTotals }) {
  return (
    <tr>
      <td>{name}</td>
      <td>{t.calls}</td>
      <td>{pct(t.cacheHitRate)}</td>
      <td>{t.fallbacks}</td>
      <td>{t.inputTokens.toLocaleString()}</td>
      <td>{t.outputTokens.toLocaleString()}</td>
      <td>
        {usd(t.costUsd)}
        {t.unpricedCalls ? ` (+${t.unpricedCalls} unpriced)` : ''}
      </td>
    </tr>
  );
}

/** Calls, tokens, cache hit rate and estimated cost per provider (prices are editable estimates in lib/ai/usage.ts). */
export function UsageSection() {
  const usage = useQuery(aiQueries.usage());
  const summary = usage.data?.summary as UsageSummary | undefined;
  return (
    <section className="card" aria-labelledby="usage-title">
      <header>
        <h2 id="usage-title">AI usage</h2>
        <p>Every classification and draft, by provider. Costs are estimates from list prices.</p>
      </header>
      <div className="card-body">
        {!summary || summary.calls === 0 ? (
          <Empty>No AI calls yet.</Empty>
        ) : (
          <table className="cp-table" aria-label="AI usage by provider">
            <thead>
              <tr>
                <th>Provider</th>
                <th>Calls</th>
                <th>Cache hits</th>
                <th>Local fallbacks</th>
                <th>Input tokens</th>
                <th>Output tokens</th>
                <th>Est. cost</th>
              </tr>
            </thead>
            <tbody>
              {Object.entries(summary.byProvider).map(([name, t]) => (
                <Row key={name} name={name} t={t} />
              ))}
              <Row name="All" t={summary} />
            </tbody>
          </table>
        )}
      </div>
    </section>
  );
}
