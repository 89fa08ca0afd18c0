import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { browser } from 'wxt/browser';
import { callOrThrow } from '../../lib/messaging/client';
import type { PanelContext } from '../panel/types';
import { Badge, Empty, Notice, Section, Spinner } from '../ui/primitives';
import { listingsQueries } from './queries';
import { CHANNEL_LABELS, countsLabel, FindingLine, groupByField, policyLabel, when } from './shared';
import './listings.css';

/** Shopify product page: the product as captured canonical, its Shopify violations and per-channel readiness. */
export function ProductSection({ context }: { context: PanelContext }) {
  const q = useQuery(listingsQueries.product(context.snapshot?.entityId ?? null));
  const catalogue = browser.runtime.getURL('/catalogue.html');
  // Showing a new version is recorded by a mutation (the query only reads): the next read says "up to date".
  const shown = useMutation({
    mutationFn: (v: { productId: string; version: number }) => callOrThrow('listings.productShown', v),
  });
  const { mutate } = shown;
  const [freshId, freshVersion] = q.data?.changedNow ? [q.data.productId, q.data.version] : [null, 0];
  useEffect(() => {
    if (freshId !== null) mutate({ productId: freshId, version: freshVersion });
  }, [freshId, freshVersion, mutate]);
  if (q.isPending)
    return (
      <Section title="Listings" label="Captured as canonical">
        <Spinner label="Capturing the product…" />
      </Section>
    );
  if (q.isError)
    return (
      <Section title="Listings" label="Captured as canonical">
        <Notice tone="bad" title="Could not capture this product">
          {q.error.message}
        </Notice>
      </Section>
    );
  const d = q.data;
  const last = d.lastChange;
  return (
    <>
      <Section
        title="Captured as canonical"
        label="Captured as canonical"
        aside={<Badge tone="accent">v{d.version}</Badge>}
      >
        <div className="ls-summary">
          {d.changedNow ? (
            <Badge tone="ok">{d.version === 1 ? 'First capture' : 'New version stored'}</Badge>
          ) : (
            <Badge>Up to date</Badge>
          )}
          {d.specialistOwned ? (
            <Badge tone="warn" title="On the protected list: suggestions only, no bulk apply">
              Specialist-owned
            </Badge>
          ) : null}
        </div>
        <p className="cp-muted" style={{ fontSize: 12.5 }} data-testid="canonical-last-change">
          {last && last.version > 1
            ? `Last change ${when(last.at)} (v${last.version}): ${last.fields.length > 4 ? `${last.fields.slice(0, 4).join(', ')} +${last.fields.length - 4} more` : last.fields.join(', ')}`
            : `First captured ${when(d.capturedAt)}: title, description, variants, images and SEO fields stored as the canonical version.`}
        </p>
        {d.history.length > 1 ? (
          <details style={{ fontSize: 12.5, marginTop: 6 }}>
            <summary>History ({d.history.length} versions)</summary>
            <ul className="ls-list" style={{ marginTop: 6 }}>
              {d.history.map((h) => (
                <li key={h.version}>
                  <b>v{h.version}</b> · {when(h.at)} · {h.fields.slice(0, 6).join(', ')}
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </Section>

      <Section title="Channel readiness" label="Channel readiness">
        <table className="ls-table" data-testid="channel-readiness">
          <tbody>
            {d.channels.map((c) => {
              const first = c.top.find((t) => t.severity !== 'recommendation') ?? c.top[0];
              return (
                <tr key={c.channel}>
                  <td style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }} data-testid={`readiness-${c.channel}`}>
                    <div style={{ fontWeight: 500 }}>{CHANNEL_LABELS[c.channel]}</div>
                    <Badge tone={c.ready ? 'ok' : 'bad'}>{c.ready ? 'Ready' : 'Not ready'}</Badge>
                    <div className="cp-muted" style={{ fontSize: 11 }}>
                      {countsLabel(c.mustFix, c.advice)}
                    </div>
                    {c.skus.total > 1 ? (
                      <div className="cp-muted" style={{ fontSize: 11 }}>
                        {c.skus.ready} of {c.skus.total} SKUs ready
                      </div>
                    ) : null}
                  </td>
                  <td className="cp-muted" style={{ fontSize: 11.5, verticalAlign: 'top', overflowWrap: 'anywhere' }}>
                    {first ? <span title={first.message}>{first.plain}</span> : 'nothing to fix'}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
        <p className="cp-muted" style={{ fontSize: 12, marginTop: 8 }}>
          Derived per SKU, each re-checked by the channel’s rules; ready when every SKU passes (Amazon:{' '}
          {policyLabel(d.policy)}).
        </p>
        <p style={{ marginTop: 6 }}>
          <a className="ls-link" href={catalogue} target="_blank" rel="noreferrer">
            Open the catalogue →
          </a>
        </p>
      </Section>

      <Section
        title="Shopify rules"
        label="Shopify rules"
        aside={
          d.shopify.findings.length ? (
            <Badge tone="warn">{d.shopify.findings.length}</Badge>
          ) : (
            <Badge tone="ok">Pass</Badge>
          )
        }
      >
        {d.shopify.findings.length === 0 ? (
          <Empty>The product passes every Shopify rule.</Empty>
        ) : (
          <div className="ls-list">
            {groupByField(d.shopify.findings).map(([field, fs]) => (
              <div key={field} className="ls-group">
                <header>{fs[0]?.label ?? field}</header>
                {fs.map((f, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: findings of one field keep their order.
                  <FindingLine key={i} {...f} />
                ))}
              </div>
            ))}
          </div>
        )}
      </Section>

      <Section
        title="GTIN"
        label="GTIN problems"
        aside={
          d.gtin.length + d.missingBarcodes.length ? (
            <Badge tone="bad">{d.gtin.length + d.missingBarcodes.length}</Badge>
          ) : (
            <Badge tone="ok">Valid</Badge>
          )
        }
      >
        {d.gtin.length === 0 && d.missingBarcodes.length === 0 ? (
          <Empty>Every variant barcode is a valid GTIN.</Empty>
        ) : (
          <div className="ls-list">
            {d.gtin.map((g) => (
              <div key={`${g.sku}-${g.rule}`} className="ls-group">
                <header>
                  {g.sku} <span className="ls-rule">{g.code}</span>
                </header>
                <FindingLine severity={g.severity} message={g.message} rule={g.rule} plain={g.plain} />
              </div>
            ))}
            {d.missingBarcodes.length ? (
              <Notice tone="warn" title="No barcode">
                {d.missingBarcodes.join(', ')}: marketplaces need a GTIN or a brand exemption.
              </Notice>
            ) : null}
          </div>
        )}
      </Section>
    </>
  );
}
