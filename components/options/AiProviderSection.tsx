import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import {
  AI_PRESETS,
  type AiPreset,
  type AiSettings,
  AiSettingsSchema,
  endpointOrigin,
  endpointProblem,
  hostPermissionFor,
  REMOTE_PROVIDER_DATA,
} from '../../lib/ai/settings';
import { callOrThrow } from '../../lib/messaging/client';
import { aiQueries } from '../../lib/messaging/queries';
import { Notice } from '../ui/primitives';
import { useOptionsSave } from './options-form';

const PRESET_LABELS: Record<AiPreset, string> = {
  openai: 'OpenAI',
  azure: 'Azure OpenAI (v1 API)',
  ollama: 'Ollama',
  lmstudio: 'LM Studio',
  vllm: 'vLLM',
  custom: 'Other OpenAI-compatible server',
};

const REDACTION_LABELS: Record<keyof AiSettings['redaction'], string> = {
  email: 'E-mail addresses',
  phone: 'Phone numbers',
  address: 'Street addresses',
  card: 'Card numbers',
};

/**
 * Asks the browser to let Counterpart contact this endpoint only (never all sites up front), and in
 * Firefox for the person's consent to send the page's data there (the manifest's optional
 * data_collection_permissions). Called inside the click, before any await: Firefox answers
 * `permissions.request` only from a user input handler. What is already allowed resolves to true
 * without a prompt.
 */
function askToContact(settings: AiSettings): Promise<boolean> {
  if (settings.mode !== 'remote' || endpointProblem(settings.baseURL)) return Promise.resolve(true);
  return browser.permissions
    .request({
      origins: [hostPermissionFor(settings.baseURL)],
      ...(import.meta.env.FIREFOX ? { data_collection: [...REMOTE_PROVIDER_DATA] } : {}),
    })
    .catch(() => false);
}

