import type { ReactNode } from 'react';
import { CsOptions } from '../cs/CsOptions';
import { ListingsOptions } from '../listings/ListingsOptions';
import { PlanningOptions } from '../planning/PlanningOptions';
import { ReturnsOptions } from '../returns/ReturnsOptions';
import { AiProviderSection } from './AiProviderSection';
import { BackupSection } from './BackupSection';
import { BrandModelSection } from './BrandModelSection';
import { BrandSection } from './BrandSection';
import { LoopApiSection } from './LoopApiSection';
import { OptionsFormProvider, SaveBar, useOptionsForm } from './options-form';
import { RetentionSection } from './RetentionSection';
import { UsageSection } from './UsageSection';
import './options.css';

/** The page's parts, in page order: the anchor, its name in the contents, which saver marks it unsaved. */
const PARTS: Array<{ id: string; label: string; saver?: string; render: () => ReactNode }> = [
  { id: 'ai', label: 'AI provider', saver: 'ai', render: () => <AiProviderSection /> },
  { id: 'brand', label: 'Brand and policies', saver: 'brand', render: () => <BrandSection /> },
  { id: 'cs', label: 'Customer service', saver: 'cs', render: () => <CsOptions /> },
  { id: 'returns', label: 'Returns policy', saver: 'returns', render: () => <ReturnsOptions /> },
  { id: 'loop-api', label: 'Loop Returns API', saver: 'loop', render: () => <LoopApiSection /> },
  { id: 'planning', label: 'Inventory planning', saver: 'planning', render: () => <PlanningOptions /> },
  { id: 'listings', label: 'Marketplace listings', saver: 'listings', render: () => <ListingsOptions /> },
  { id: 'brand-model', label: 'Learning your customers’ words', render: () => <BrandModelSection /> },
  { id: 'usage', label: 'AI usage', render: () => <UsageSection /> },
  { id: 'retention', label: 'Data retention', saver: 'retention', render: () => <RetentionSection /> },
  { id: 'backup', label: 'Backup and restore', render: () => <BackupSection /> },
];

/**
 * The options page: a contents list to jump to each part, every setting in one form state with one
 * Save (and Discard) in a bar that stays in view and says what is unsaved; backup and imports are
 * actions of their own.
 */
export function OptionsApp() {
  const form = useOptionsForm();
  return (
    <OptionsFormProvider api={form.api}>
      <div className="page opt-page">
        <div className="opt-top">
          <div className="page-header">
            <div className="page-logo" aria-hidden="true">
              C
            </div>
            <h1>Counterpart settings</h1>
          </div>
          <SaveBar form={form} />
        </div>
        <div className="opt-layout">
          <nav className="opt-toc" aria-label="Settings sections">
            <ul>
              {PARTS.map((p) => (
                <li key={p.id}>
                  <a href={`#opt-${p.id}`}>
                    {p.label}
                    {p.saver && p.saver in form.dirty ? (
                      <span className="opt-dirty" title="Unsaved changes">
                        <span aria-hidden="true"> ●</span>
                        <span className="sr-only"> (unsaved changes)</span>
                      </span>
                    ) : null}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="opt-sections">
            {PARTS.map((p) => (
              <div key={p.id} id={`opt-${p.id}`} className="opt-anchor">
                {p.render()}
              </div>
            ))}
          </div>
        </div>
      </div>
    </OptionsFormProvider>
  );
}
