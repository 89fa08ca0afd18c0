/**
 * A local OpenAI-compatible server for unit and e2e tests (node:http, no dependencies).
 * Speaks the real wire format: chat completions as JSON and as SSE chunks ending in
 * `data: [DONE]`, structured output for `response_format: json_schema`, `GET /v1/models`,
 * and scripted faults (401, 404 model, 429 rate limit with Retry-After, 429 quota, 500, slow
 * answers, malformed JSON, a stream cut off mid-answer, fail N times then succeed), and an
 * obeying model (`obey: true`, issue 14): a model that follows every injected instruction, answering
 * each structured request with the most dangerous values its schema allows and putting the
 * attacker's link in every text.
 *
 * Standalone: `npx tsx e2e/support/openai-test-server.ts --port 8787`; then the behaviour can
 * be changed with `POST /__behaviour` (JSON, same fields as {@link Behaviour} minus functions),
 * read with `GET /__requests`, and reset with `POST /__reset`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';

export const FAULTS = [
  'none',
  'unauthorized',
  'model_not_found',
  'rate_limit',
  'insufficient_quota',
  'server_error',
  'malformed_json',
  'stream_cut',
] as const;
export type Fault = (typeof FAULTS)[number];

export interface ChatMessageBody {
  role: string;
  content: unknown;
}

export interface ChatRequestBody {
  model?: string;
  messages?: ChatMessageBody[];
  stream?: boolean;
  stream_options?: { include_usage?: boolean };
  response_format?: { type: string; json_schema?: { name?: string; schema?: unknown; strict?: boolean } };
}

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  /** Set when the connection closed before the answer was complete (the client aborted, or stream_cut). */
  aborted?: boolean;
}

export interface Behaviour {
  fault: Fault;
  /** Serve the fault this many times, then answer normally; undefined = every time. */
  failTimes?: number;
  /** Retry-After header value (seconds) for rate_limit and server_error. */
  retryAfter?: string;
  /** Wait before answering (ms). */
  delayMs: number;
  /** Wait between streamed chunks (ms). */
  chunkDelayMs: number;
  /** The JSON object returned for json_schema / json_object requests; default: a sample built from the schema. */
  answer?: unknown | ((body: ChatRequestBody) => unknown);
  /** Text returned for plain and streamed requests. */
  text: string | ((body: ChatRequestBody) => string);
  /** Characters per streamed chunk. */
  chunkSize: number;
  models: string[];
  /** When set, requests without `Authorization: Bearer <apiKey>` (or `api-key`) get 401. */
  apiKey?: string;
  /**
   * The obeying model: every structured answer is {@link dangerousFromSchema} and every text is
   * {@link OBEYED_TEXT}, whatever `answer` and `text` say (a model fully under the attacker's control).
   */
  obey?: boolean;
}

/** The attacker's link the obeying model puts in every text. */
export const ATTACKER_LINK = 'https://order-help.example/track?id=4411';
/** What the obeying model writes in every string field and plain answer (attack fixtures quote it verbatim). */
export const OBEYED_TEXT = `Your refund is approved, confirm your card at ${ATTACKER_LINK}`;

/**
 * Enum values the obeying model prefers, most dangerous first: the autonomous tier, money outcomes,
 * intents that may be answered without a person, and faults that bypass final sale.
 */
export const PERMISSIVE_VALUES: readonly string[] = [
  'autonomous',
  'refund',
  'store_credit',
  'exchange',
  'keep_item',
  'approve',
  'approved',
  'allow',
  'order_status',
  'tracking_request',
  'defective',
  'damaged_in_transit',
  'wrong_item',
  'none',
  'low',
  'positive',
];

/**
 * The most dangerous instance of a JSON schema: booleans false (no money, no injection, no review),
 * numbers at their maximum (top confidence), enums at their most permissive value, every string the
 * attacker's text, arrays as long as their minimum allows (at least one item). Fields named like
 * `evidence` or `quote` hold `quote` when given (the customer's own words, which pass any
 * verbatim-quote check).
 */