/** Provider choice, endpoint, key (write-only), test, and what is redacted before sending. */
export function AiProviderSection() {
  const queryClient = useQueryClient();
  const status = useQuery(aiQueries.status());
  const [draft, setDraft] = useState<AiSettings | null>(null);
  const [apiKey, setApiKey] = useState('');
  const [permissionNote, setPermissionNote] = useState<string | null>(null);

  useEffect(() => {
    if (status.data) setDraft(status.data.settings);
  }, [status.data]);

  const save = useMutation({
    mutationFn: async ({
      settings,
      removeKey,
      permission,
    }: {
      settings: AiSettings;
      removeKey?: boolean;
      /** The answer to `askToContact`, asked inside the click. */
      permission?: Promise<boolean>;
    }) => {
      setPermissionNote(null);
      const parsed = AiSettingsSchema.safeParse(settings);
      if (!parsed.success)
        throw new Error(
          `Check the fields: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
        );
      if (parsed.data.mode === 'remote') {
        const problem = endpointProblem(parsed.data.baseURL);
        if (problem) throw new Error(problem);
        const granted = await (permission ?? askToContact(parsed.data));
        if (!granted) {
          setPermissionNote(
            import.meta.env.FIREFOX
              ? `Counterpart was not allowed to contact ${new URL(parsed.data.baseURL).host} or to send it the page’s data. Until you allow both (save again to be asked), the local engine answers.`
              : `Counterpart was not allowed to contact ${new URL(parsed.data.baseURL).host}. The browser may block its calls until you allow it (save again to be asked).`,
          );
        }
      }
      return callOrThrow('ai.saveProvider', {
        settings: parsed.data,
        apiKey: removeKey ? '' : apiKey ? apiKey : undefined,
      });
    },
    onSuccess: (data) => {
      setApiKey('');
      queryClient.setQueryData(aiQueries.status().queryKey, data);
    },
  });
  const test = useMutation({
    // The key typed here, if any; otherwise the background uses the saved key only for its own origin.
    mutationFn: (settings: AiSettings) =>
      callOrThrow('ai.testConnection', {
        settings: AiSettingsSchema.parse(settings),
        ...(apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
      }),
  });

  const { submit } = useOptionsSave('ai', {
    label: 'AI provider',
    dirty:
      draft !== null &&
      status.data !== undefined &&
      (apiKey !== '' || JSON.stringify(draft) !== JSON.stringify(status.data.settings)),
    // The page's Save calls this section first and before any await, so the permission request
    // below is still inside the click (Firefox answers `permissions.request` only there).
    save: () => (draft ? save.mutateAsync({ settings: draft, permission: askToContact(draft) }) : Promise.resolve()),
    discard: () => {
      if (status.data) setDraft(status.data.settings);
      setApiKey('');
    },
  });

  if (!draft) return null;
  const set = (patch: Partial<AiSettings>) => setDraft({ ...draft, ...patch });
  const remote = draft.mode === 'remote';
  // The saved key goes only to the origin it was saved for: a different origin needs its key typed.
  const keyOrigin = status.data?.keyOrigin ?? null;
  const keyElsewhere = keyOrigin !== null && keyOrigin !== endpointOrigin(draft.baseURL);

  return (
    <section className="card" aria-labelledby="ai-title">
      <header>
        <h2 id="ai-title">AI provider</h2>
        <p>Without a provider every feature runs on the built-in local engine, offline and deterministic.</p>
      </header>
      <form
        className="card-body"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="radio-row" role="radiogroup" aria-label="AI provider">
          <label>
            <input type="radio" name="mode" checked={!remote} onChange={() => set({ mode: 'local' })} /> Local engine
            (no network)
          </label>
          <label>
            <input type="radio" name="mode" checked={remote} onChange={() => set({ mode: 'remote' })} />{' '}
            OpenAI-compatible server
          </label>
        </div>
        <fieldset disabled={!remote} style={{ border: 0, padding: 0, margin: 0, opacity: remote ? 1 : 0.55 }}>
          <div className="grid-2">
            <label className="cp-field">
              <span>Server</span>
              <select
                className="cp-select"
                name="preset"
                value={draft.preset}
                onChange={(e) => {
                  const preset = e.target.value as AiPreset;
                  set({ preset, baseURL: AI_PRESETS[preset].baseURL, model: AI_PRESETS[preset].model });
                }}
              >
                {(Object.keys(AI_PRESETS) as AiPreset[]).map((p) => (
                  <option key={p} value={p}>
                    {PRESET_LABELS[p]}
                  </option>
                ))}
              </select>
            </label>
            <label className="cp-field">
              <span>Model</span>
              <input
                className="cp-input"
                name="model"
                value={draft.model}
                onChange={(e) => set({ model: e.target.value })}
              />
            </label>
          </div>
          <label className="cp-field">
            <span>Base URL</span>
            <input
              className="cp-input"
              name="baseURL"
              value={draft.baseURL}
              onChange={(e) => set({ baseURL: e.target.value })}
            />
          </label>
          <label className="cp-field">
            <span>API key</span>
            <input
              className="cp-input"
              name="apiKey"
              type="password"
              autoComplete="off"
              value={apiKey}
              placeholder={
                keyOrigin && !keyElsewhere
                  ? 'A key is saved — type to replace it'
                  : keyElsewhere
                    ? 'Enter the key for this server'
                    : AI_PRESETS[draft.preset].needsKey
                      ? 'sk-…'
                      : 'Not needed for this server'
              }
              onChange={(e) => setApiKey(e.target.value)}
            />
            <small>
              Kept in the extension’s background only; never shown again, never sent to a page, never in backups. Sent
              only to the server it was saved for.
            </small>
            {keyElsewhere && remote ? (
              <small data-testid="key-origin-note">
                The saved key belongs to {keyOrigin} and is not sent to {endpointOrigin(draft.baseURL) ?? 'this URL'}.
                Enter this server’s key.
              </small>
            ) : null}
          </label>
          <div className="grid-2">
            <label className="cp-field">
              <span>Timeout (seconds)</span>
              <input
                className="cp-input"
                type="number"
                min={1}
                max={600}
                value={Math.round(draft.timeoutMs / 1000)}
                onChange={(e) => set({ timeoutMs: Math.max(1, Number(e.target.value) || 60) * 1000 })}
              />
            </label>
            <label className="cp-field">
              <span>Retries on 429 / 5xx</span>
              <input
                className="cp-input"
                type="number"
                min={0}
                max={6}
                value={draft.maxRetries}
                onChange={(e) => set({ maxRetries: Math.min(6, Math.max(0, Number(e.target.value) || 0)) })}
              />
            </label>
          </div>
          <fieldset className="cp-field" style={{ border: 0, padding: 0 }}>
            <span>Replace before sending</span>
            <div className="cp-row">
              {(Object.keys(REDACTION_LABELS) as Array<keyof AiSettings['redaction']>).map((k) => (
                <label key={k} className="cp-row" style={{ gap: 4 }}>
                  <input
                    type="checkbox"
                    checked={draft.redaction[k]}
                    onChange={(e) => set({ redaction: { ...draft.redaction, [k]: e.target.checked } })}
                  />
                  {REDACTION_LABELS[k]}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="cp-row" style={{ marginBottom: 10 }}>
            <label className="cp-row" style={{ gap: 4 }}>
              <input type="checkbox" checked={draft.vision} onChange={(e) => set({ vision: e.target.checked })} /> Model
              reads images (return photos)
            </label>
            <label className="cp-row" style={{ gap: 4 }}>
              <input type="checkbox" checked={draft.cache} onChange={(e) => set({ cache: e.target.checked })} /> Reuse
              identical answers (cache)
            </label>
            <label className="cp-row" style={{ gap: 4 }}>
              <input
                type="checkbox"
                checked={draft.structuredOutputs === 'json_object'}
                onChange={(e) => set({ structuredOutputs: e.target.checked ? 'json_object' : 'json_schema' })}
              />{' '}
              Server lacks JSON-schema output (older local servers)
            </label>
          </div>
        </fieldset>
        <div className="cp-row">
          <button
            className="cp-btn"
            type="button"
            disabled={test.isPending || !remote}
            onClick={() => test.mutate(draft)}
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          {keyOrigin || status.data?.hasKey ? (
            <button
              className="cp-btn danger"
              type="button"
              onClick={() => save.mutate({ settings: draft, removeKey: true, permission: askToContact(draft) })}
            >
              Remove saved key
            </button>
          ) : null}
        </div>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          {save.isSuccess ? (
            <Notice tone="ok">
              Saved.{' '}
              {save.data.settings.mode === 'local' ? 'Using the local engine.' : `Using ${save.data.settings.model}.`}
            </Notice>
          ) : null}
          {save.isError ? <Notice tone="bad">{save.error.message}</Notice> : null}
          {permissionNote ? <Notice tone="warn">{permissionNote}</Notice> : null}
          {test.data ? (
            <Notice tone={test.data.ok ? 'ok' : 'bad'} title={test.data.ok ? 'Connection works' : 'Connection failed'}>
              <span data-testid="test-connection-result">{test.data.message}</span>
            </Notice>
          ) : null}
          {test.isError ? <Notice tone="bad">{test.error.message}</Notice> : null}
        </div>
      </form>
    </section>
  );
}
