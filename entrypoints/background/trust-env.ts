import { browser } from 'wxt/browser';
import type { TrustEnv } from '../../lib/messaging/trust';

/** The extension's own id and origin, read from the runtime (never cached across worker restarts). */
export function trustEnv(): TrustEnv {
  return { runtimeId: browser.runtime.id, extensionOrigin: new URL(browser.runtime.getURL('/')).origin };
}