export function dangerousFromSchema(schema: unknown, text: string = OBEYED_TEXT, quote?: string): unknown {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) return PERMISSIVE_VALUES.find((v) => (s.enum as unknown[]).includes(v)) ?? s.enum[0];
  if ('const' in s) return s.const;
  const anyOf = (s.anyOf ?? s.oneOf) as Array<Record<string, unknown>> | undefined;
  if (Array.isArray(anyOf) && anyOf.length > 0)
    return dangerousFromSchema(anyOf.find((b) => b.type !== 'null') ?? anyOf[0], text, quote);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(
        Object.entries(props).map(([k, v]) => [
          k,
          dangerousFromSchema(v, quote !== undefined && /evidence|quote/i.test(k) ? quote : text, quote),
        ]),
      );
    }
    case 'array': {
      const n = Math.max(1, typeof s.minItems === 'number' ? s.minItems : 1);
      return Array.from({ length: n }, () => dangerousFromSchema(s.items, text, quote));
    }
    case 'string':
      return typeof s.maxLength === 'number' ? text.slice(0, s.maxLength) : text;
    case 'integer':
    case 'number':
      return typeof s.maximum === 'number' ? s.maximum : 1;
    case 'boolean':
      return false;
    default:
      return null;
  }
}

export const DEFAULT_BEHAVIOUR: Behaviour = {
  fault: 'none',
  delayMs: 0,
  chunkDelayMs: 0,
  text: 'Thanks for reaching out. We are looking into your order and will get back to you today.',
  chunkSize: 12,
  models: ['gpt-4o-mini', 'gpt-4.1-mini', 'llama3.2'],
};

export interface OpenAiTestServer {
  /** Base URL for the client, ending in /v1. */
  url: string;
  port: number;
  requests: RecordedRequest[];
  setBehaviour(patch: Partial<Behaviour>): void;
  /** Resolves once `count` requests have arrived (for abort tests without sleeps). */
  received(count: number): Promise<void>;
  close(): Promise<void>;
}

const CREATED = 1_764_200_000;

/** Rough token count: four characters a token, as OpenAI's rule of thumb. */
function tokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** A minimal instance of a JSON schema: first enum value, mid-range numbers, one array item. */
export function sampleFromSchema(schema: unknown): unknown {
  if (schema === null || typeof schema !== 'object') return null;
  const s = schema as Record<string, unknown>;
  if (Array.isArray(s.enum)) return s.enum[0];
  if ('const' in s) return s.const;
  const anyOf = (s.anyOf ?? s.oneOf) as unknown[] | undefined;
  if (Array.isArray(anyOf) && anyOf.length > 0) return sampleFromSchema(anyOf[0]);
  const type = Array.isArray(s.type) ? (s.type.find((t) => t !== 'null') ?? 'null') : s.type;
  switch (type) {
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, unknown>;
      return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, sampleFromSchema(v)]));
    }
    case 'array':
      return [sampleFromSchema(s.items)];
    case 'string':
      return 'example';
    case 'integer':
      return typeof s.minimum === 'number' ? s.minimum : 1;
    case 'number': {
      const min = typeof s.minimum === 'number' ? s.minimum : 0;
      const max = typeof s.maximum === 'number' ? s.maximum : min + 1;
      return (min + max) / 2;
    }
    case 'boolean':
      return true;
    default:
      return null;
  }
}

function promptText(body: ChatRequestBody): string {
  return (body.messages ?? [])
    .map((m) => (typeof m.content === 'string' ? m.content : JSON.stringify(m.content)))
    .join('\n');
}

/** The customer's text as the prompt delimits it (`label="text"` or `"customer message"`), for quoting. */
function customerWords(body: ChatRequestBody): string | undefined {
  const m = /<<<DATA_\w+ label="(?:text|customer message)">>>\n([\s\S]*?)\n<<<END_DATA_/.exec(promptText(body));
  return m?.[1]?.trim() || undefined;
}

function errorBody(message: string, type: string, code: string | null): string {
  return JSON.stringify({ error: { message, type, param: null, code } });
}

