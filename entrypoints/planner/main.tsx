import { PlannerApp } from '../../components/planning/PlannerApp';
import { mountPage } from '../../components/ui/mount';
import '../../components/ui/theme.css';
import '../../components/ui/page.css';

/** The planner's Web Worker (imports and plans off the UI thread), bundled by Vite from this URL. */
const createWorker = () => new Worker(new URL('./planner.worker.ts', import.meta.url), { type: 'module' });

mountPage(<PlannerApp createWorker={createWorker} />);
