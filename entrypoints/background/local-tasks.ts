import type { LocalEngine } from '../../lib/ai/local/engine';

/**
 * Registers every process's local (offline) task functions on the engine: classification,
 * extraction and drafting by rules, small models and templates. Each process adds its own line.
 */
export function registerLocalTasks(engine: LocalEngine): void {
  void engine;
}
