import { describe, expect, it } from 'vitest';
import { DEFAULT_AI_SETTINGS, endpointProblem, hostPermissionFor, keyForEndpoint, parseAiSettings } from './settings';

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

describe('endpoint rules', () => {
  it('binds a key to scheme, host and port', () => {
    const saved = { value: 'sk-1', origin: 'https://api.openai.com' };
    expect(keyForEndpoint(saved, 'https://api.openai.com/v1')).toBe('sk-1');
    expect(keyForEndpoint(saved, 'https://api.openai.com:444/v1')).toBe('');
    expect(keyForEndpoint(saved, 'http://api.openai.com/v1')).toBe('');
    expect(keyForEndpoint(saved, 'https://api.openai.com.evil.net/v1')).toBe('');
    expect(keyForEndpoint({ value: 'sk-1', origin: null }, 'https://api.openai.com/v1')).toBe('');
    expect(keyForEndpoint(null, 'https://api.openai.com/v1')).toBe('');
  });

  it('allows https anywhere and plain http on localhost and 127.0.0.1 only', () => {
    expect(endpointProblem('https://api.openai.com/v1')).toBeNull();
    expect(endpointProblem('http://localhost:11434/v1')).toBeNull();
    expect(endpointProblem('http://127.0.0.1:8000/v1')).toBeNull();
    expect(endpointProblem('http://192.168.1.5:8000/v1')).toMatch(/https/);
    expect(endpointProblem('http://localhost.evil.net/v1')).toMatch(/https/);
    expect(endpointProblem('ftp://localhost/v1')).toMatch(/https/);
    expect(endpointProblem('not a url')).toMatch(/not a URL/);
  });
});
