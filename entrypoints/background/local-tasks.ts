import type { LocalEngine } from '../../lib/ai/local/engine';
import { csLocalTasks } from '../../lib/cs/local-tasks';
import { returnsLocalTasks } from '../../lib/returns/local-tasks';

/**
 * Registers every process's local (offline) task functions on the engine: classification,
 * extraction and drafting by rules, small models and templates. Each process adds its own line.
 */
export function registerLocalTasks(engine: LocalEngine): void {
  engine.register(returnsLocalTasks);
  engine.register(csLocalTasks());
}
