import { useQuery } from '@tanstack/react-query';
import { browser } from 'wxt/browser';
import type { PanelContext } from '../panel/types';
import { Badge, Empty, Notice, Section, Spinner } from '../ui/primitives';
import { listingsQueries } from './queries';
import './listings.css';

/** Manage All Inventory: every listing's status recorded; counts and the reasons behind suppressed listings. */
export function InventorySection(_props: { context: PanelContext }) {
  const q = useQuery(listingsQueries.inventory());
  const catalogue = browser.runtime.getURL('/catalogue.html');
  if (q.isPending)
    return (
      <Section title="Listing status" label="Listing status">
        <Spinner label="Reading statuses…" />
      </Section>
    );
  if (q.isError)
    return (
      <Section title="Listing status" label="Listing status">
        <Notice tone="bad" title="Could not record the statuses">
          {q.error.message}
        </Notice>
      </Section>
    );
  const d = q.data;
  const tiles: Array<[string, number, string]> = [
    ['Active', d.counts.active ?? 0, 'ok'],
    ['Inactive', d.counts.inactive ?? 0, 'warn'],
    ['Suppressed', d.counts.suppressed ?? 0, 'bad'],
    ['Incomplete', d.counts.incomplete ?? 0, 'warn'],
  ];
  return (
    <>
      <Section title="Listing status" label="Listing status" aside={<Badge tone="accent">{d.recorded} recorded</Badge>}>
        <div className="ls-counts" data-testid="status-counts">
          {tiles.map(([label, n, tone]) => (
            <div key={label} className={n ? tone : ''}>
              <div className="ls-count">{n}</div>
              {label}
            </div>
          ))}
        </div>
        <p className="cp-muted" style={{ fontSize: 12 }}>
          {d.matched} of {d.recorded} listings match a canonical product by SKU.{' '}
          <a className="ls-link" href={catalogue} target="_blank" rel="noreferrer">
            Open the catalogue
          </a>
        </p>
      </Section>
      <Section title="Suppressed" label="Suppressed listings">
        {d.suppressed.length === 0 ? (
          <Empty>No listing on this page is suppressed.</Empty>
        ) : (
          <ul className="ls-list">
            {d.suppressed.map((s) => (
              <li key={s.sku} className="ls-group">
                <header>
                  {s.sku}
                  <span className="cp-spacer" />
                  <Badge tone="bad">Suppressed</Badge>
                </header>
                <div style={{ fontSize: 12.5 }}>{s.reason ?? 'No reason shown'}</div>
                <div className="cp-muted" style={{ fontSize: 11.5 }}>
                  {s.title}
                </div>
              </li>
            ))}
          </ul>
        )}
      </Section>
      {d.reasons.length ? (
        <Section title="Reasons" label="Status reasons">
          <table className="ls-table">
            <tbody>
              {d.reasons.map((r) => (
                <tr key={r.reason}>
                  <td>{r.reason}</td>
                  <td style={{ textAlign: 'right' }}>{r.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Section>
      ) : null}
    </>
  );
}
