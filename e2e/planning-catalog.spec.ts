import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { FIXTURES } from './support/paths';
import { openPlanner } from './support/planner';
import { expect, test } from './support/test';

const DIR = path.join(FIXTURES, 'planning');
const FILES = [
  'shopify-orders.csv',
  'shopify-inventory.csv',
  '3pl-onhand.csv',
  'suppliers.csv',
  'shopify-products.csv',
  'calendar-collections.csv',
].map((f) => path.join(DIR, f));

test.describe('inventory planning with the product catalogue', () => {
  test('a calendar promo aimed at a collection lifts the SKUs in it once the products export is imported', async ({
    page,
    session,
  }) => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openPlanner(page, session.extensionId);
    await page.getByLabel('Choose files to import').setInputFiles(FILES);
    // The products export is recognised by its columns and previewed with its collection column.
    await expect(page.getByLabel('Kind of shopify-products.csv')).toHaveValue('products');
    const preview = page.getByRole('table', { name: 'Preview of shopify-products.csv' });
    await expect(preview.locator('th', { hasText: 'Collection' })).toBeVisible();
    await expect(preview.locator('tbody tr').first()).toContainText('Essentials');
    await expect(page.getByLabel('Kind of calendar-collections.csv')).toHaveValue('calendar');
    await page.getByRole('button', { name: `Import ${FILES.length} files` }).click();
    await expect(page.getByTestId('import-report')).toHaveCount(FILES.length, { timeout: 60_000 });

    // 20 rows: 15 SKUs stored; image-only rows and the SKU-less draft variant are not errors.
    // Found whether open or folded into the "files imported" line once the plan is shown.
    const products = page.locator('article[aria-label="Import shopify-products.csv"]');
    await expect(products.getByTestId('import-report')).toContainText('20 rows read');
    await expect(products.getByTestId('import-report')).toContainText('15 new rows');
    await expect(products.getByTestId('import-report')).toContainText('0 rejected');
    // Image-only rows and a variant without a SKU are named as skipped, not errors.
    await expect(products.getByTestId('import-report')).toContainText('4 skipped (image-only row)');
    await expect(products.getByTestId('import-report')).toContainText('1 skipped (variant without a SKU)');

    // The checklist no longer says the collection promos have no product data.
    await page.getByText(/^Details of all \d+ checks$/).click({ timeout: 60_000 });
    const checks = page.getByRole('list', { name: 'Data quality checklist' });
    await expect(checks).toBeVisible();
    const promoCheck = checks.locator('li', { hasText: 'Promotions resolve to SKUs' });
    await expect(promoCheck).toHaveClass(/\bok\b/);
    await expect(checks).not.toContainText('no product collections/tags were given');

    // In the collection: the promo is in the rationale. Outside it: not.
    const table = page.getByRole('table', { name: 'Reorder list' });
    const why = (sku: string) => table.locator(`tr[data-sku="${sku}"] + tr`);
    for (const sku of ['HOOD-GRY-M', 'BEANIE-RED'])
      await expect(why(sku)).toContainText('Cold Weather Week Dec 1–7 adds 30%');
    await expect(why('BLANKET-WOOL')).toContainText('Home for the holidays Dec 10–16 adds 15%');
    // The mug is in Home too, but its SoHo count is negative: blocked with the reason, no promo maths.
    await expect(why('MUG-CER-12')).toContainText('Blocked: a stock count reports negative on-hand');
    for (const sku of ['TEE-BLK-M', 'SOCK-3PK']) {
      await expect(why(sku)).toContainText(/sells/i);
      await expect(why(sku)).not.toContainText('Cold Weather Week');
    }

    await page.getByTestId('imports-done').locator(':scope > summary').click();
    await products.scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/planning-catalog-import.png' });
    await table.locator('tr[data-sku="HOOD-GRY-M"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: '/tmp/planning-catalog-plan.png' });
  });

  test('a product page with several variants and no SKU on the Inventory card records no counts and says why', async ({
    page,
    session,
    panel,
  }) => {
    // Some planning data, so the section shows the plan rather than the empty state.
    const planner = await session.context.newPage();
    await openPlanner(planner, session.extensionId);
    await planner.getByLabel('Choose files to import').setInputFiles([path.join(DIR, 'suppliers.csv')]);
    await planner.getByRole('button', { name: 'Import 1 file' }).click();
    await expect(planner.getByTestId('import-report')).toHaveCount(1);
    await planner.close();

    // The same Classic Tee page, as the admin shows a product with variants: no SKU field on the card.
    const html = (await readFile(path.join(FIXTURES, 'shopify/product.html'), 'utf8')).replace(
      /<div class="Polaris-FormLayout__Item"><label id="InventoryCardSkuLabel"[\s\S]*?<\/div>/,
      '',
    );
    expect(html).not.toContain('InventoryCardSku"');
    await page.route('**/store/demo-shop/products/8123456790', (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    await page.goto('https://admin.shopify.com/store/demo-shop/products/8123456790');
    const section = panel.region('Inventory planning');
    await expect(section).toBeVisible();
    await expect(panel.frame.getByTestId('planning-counts-untied')).toContainText('could not be tied to one SKU');
    await expect(panel.frame.getByTestId('planning-recorded')).toHaveCount(0);
    await section.screenshot({ path: '/tmp/planning-catalog-untied.png' });
  });
});
