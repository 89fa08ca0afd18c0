import { execSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DEMO_BRAND_STORAGE } from '../e2e/fixtures/demo-brand';
import { DEMO_PAGES } from '../e2e/support/demo-pages';
import { launchExtension } from '../e2e/support/launch';
import { ROOT } from '../e2e/support/paths';
import * as clock from '../lib/clock';

// `npm run demo` builds the extension and opens Chromium on the fixture copies of the four apps.
// `npm run demo -- --headless [--out DIR] [--no-build]` writes a screenshot and a text summary per panel.
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const outIndex = args.indexOf('--out');
const outDir = path.resolve(ROOT, outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : 'demo-output');

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    console.log('Building the extension…');
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  const session = await launchExtension({ headless });
  // The demo brand's name, signature and policies: a real install starts with none.
  await session.worker.evaluate(
    (brand) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set(brand),
    DEMO_BRAND_STORAGE,
  );
  if (!headless) {
    for (const demo of DEMO_PAGES) await (await session.context.newPage()).goto(demo.url);
    const options = await session.context.newPage();
    await options.goto(`chrome-extension://${session.extensionId}/options.html`);
    console.log('Counterpart is running on the demo pages. Close the browser window to end the demo.');
    await new Promise((resolve) => session.context.on('close', resolve));
    return;
  }
  await mkdir(outDir, { recursive: true });
  const summary: string[] = ['# Counterpart demo', '', `Generated ${clock.nowIso()}`, ''];
  for (const demo of DEMO_PAGES) {
    const page = await session.context.newPage();
    await page.goto(demo.url);
    const frame = page.frameLocator('counterpart-dock iframe[src*="/panel.html"]');
    await frame.locator('main').waitFor();
    // Wait for the panel to finish reading: a record header or the "could not read" state, then
    // for every section's spinner to go.
    await frame
      .getByTestId('panel-record')
      .or(frame.getByText('Could not read this page'))
      .first()
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    await frame
      .locator('.cp-spinner')
      .first()
      .waitFor({ state: 'detached', timeout: 20_000 })
      .catch(() => undefined);
    await page.waitForLoadState('networkidle').catch(() => undefined);
    const file = path.join(outDir, `${demo.name}.png`);
    await page.screenshot({ path: file });
    // Rendered text on purpose: the summary says what a person sees in the panel.
    // biome-ignore lint/performance/useDomNodeTextContent: see above.
    const text = (await frame.locator('body').innerText()).replace(/\n{2,}/g, '\n').trim();
    summary.push(
      `## ${demo.name} (${demo.app})`,
      '',
      `URL: ${demo.url}`,
      `Screenshot: ${path.basename(file)}`,
      '',
      '```',
      text,
      '```',
      '',
    );
    console.log(`wrote ${path.relative(ROOT, file)}`);
    await page.close();
  }
  await writeFile(path.join(outDir, 'summary.md'), summary.join('\n'));
  console.log(`Screenshots and summary.md are in ${outDir}`);
  await session.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
