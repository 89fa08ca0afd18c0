import { execSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { DEMO_BRAND_STORAGE } from '../e2e/fixtures/demo-brand';
import { importLoopExport, importPlanningFixtures, PLAN_AS_OF } from '../e2e/support/demo-data';
import { DEMO_EXTENSION_PAGES, DEMO_PAGES, DEMO_VIEWPORTS } from '../e2e/support/demo-pages';
import { type ExtensionSession, launchExtension } from '../e2e/support/launch';
import { ROOT } from '../e2e/support/paths';
import * as clock from '../lib/clock';

// `npm run demo` builds the extension, imports the demo data (planning fixtures, the Loop returns
// export) and opens Chromium on the fixture copies of the four apps and on the extension's pages.
// `npm run demo -- --headless [--out DIR] [--no-build]` instead writes a screenshot of every screen
// (the panel on each host page, planner, popup, catalogue, insights, options) at 1366×768 and
// 1440×900, and a text summary of what each panel says.
const args = process.argv.slice(2);
const headless = args.includes('--headless');
const outIndex = args.indexOf('--out');
const outDir = path.resolve(ROOT, outIndex >= 0 && args[outIndex + 1] ? args[outIndex + 1]! : 'demo-output');

/** Waits until a screen has finished loading: no spinner left, the network quiet. */
async function settled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await page
    .locator('.cp-spinner')
    .first()
    .waitFor({ state: 'detached', timeout: 20_000 })
    .catch(() => undefined);
}

/** Opens a host page and waits for its panel to finish reading. */
async function openHostPage(page: Page, url: string): Promise<string> {
  await page.goto(url);
  const frame = page.frameLocator('counterpart-dock iframe[src*="/panel.html"]');
  await frame.locator('main').waitFor();
  // A record header or the "could not read" state, then every section's spinner gone.
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
  // Rendered text on purpose: the summary says what a person sees in the panel.
  // biome-ignore lint/performance/useDomNodeTextContent: see above.
  return (await frame.locator('body').innerText()).replace(/\n{2,}/g, '\n').trim();
}

/** The demo data every screen shows: brand, planning fixtures, Loop export, a captured product. */
async function seedDemo(session: ExtensionSession): Promise<void> {
  await session.worker.evaluate(
    (brand) =>
      (
        globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }
      ).chrome.storage.local.set(brand),
    DEMO_BRAND_STORAGE,
  );
  const page = await session.context.newPage();
  console.log('Importing the planning fixtures and the Loop returns export…');
  await importPlanningFixtures(page, session.extensionId);
  await importLoopExport(page, session.extensionId);
  // Visiting the Shopify product captures it as canonical; the Amazon inventory records statuses:
  // the catalogue then has a product to show.
  await page.close();
  for (const demo of DEMO_PAGES) {
    const tab = await session.context.newPage();
    await openHostPage(tab, demo.url);
    await tab.close();
  }
}

async function main(): Promise<void> {
  if (!args.includes('--no-build')) {
    console.log('Building the extension…');
    execSync('npx wxt build', { cwd: ROOT, stdio: 'inherit' });
  }
  const session = await launchExtension({ headless });
  await seedDemo(session);
  const pageUrl = (name: string) => `chrome-extension://${session.extensionId}/${name}.html`;
  if (!headless) {
    for (const demo of DEMO_PAGES) await (await session.context.newPage()).goto(demo.url);
    for (const name of DEMO_EXTENSION_PAGES) await (await session.context.newPage()).goto(pageUrl(name));
    console.log('Counterpart is running on the demo pages. Close the browser window to end the demo.');
    await new Promise((resolve) => session.context.on('close', resolve));
    return;
  }
  await mkdir(outDir, { recursive: true });
  const summary: string[] = [
    '# Counterpart demo',
    '',
    `Generated ${clock.nowIso()}. Planning data imported as of ${PLAN_AS_OF}.`,
    '',
  ];
  for (const size of DEMO_VIEWPORTS) {
    const tag = `${size.width}x${size.height}`;
    // A fresh tab per host page, as a person opens them: one tab navigating from one app to another
    // briefly shows the previous app's record until the new page is read.
    for (const demo of DEMO_PAGES) {
      const page = await session.context.newPage();
      await page.setViewportSize(size);
      const text = await openHostPage(page, demo.url);
      const file = path.join(outDir, `${demo.name}-${tag}.png`);
      await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
      if (size === DEMO_VIEWPORTS[0])
        summary.push(`## ${demo.name} (${demo.app})`, '', `URL: ${demo.url}`, '', '```', text, '```', '');
      await page.close();
    }
    const page = await session.context.newPage();
    await page.setViewportSize(size);
    for (const name of DEMO_EXTENSION_PAGES) {
      await page.goto(pageUrl(name));
      if (name === 'planner') {
        await page.getByLabel('Plan as of').fill(PLAN_AS_OF);
        await page.getByLabel('Plan as of').blur();
      }
      await settled(page);
      const file = path.join(outDir, `${name}-${tag}.png`);
      // The popup is a small window: photograph the popup itself, not the empty page around it.
      if (name === 'popup') await page.locator('main.cp-page-main > *').first().screenshot({ path: file });
      else await page.screenshot({ path: file });
      console.log(`wrote ${path.relative(ROOT, file)}`);
    }
    await page.close();
  }
  summary.push(
    '## Screenshots',
    '',
    ...[...DEMO_PAGES.map((d) => d.name), ...DEMO_EXTENSION_PAGES].flatMap((name) =>
      DEMO_VIEWPORTS.map((s) => `- ${name}-${s.width}x${s.height}.png`),
    ),
    '',
  );
  await writeFile(path.join(outDir, 'summary.md'), summary.join('\n'));
  console.log(`Screenshots and summary.md are in ${outDir}`);
  await session.close();
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