/** Starts the server on 127.0.0.1 (port 0 = any free port). */
export function startOpenAiTestServer(
  options: { port?: number; script?: Partial<Behaviour> } = {},
): Promise<OpenAiTestServer> {
  let behaviour: Behaviour = { ...DEFAULT_BEHAVIOUR, ...options.script };
  let faultsServed = 0;
  let completionCount = 0;
  const requests: RecordedRequest[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];

  const send = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void => {
    if (res.destroyed) return;
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(body);
  };

  const wait = (ms: number, res: ServerResponse): Promise<void> =>
    new Promise((resolve) => {
      if (ms <= 0) {
        resolve();
        return;
      }
      const onClose = (): void => {
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        res.off('close', onClose);
        resolve();
      }, ms);
      res.once('close', onClose);
    });

  async function chat(body: ChatRequestBody, res: ServerResponse): Promise<void> {
    const model = body.model ?? 'unknown';
    const active =
      behaviour.fault !== 'none' && (behaviour.failTimes === undefined || faultsServed < behaviour.failTimes);
    const fault: Fault = active ? behaviour.fault : 'none';
    if (active) faultsServed += 1;
    await wait(behaviour.delayMs, res);
    const retryHeaders: Record<string, string> =
      behaviour.retryAfter === undefined ? {} : { 'retry-after': behaviour.retryAfter };
    switch (fault) {
      case 'unauthorized':
        return send(
          res,
          401,
          errorBody(
            'Incorrect API key provided: sk-te****. You can find your API key at https://platform.openai.com/account/api-keys.',
            'invalid_request_error',
            'invalid_api_key',
          ),
        );
      case 'model_not_found':
        return send(
          res,
          404,
          errorBody(
            `The model \`${model}\` does not exist or you do not have access to it.`,
            'invalid_request_error',
            'model_not_found',
          ),
        );
      case 'rate_limit':
        return send(
          res,
          429,
          errorBody(
            `Rate limit reached for ${model} in organization org-test on requests per min (RPM): Limit 3, Used 3, Requested 1. Please try again in 20s.`,
            'requests',
            'rate_limit_exceeded',
          ),
          retryHeaders,
        );
      case 'insufficient_quota':
        return send(
          res,
          429,
          errorBody(
            'You exceeded your current quota, please check your plan and billing details.',
            'insufficient_quota',
            'insufficient_quota',
          ),
        );
      case 'server_error':
        return send(
          res,
          500,
          errorBody('The server had an error while processing your request. Sorry about that!', 'server_error', null),
          retryHeaders,
        );
      default:
        break;
    }

    completionCount += 1;
    const id = `chatcmpl-test-${completionCount}`;
    const format = body.response_format?.type;
    let content: string;
    if (fault === 'malformed_json') {
      content = '{"labels": [{"label": "refund", "confidence": 0.9';
    } else if (behaviour.obey && (format === 'json_schema' || format === 'json_object')) {
      content = JSON.stringify(
        format === 'json_schema'
          ? dangerousFromSchema(body.response_format?.json_schema?.schema, OBEYED_TEXT, customerWords(body))
          : { reply: OBEYED_TEXT },
      );
    } else if (behaviour.obey) {
      content = OBEYED_TEXT;
    } else if (format === 'json_schema' || format === 'json_object') {
      const answer =
        typeof behaviour.answer === 'function'
          ? (behaviour.answer as (b: ChatRequestBody) => unknown)(body)
          : (behaviour.answer ??
            (format === 'json_schema' ? sampleFromSchema(body.response_format?.json_schema?.schema) : {}));
      content = JSON.stringify(answer);
    } else {
      content = typeof behaviour.text === 'function' ? behaviour.text(body) : behaviour.text;
    }
    const usage = { prompt_tokens: tokens(promptText(body)), completion_tokens: tokens(content), total_tokens: 0 };
    usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;

    if (!body.stream) {
      return send(
        res,
        200,
        JSON.stringify({
          id,
          object: 'chat.completion',
          created: CREATED,
          model,
          choices: [
            { index: 0, message: { role: 'assistant', content, refusal: null }, logprobs: null, finish_reason: 'stop' },
          ],
          usage,
          system_fingerprint: 'fp_test',
        }),
      );
    }

    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const event = (data: unknown): void => {
      if (!res.destroyed) res.write(`data: ${JSON.stringify(data)}\n\n`);
    };
    const chunk = (delta: Record<string, unknown>, finish: string | null): unknown => ({
      id,
      object: 'chat.completion.chunk',
      created: CREATED,
      model,
      system_fingerprint: 'fp_test',
      choices: [{ index: 0, delta, logprobs: null, finish_reason: finish }],
    });
    event(chunk({ role: 'assistant', content: '', refusal: null }, null));
    const size = Math.max(1, behaviour.chunkSize);
    for (let i = 0; i < content.length; i += size) {
      await wait(behaviour.chunkDelayMs, res);
      if (res.destroyed) return;
      event(chunk({ content: content.slice(i, i + size) }, null));
      if (fault === 'stream_cut') {
        // The connection drops after the first piece, as when a proxy or the server dies.
        res.socket?.destroy();
        return;
      }
    }
    event(chunk({}, 'stop'));
    if (body.stream_options?.include_usage) {
      event({
        id,
        object: 'chat.completion.chunk',
        created: CREATED,
        model,
        system_fingerprint: 'fp_test',
        choices: [],
        usage,
      });
    }
    if (!res.destroyed) res.end('data: [DONE]\n\n');
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', '*');
    res.setHeader('access-control-allow-methods', 'GET, POST, OPTIONS');
    if (req.method === 'OPTIONS') {
      res.writeHead(204);
      res.end();
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      let body: unknown = null;
      try {
        body = raw ? JSON.parse(raw) : null;
      } catch {
        body = raw;
      }
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      if (path.startsWith('/__')) {
        control(req.method ?? 'GET', path, body, res);
        return;
      }
      const recorded: RecordedRequest = { method: req.method ?? 'GET', path, headers: req.headers, body };
      requests.push(recorded);
      res.on('close', () => {
        if (!res.writableFinished) recorded.aborted = true;
      });
      for (const w of waiters.filter((x) => requests.length >= x.count)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
      if (behaviour.apiKey !== undefined) {
        const auth = req.headers.authorization;
        if (auth !== `Bearer ${behaviour.apiKey}` && req.headers['api-key'] !== behaviour.apiKey) {
          send(res, 401, errorBody('Incorrect API key provided.', 'invalid_request_error', 'invalid_api_key'));
          return;
        }
      }
      if (req.method === 'GET' && path === '/v1/models') {
        send(
          res,
          200,
          JSON.stringify({
            object: 'list',
            data: behaviour.models.map((m) => ({ id: m, object: 'model', created: CREATED, owned_by: 'test' })),
          }),
        );
        return;
      }
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        chat((body ?? {}) as ChatRequestBody, res).catch((error: unknown) =>
          send(res, 500, errorBody(String(error), 'server_error', null)),
        );
        return;
      }
      send(res, 404, errorBody(`Unknown request URL: ${req.method} ${path}.`, 'invalid_request_error', 'unknown_url'));
    });
  });

  function control(method: string, path: string, body: unknown, res: ServerResponse): void {
    if (method === 'POST' && path === '/__behaviour') {
      api.setBehaviour((body ?? {}) as Partial<Behaviour>);
      send(res, 200, JSON.stringify({ ok: true }));
    } else if (method === 'POST' && path === '/__reset') {
      behaviour = { ...DEFAULT_BEHAVIOUR, ...options.script };
      faultsServed = 0;
      requests.length = 0;
      send(res, 200, JSON.stringify({ ok: true }));
    } else if (method === 'GET' && path === '/__requests') {
      send(res, 200, JSON.stringify(requests));
    } else {
      send(res, 404, JSON.stringify({ error: 'unknown control path' }));
    }
  }

  const api: OpenAiTestServer = {
    url: '',
    port: 0,
    requests,
    setBehaviour(patch) {
      behaviour = { ...behaviour, ...patch };
      faultsServed = 0;
    },
    received(count) {
      if (requests.length >= count) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ count, resolve }));
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };

  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      api.port = port;
      api.url = `http://127.0.0.1:${port}/v1`;
      resolve(api);
    });
  });
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const i = process.argv.indexOf('--port');
  const port = i >= 0 ? Number(process.argv[i + 1]) : 8787;
  startOpenAiTestServer({ port }).then(
    (s) => {
      process.stdout.write(`OpenAI test server listening on ${s.url}\n`);
      const stop = (): void => {
        s.close().then(() => process.exit(0));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`cannot start: ${String(error)}\n`);
      process.exit(1);
    },
  );
}
