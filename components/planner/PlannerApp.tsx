import { Empty } from '../ui/primitives';

/** The planner page (filled by the planning process). */
export function PlannerApp() {
  return (
    <div className="page">
      <div className="page-header">
        <div className="page-logo" aria-hidden="true">
          C
        </div>
        <h1>Planner</h1>
      </div>
      <section className="card">
        <Empty>Import your data to build a reorder plan.</Empty>
      </section>
    </div>
  );
}
