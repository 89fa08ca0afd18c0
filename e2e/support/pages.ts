import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';

/** The dock the content script mounts on a host page (collapse handle, tab, resize rail). */
export class DockObject {
  readonly host: Locator;
  readonly collapseButton: Locator;
  readonly openTab: Locator;
  readonly rail: Locator;
  constructor(readonly page: Page) {
    this.host = page.locator('counterpart-dock');
    this.collapseButton = this.host.getByRole('button', { name: 'Collapse Counterpart panel' });
    this.openTab = this.host.getByRole('button', { name: 'Open Counterpart panel' });
    this.rail = this.host.getByRole('separator', { name: /Resize Counterpart panel/ });
  }
  async expectDocked(): Promise<void> {
    await expect(this.collapseButton).toBeVisible();
    await expect(this.host.locator('iframe')).toBeVisible();
  }
  /**
   * How far the host page is pushed left (px), from the computed margin of <html>, once the
   * margin's transition has finished (read mid-transition it is a point on the way, not the width).
   */
  async pushedBy(): Promise<number> {
    return this.page.evaluate(async () => {
      const html = document.documentElement;
      await Promise.all(html.getAnimations().map((a) => a.finished.catch(() => undefined)));
      return Number.parseFloat(getComputedStyle(html).marginRight);
    });
  }
}

/** The panel, found by its frame URL (an extension page framed in the host app). */
export class PanelObject {
  readonly frame: FrameLocator;
  constructor(readonly page: Page) {
    this.frame = page.frameLocator('counterpart-dock iframe[src*="/panel.html"]');
  }
  get header(): Locator {
    return this.frame.locator('header.panel-header');
  }
  get record(): Locator {
    return this.frame.getByTestId('panel-record');
  }
  region(name: string | RegExp): Locator {
    return this.frame.getByRole('region', { name });
  }
  text(text: string | RegExp): Locator {
    return this.frame.getByText(text);
  }
}

/** The options page of the extension under test. */
export const optionsUrl = (extensionId: string) => `chrome-extension://${extensionId}/options.html`;

/**
 * Chooses an OpenAI-compatible server in the options page the way a person does (custom server,
 * base URL, model, key, Save) and waits for the saved confirmation.
 */
export async function saveProvider(
  page: Page,
  extensionId: string,
  server: { baseURL: string; key: string; model?: string },
): Promise<void> {
  const model = server.model ?? 'gpt-4o-mini';
  await page.goto(optionsUrl(extensionId));
  await page.getByRole('radio', { name: /OpenAI-compatible server/ }).check();
  await page.getByRole('combobox', { name: 'Server' }).selectOption({ label: 'Other OpenAI-compatible server' });
  await page.getByRole('textbox', { name: 'Base URL', exact: true }).fill(server.baseURL);
  await page.getByRole('textbox', { name: 'Model', exact: true }).fill(model);
  await page.locator('input[name="apiKey"]').fill(server.key);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByText(`Saved. Using ${model}.`)).toBeVisible();
}
