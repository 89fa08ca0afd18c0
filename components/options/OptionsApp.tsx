import { AiProviderSection } from './AiProviderSection';
import { BackupSection } from './BackupSection';
import { BrandSection } from './BrandSection';

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
      <BackupSection />
    </div>
  );
}
