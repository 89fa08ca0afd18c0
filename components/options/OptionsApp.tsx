import { CsOptions } from '../cs/CsOptions';
import { ListingsOptions } from '../listings/ListingsOptions';
import { PlanningOptions } from '../planning/PlanningOptions';
import { ReturnsOptions } from '../returns/ReturnsOptions';
import { AiProviderSection } from './AiProviderSection';
import { BackupSection } from './BackupSection';
import { BrandSection } from './BrandSection';
import { LoopApiSection } from './LoopApiSection';
import { RetentionSection } from './RetentionSection';
import { UsageSection } from './UsageSection';

/** The options page: provider, brand policies, the process sections, backup. */
export function OptionsApp() {
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-logo" aria-hidden="true">
          C
        </div>
        <h1>Counterpart settings</h1>
      </div>
      <AiProviderSection />
      <BrandSection />
      <CsOptions />
      <ReturnsOptions />
      <LoopApiSection />
      <PlanningOptions />
      <ListingsOptions />
      <UsageSection />
      <RetentionSection />
      <BackupSection />
    </div>
  );
}
