import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS, hostPermissionFor, parseAiSettings } from './settings';

describe('AI settings', () => {
  it('default to the local engine with every redaction on', () => {
    expect(DEFAULT_AI_SETTINGS).toMatchObject({
      version: 1,
      mode: 'local',
      redaction: { email: true, phone: true, address: true, card: true },
      cache: true,
    });
  });

  it('derive the host permission pattern without the port', () => {
    expect(hostPermissionFor('http://localhost:11434/v1')).toBe('http://localhost/*');
    expect(hostPermissionFor('https://my-res.openai.azure.com/openai/v1/')).toBe('https://my-res.openai.azure.com/*');
  });

  it('read a damaged saved value as the defaults', () => {
    expect(parseAiSettings({ mode: 'remote', baseURL: 'not a url' })).toEqual(DEFAULT_AI_SETTINGS);
    expect(parseAiSettings({ mode: 'remote', baseURL: 'http://localhost:11434/v1' }).mode).toBe('remote');
  });
});
