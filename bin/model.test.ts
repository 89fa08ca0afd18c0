import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type ChatRequestBody, type OpenAiTestServer, startOpenAiTestServer } from '../e2e/support/openai-test-server';
import { localCsEngine } from '../lib/cs/service';
import { CliInputError, type CliIO } from './command';
import { analyseReturnCommand } from './commands/analyse-return';
import { classifyTicket } from './commands/classify-ticket';
import { draftReplyCommand } from './commands/draft-reply';
import { modelFromFlags } from './model';

let server: OpenAiTestServer;
beforeAll(async () => {
  server = await startOpenAiTestServer({ script: { apiKey: 'sk-cli' } });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  server.setBehaviour({ obey: false, answer: undefined });
  vi.stubEnv('OPENAI_API_KEY', 'sk-cli');
});

async function run(command: { run(io: CliIO): Promise<number> }, args: string[], lines: unknown[]) {
  const out: unknown[] = [];
  const code = await command.run({
    args,
    lines: (async function* () {
      for (const l of lines) yield JSON.stringify(l);
    })(),
    out: (v) => out.push(v),
    err: () => {},
  });
  return { code, out: out as Array<Record<string, unknown>> };
}

const TICKET = {
  subject: 'Order?',
  messages: [{ from: 'customer', body: 'Where is my order #1047?' }],
  orders: [{ number: '#1047', financial_status: 'Paid', tracking_number: '1Z999AA10123456784', line_items: [] }],
};
const RETURN = {
  items: [{ sku: 'DR-9', title: 'Silk dress', price: 80, quantity: 1, final_sale: true }],
  selected_reason: 'Changed my mind',
  comment: 'It does not suit me.',
  created_at: '2026-11-10T10:00:00Z',
  order: { number: '#2001', delivered_at: '2026-11-05T10:00:00Z' },
};

describe('--base-url URL --model NAME', () => {
  it('classifies tickets with the named model on an OpenAI-compatible server, with the key from OPENAI_API_KEY', async () => {
    server.setBehaviour({
      answer: { labels: [{ label: 'order_status', confidence: 0.97 }] },
    });
    const { code, out } = await run(classifyTicket, ['--base-url', server.url, '--model', 'llama3.2'], [TICKET]);
    expect(code).toBe(0);
    expect(out[0]).toMatchObject({
      intent: 'order_status',
      intents: [{ id: 'order_status', confidence: 0.97 }],
      model: { model: 'llama3.2', fallback: false },
    });
    const body = server.requests[0]?.body as ChatRequestBody;
    expect(body.model).toBe('llama3.2');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer sk-cli');
  });

  it('drafts and analyses returns through the model, and keeps its rules against an obeying one', async () => {
    server.setBehaviour({ obey: true });
    const args = ['--base-url', server.url, '--model', 'gpt-4o-mini', '--now', '2026-11-20T00:00:00Z'];
    const draft = await run(draftReplyCommand, args, [TICKET]);
    expect(draft.out[0]?.model).toMatchObject({ model: 'gpt-4o-mini', fallback: false });
    expect(((draft.out[0]?.flagged ?? []) as unknown[]).length).toBeGreaterThan(0);
    const ret = await run(analyseReturnCommand, args, [RETURN]);
    expect(ret.code).toBe(0);
    expect(ret.out[0]).toMatchObject({
      reason: 'defective',
      decision: 'human_review',
      rule: 'human_review.model_disagrees',
      model: { model: 'gpt-4o-mini' },
    });
  });

  it('gives an error line, not a local answer, when the server refuses the key', async () => {
    vi.stubEnv('OPENAI_API_KEY', 'sk-wrong');
    const { code, out } = await run(classifyTicket, ['--base-url', server.url, '--model', 'gpt-4o-mini'], [TICKET]);
    expect(code).toBe(1);
    expect(out[0]).toMatchObject({ line: 1 });
    expect(String(out[0]?.error)).toMatch(/API key/i);
  });

  it('refuses half or malformed flags in one line', () => {
    const local = localCsEngine();
    expect(modelFromFlags([], local)).toBeUndefined();
    expect(() => modelFromFlags(['--model', 'x'], local)).toThrow(CliInputError);
    expect(() => modelFromFlags(['--base-url', 'localhost:1234', '--model', 'x'], local)).toThrow(
      '--base-url must be http(s): localhost:1234',
    );
    expect(() => modelFromFlags(['--base-url', 'not a url', '--model', 'x'], local)).toThrow(
      '--base-url is not a URL: not a url',
    );
  });
});
