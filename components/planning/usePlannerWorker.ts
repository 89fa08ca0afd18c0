import { useCallback, useEffect, useRef } from 'react';
import type { ImportJob, PlanJob, WorkerEvent } from '../../lib/planning/worker-protocol';

type Progress = Extract<WorkerEvent, { kind: 'progress' }>;
type Done = Extract<WorkerEvent, { kind: 'imported' | 'planned' }>;
type JobInput = Omit<ImportJob, 'id'> | Omit<PlanJob, 'id'>;

/**
 * One Web Worker per planner page for imports and plans; `run` resolves with the job's final event.
 * Aborting `signal` asks the worker to stop the job (imports), which then rejects. The entrypoint
 * creates the worker (`entrypoints/planner/planner.worker.ts`), so the bundler sees its URL there.
 */
export function usePlannerWorker(createWorker: () => Worker) {
  const worker = useRef<Worker | null>(null);
  const pending = useRef(
    new Map<number, { resolve: (e: Done) => void; reject: (e: Error) => void; onProgress?: (p: Progress) => void }>(),
  );
  const nextId = useRef(1);

  useEffect(() => {
    const w = createWorker();
    w.onmessage = (event: MessageEvent<WorkerEvent>) => {
      const e = event.data;
      const job = pending.current.get(e.id);
      if (!job) return;
      if (e.kind === 'progress') return job.onProgress?.(e);
      pending.current.delete(e.id);
      if (e.kind === 'error') job.reject(new Error(e.message));
      else job.resolve(e);
    };
    w.onerror = (event) => {
      for (const job of pending.current.values()) job.reject(new Error(event.message || 'The planner worker failed.'));
      pending.current.clear();
    };
    worker.current = w;
    return () => {
      w.terminate();
      worker.current = null;
    };
  }, [createWorker]);

  return useCallback(<J extends JobInput>(job: J, onProgress?: (p: Progress) => void, signal?: AbortSignal) => {
    const id = nextId.current++;
    signal?.addEventListener(
      'abort',
      () => worker.current?.postMessage({ kind: 'cancel', id: nextId.current++, target: id }),
      {
        once: true,
      },
    );
    return new Promise<Extract<Done, { kind: J['kind'] extends 'import' ? 'imported' : 'planned' }>>(
      (resolve, reject) => {
        const w = worker.current;
        if (!w) return reject(new Error('The planner worker is not running.'));
        pending.current.set(id, { resolve: resolve as (e: Done) => void, reject, onProgress });
        w.postMessage({ ...job, id });
      },
    );
  }, []);
}
