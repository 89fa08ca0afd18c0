import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { callOrThrow } from '../../lib/messaging/client';
import { aiQueries } from '../../lib/messaging/queries';
import { Notice } from '../ui/primitives';

const PRESETS = [
  { label: 'OpenAI', baseUrl: 'https://api.openai.com/v1', model: 'gpt-4o-mini' },
  {
    label: 'Azure OpenAI (v1 API)',
    baseUrl: 'https://YOUR-RESOURCE.openai.azure.com/openai/v1',
    model: 'your-deployment',
  },
  { label: 'Ollama', baseUrl: 'http://localhost:11434/v1', model: 'llama3.1' },
  { label: 'LM Studio', baseUrl: 'http://localhost:1234/v1', model: 'local-model' },
  { label: 'vLLM', baseUrl: 'http://localhost:8000/v1', model: 'meta-llama/Llama-3.1-8B-Instruct' },
] as const;

/** Host-permission pattern for an endpoint, or null when the URL is not usable. */
export function originPattern(baseUrl: string): string | null {
  try {
    const u = new URL(baseUrl);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

export function AiProviderSection() {
  const queryClient = useQueryClient();
  const status = useQuery(aiQueries.status());
  const [mode, setMode] = useState<'local' | 'openai'>('local');
  const [baseUrl, setBaseUrl] = useState('');
  const [model, setModel] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [permissionNote, setPermissionNote] = useState<string | null>(null);

  useEffect(() => {
    if (!status.data) return;
    setMode(status.data.mode);
    setBaseUrl(status.data.baseUrl);
    setModel(status.data.model);
  }, [status.data]);

  const save = useMutation({
    mutationFn: async (removeKey: boolean) => {
      setPermissionNote(null);
      if (mode === 'openai') {
        const pattern = originPattern(baseUrl);
        if (!pattern) throw new Error('The base URL must start with https:// or http://');
        // Asked now, inside the click, for this endpoint only; never for all sites up front.
        const granted =
          (await browser.permissions.contains({ origins: [pattern] })) ||
          (await browser.permissions.request({ origins: [pattern] }).catch(() => false));
        if (!granted) {
          setPermissionNote(
            `Counterpart was not allowed to contact ${new URL(baseUrl).host}. Calls may be blocked by the browser (CORS) until you allow it.`,
          );
        }
      }
      return callOrThrow('ai.saveProvider', {
        mode,
        baseUrl,
        model,
        apiKey: removeKey ? '' : apiKey ? apiKey : undefined,
      });
    },
    onSuccess: (data) => {
      setApiKey('');
      queryClient.setQueryData(aiQueries.status().queryKey, data);
    },
  });
  const test = useMutation({ mutationFn: () => callOrThrow('ai.testConnection', {}) });

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
          save.mutate(false);
        }}
      >
        <div className="radio-row" role="radiogroup" aria-label="AI provider">
          <label>
            <input type="radio" name="mode" checked={mode === 'local'} onChange={() => setMode('local')} /> Local engine
            (no network)
          </label>
          <label>
            <input type="radio" name="mode" checked={mode === 'openai'} onChange={() => setMode('openai')} />{' '}
            OpenAI-compatible server
          </label>
        </div>
        <fieldset
          disabled={mode === 'local'}
          style={{ border: 0, padding: 0, margin: 0, opacity: mode === 'local' ? 0.55 : 1 }}
        >
          <label className="cp-field">
            <span>Preset</span>
            <select
              className="cp-select"
              aria-label="Provider preset"
              value=""
              onChange={(e) => {
                const p = PRESETS.find((x) => x.label === e.target.value);
                if (p) {
                  setBaseUrl(p.baseUrl);
                  setModel(p.model);
                }
              }}
            >
              <option value="">Choose to fill in base URL and model…</option>
              {PRESETS.map((p) => (
                <option key={p.label}>{p.label}</option>
              ))}
            </select>
          </label>
          <div className="grid-2">
            <label className="cp-field">
              <span>Base URL</span>
              <input className="cp-input" name="baseUrl" value={baseUrl} onChange={(e) => setBaseUrl(e.target.value)} />
            </label>
            <label className="cp-field">
              <span>Model</span>
              <input className="cp-input" name="model" value={model} onChange={(e) => setModel(e.target.value)} />
            </label>
          </div>
          <label className="cp-field">
            <span>API key</span>
            <input
              className="cp-input"
              name="apiKey"
              type="password"
              autoComplete="off"
              value={apiKey}
              placeholder={
                status.data?.hasKey
                  ? 'A key is saved — type to replace it'
                  : 'sk-… (not needed for Ollama or LM Studio)'
              }
              onChange={(e) => setApiKey(e.target.value)}
            />
            <small>
              Kept in the extension’s background only; never shown again, never sent to a page, never in backups.
            </small>
          </label>
        </fieldset>
        <div className="cp-row">
          <button className="cp-btn primary" type="submit" disabled={save.isPending}>
            Save provider
          </button>
          <button
            className="cp-btn"
            type="button"
            disabled={test.isPending || mode === 'local'}
            onClick={() => test.mutate()}
          >
            {test.isPending ? 'Testing…' : 'Test connection'}
          </button>
          {status.data?.hasKey ? (
            <button className="cp-btn danger" type="button" onClick={() => save.mutate(true)}>
              Remove saved key
            </button>
          ) : null}
        </div>
        <div style={{ marginTop: 10, display: 'grid', gap: 8 }}>
          {save.isSuccess ? (
            <Notice tone="ok">
              Saved. {save.data.mode === 'local' ? 'Using the local engine.' : `Using ${save.data.model}.`}
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
