import { browser } from 'wxt/browser';

/**
 * The content scripts' own `ContentScriptContext`, put in place of WXT's for the content-script
 * builds (`wxt.config.ts` aliases `wxt/utils/content-script-context` to this file; WXT's entry
 * wrapper constructs it and hands it to `main`). Only what `runContentScript` uses: WXT's class
 * also carries a location watcher, a logger and a `window.postMessage` to the page on start (it
 * tells every page script that the extension is there, and costs the host a message task). About
 * 2 kB less in every content script (size budget, issue 16).
 *
 * Invalidated when the extension goes away under the script (update or reload: `runtime.id` is
 * gone, noticed on the next `isInvalid`) or when a newer copy of the same script starts in this
 * document (it announces itself with a DOM event only content scripts of this extension listen for).
 */
export class ContentScriptContext {
  private readonly controller = new AbortController();

  constructor(name: string, _options?: unknown) {
    const type = `${browser.runtime.id}:${name}:started`;
    const id = Math.random().toString(36).slice(2);
    document.dispatchEvent(new CustomEvent(type, { detail: id }));
    document.addEventListener(
      type,
      (e) => {
        if ((e as CustomEvent).detail !== id) this.invalidate();
      },
      { signal: this.signal },
    );
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** True once the extension is gone (checked now) or a newer copy of the script took over. */
  get isInvalid(): boolean {
    if (browser.runtime?.id == null) this.invalidate();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Runs `cb` once, when the context is invalidated; returns the remover. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  setInterval(handler: () => void, timeout: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  /** `target.addEventListener`, removed when the context is invalidated. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: (event: Event) => void,
    options?: AddEventListenerOptions,
  ): void {
    target.addEventListener(type, handler, { ...options, signal: this.signal });
  }

  private invalidate(): void {
    this.controller.abort('Content script context invalidated');
  }
}

/** What `runContentScript` uses of the context (WXT's class has the same, for the types of the entry points). */
export type ContentContext = Pick<
  ContentScriptContext,
  'isInvalid' | 'onInvalidated' | 'setInterval' | 'addEventListener'
>;
