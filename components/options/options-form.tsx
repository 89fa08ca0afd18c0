import {
  createContext,
  type ReactNode,
  type RefObject,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { Notice } from '../ui/primitives';

/**
 * One Save for the whole options page. Each settings section keeps its own fields and draft, and
 * tells the page whether it has unsaved changes and how to save or discard them; the page holds the
 * one Save button, the unsaved-changes indicator and the result. Enter in any field saves the page.
 */
export interface SectionSave {
  /** The section's name in the unsaved-changes line and the error message. */
  label: string;
  dirty: boolean;
  /** Saves the section's draft; rejects when it cannot (the section shows why next to its fields). */
  save: () => Promise<unknown>;
  /** Puts the saved values back in the fields. */
  discard: () => void;
}

/**
 * The order sections save in. The AI provider goes first: its save may ask the browser for the
 * endpoint's permission, which needs the click that started the save to be recent.
 */
export const SAVE_ORDER = ['ai', 'brand', 'cs', 'returns', 'loop', 'planning', 'listings', 'retention'] as const;

type Status =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; count: number }
  | { kind: 'failed'; labels: string[] };

interface FormApi {
  register: (id: string, ref: RefObject<SectionSave>) => () => void;
  setDirty: (id: string, label: string, dirty: boolean) => void;
  submit: () => void;
}

const FormContext = createContext<FormApi | null>(null);

/** Registers a section with the page's one Save; returns `submit` for the section's form (Enter saves the page). */
export function useOptionsSave(id: string, section: SectionSave): { submit: () => void } {
  const api = useContext(FormContext);
  const ref = useRef(section);
  ref.current = section;
  useEffect(() => api?.register(id, ref), [api, id]);
  useEffect(() => {
    api?.setDirty(id, section.label, section.dirty);
  }, [api, id, section.label, section.dirty]);
  return { submit: api?.submit ?? (() => undefined) };
}

const rank = (id: string) => {
  const i = (SAVE_ORDER as readonly string[]).indexOf(id);
  return i < 0 ? SAVE_ORDER.length : i;
};

/** The page's form state: which sections have unsaved changes, saving them all, and the result. */
export function useOptionsForm() {
  const sections = useRef(new Map<string, RefObject<SectionSave>>());
  const [dirty, setDirtyMap] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const saving = useRef(false);

  const saveAll = useCallback(async () => {
    if (saving.current) return;
    const ids = [...sections.current.keys()]
      .filter((id) => sections.current.get(id)?.current?.dirty)
      .sort((a, b) => rank(a) - rank(b));
    if (ids.length === 0) return;
    saving.current = true;
    setStatus({ kind: 'saving' });
    const failed: string[] = [];
    for (const id of ids) {
      const s = sections.current.get(id)?.current;
      if (!s) continue;
      try {
        await s.save();
      } catch {
        failed.push(s.label);
      }
    }
    saving.current = false;
    setStatus(failed.length ? { kind: 'failed', labels: failed } : { kind: 'saved', count: ids.length });
  }, []);

  const discardAll = useCallback(() => {
    for (const ref of sections.current.values()) if (ref.current?.dirty) ref.current.discard();
    setStatus({ kind: 'idle' });
  }, []);

  const api = useMemo<FormApi>(
    () => ({
      register: (id, ref) => {
        sections.current.set(id, ref);
        return () => {
          sections.current.delete(id);
          setDirtyMap(({ [id]: _gone, ...rest }) => rest);
        };
      },
      setDirty: (id, label, isDirty) => {
        setDirtyMap((m) => {
          if (isDirty === id in m && (!isDirty || m[id] === label)) return m;
          if (isDirty) return { ...m, [id]: label };
          const { [id]: _gone, ...rest } = m;
          return rest;
        });
        // A new change after a save: the "saved" line no longer describes the page.
        if (isDirty) setStatus((s) => (s.kind === 'saved' ? { kind: 'idle' } : s));
      },
      submit: () => void saveAll(),
    }),
    [saveAll],
  );

  const dirtyLabels = Object.entries(dirty)
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([, label]) => label);

  // Leaving with unsaved changes asks first.
  useEffect(() => {
    if (dirtyLabels.length === 0) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    globalThis.addEventListener('beforeunload', warn);
    return () => globalThis.removeEventListener('beforeunload', warn);
  }, [dirtyLabels.length]);

  return { api, dirty, dirtyLabels, status, saveAll, discardAll };
}

export function OptionsFormProvider({ api, children }: { api: FormApi; children: ReactNode }) {
  return <FormContext.Provider value={api}>{children}</FormContext.Provider>;
}

/** The page's one Save: what is unsaved, Discard, Save, and how the save went. */
export function SaveBar({ form }: { form: ReturnType<typeof useOptionsForm> }) {
  const { dirtyLabels, status } = form;
  const n = dirtyLabels.length;
  return (
    <div className="opt-savebar" data-testid="save-bar">
      <div className="opt-savebar-text">
        {status.kind === 'failed' ? (
          <Notice tone="bad" title="Not everything was saved">
            {status.labels.join(', ')}: see the message in{' '}
            {status.labels.length === 1 ? 'that section' : 'those sections'}.
          </Notice>
        ) : null}
        <span role="status" data-testid="save-status">
          {status.kind === 'saving'
            ? 'Saving…'
            : n > 0
              ? `Unsaved changes: ${dirtyLabels.join(', ')}`
              : status.kind === 'saved'
                ? 'All changes saved.'
                : 'No unsaved changes.'}
        </span>
      </div>
      <span className="cp-spacer" />
      <button className="cp-btn" type="button" disabled={n === 0 || status.kind === 'saving'} onClick={form.discardAll}>
        Discard changes
      </button>
      <button
        className="cp-btn primary"
        type="button"
        disabled={n === 0 || status.kind === 'saving'}
        onClick={() => void form.saveAll()}
      >
        Save settings
      </button>
    </div>
  );
}
