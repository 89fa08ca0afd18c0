import { browser } from 'wxt/browser';
import { Empty } from '../ui/primitives';

/** The planner's reorder view (filled by the planning process). */
export function PopupApp() {
  return (
    <div style={{ width: 380, minHeight: 220 }}>
      <header className="cp-section cp-row">
        <strong>Counterpart</strong>
        <span className="cp-muted">Reorder view</span>
      </header>
      <Empty>No reorder plan yet. Import sales, inventory and supplier files in the planner.</Empty>
      <div className="cp-section cp-row">
        <button
          className="cp-btn primary"
          type="button"
          onClick={() => void browser.tabs.create({ url: browser.runtime.getURL('/planner.html') })}
        >
          Open planner
        </button>
        <button className="cp-btn" type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          Settings
        </button>
      </div>
    </div>
  );
}
