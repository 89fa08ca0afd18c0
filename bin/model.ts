import { createAiProvider } from '../lib/ai/provider';
import { AiSettingsSchema } from '../lib/ai/settings';
import type { AiProvider } from '../lib/ai/types';
import { CliInputError, flag } from './command';

/** The flag help shared by every command that can use a model. */
export const MODEL_FLAGS_USAGE = [
  '             --base-url URL --model NAME      use an OpenAI-compatible server (key from OPENAI_API_KEY;',
  '                                              none needed for a local server); default: the local engine',
].join('\n');

/** Which model answered a line, added to the output when `--model` is given (`fallback`: the local engine answered). */
export interface LineModel {
  provider: string;
  model: string;
  fallback: boolean;
}

export const lineModel = (meta: { provider: string; model: string; fallback?: boolean }): LineModel => ({
  provider: meta.provider,
  model: meta.model,
  fallback: meta.fallback === true,
});

/**
 * The provider `--base-url URL --model NAME` ask for (key from `OPENAI_API_KEY`), with the
 * process's local engine as the visible fallback for unusable answers; undefined without the
 * flags. A failing call (auth, network, quota) is an error line, not a silent local answer, so a
 * batch evaluation measures the server. Bad flags are one-line errors.
 */
export function modelFromFlags(
  args: string[],
  local: AiProvider,
  env: NodeJS.ProcessEnv = process.env,
): AiProvider | undefined {
  const baseURL = flag(args, 'base-url');
  const model = flag(args, 'model');
  if (baseURL === undefined && model === undefined) return undefined;
  if (!baseURL || baseURL.startsWith('--') || !model || model.startsWith('--'))
    throw new CliInputError('--base-url URL and --model NAME go together (the key comes from OPENAI_API_KEY)');
  let url: URL;
  try {
    url = new URL(baseURL);
  } catch {
    throw new CliInputError(`--base-url is not a URL: ${baseURL}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new CliInputError(`--base-url must be http(s): ${baseURL}`);
  const settings = AiSettingsSchema.parse({
    mode: 'remote',
    preset: 'custom',
    baseURL: url.href,
    model,
    cache: false,
    fallbackOnError: false,
  });
  return createAiProvider({ settings, apiKey: env.OPENAI_API_KEY ?? '', local });
}
