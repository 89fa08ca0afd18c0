import { describe, expect, it } from 'vitest';
import { MessageError } from './result';
import { createRouter } from './router';

const env = { runtimeId: 'ext', extensionOrigin: 'chrome-extension://ext' };
const panel = {
  id: 'ext',
  url: 'chrome-extension://ext/panel.html',
  frameId: 1,
  tab: { id: 4, url: 'https://acme.gorgias.com/app/ticket/9' },
};
const content = { id: 'ext', url: 'https://acme.gorgias.com/app/ticket/9', frameId: 0, tab: { id: 4 } };

const route = createRouter(
  {
    ping: async () => ({ version: '1.0.0' }),
    'panel.submitManual': async (payload) => {
      if (payload.text === 'boom') throw new MessageError('not_found', 'No page here.');
      return { stored: true };
    },
  },
  env,
);

describe('background router', () => {
  it('answers a valid message from an allowed sender with a typed value', async () => {
    expect(await route({ type: 'ping', payload: {} }, panel)).toEqual({ ok: true, data: { version: '1.0.0' } });
  });
  it('refuses a message type the sender kind may not send', async () => {
    const r = await route({ type: 'panel.submitManual', payload: { text: 'x' } }, content);
    expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
  it('refuses a payload that breaks the schema, naming the problem', async () => {
    const r = await route({ type: 'panel.submitManual', payload: { text: '   ' } }, panel);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(!r.ok && r.error.message).toContain('Paste some text first');
  });
  it('refuses unknown types, types without a handler and malformed envelopes', async () => {
    expect(await route({ type: 'nope', payload: {} }, panel)).toMatchObject({ error: { code: 'unknown_message' } });
    expect(await route({ type: 'ai.testConnection', payload: {} }, panel)).toMatchObject({
      error: { code: 'unknown_message' },
    });
    expect(await route('ping', panel)).toMatchObject({ error: { code: 'invalid_request' } });
    expect(await route({ type: 'toString', payload: {} }, panel)).toMatchObject({ error: { code: 'unknown_message' } });
  });
  it('returns a handler’s typed error as a value', async () => {
    expect(await route({ type: 'panel.submitManual', payload: { text: 'boom' } }, panel)).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No page here.' },
    });
  });
  it('refuses a message from another extension even with a valid payload', async () => {
    expect(await route({ type: 'ping', payload: {} }, { ...panel, id: 'other' })).toMatchObject({
      error: { code: 'forbidden' },
    });
  });
});
