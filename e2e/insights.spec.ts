import path from 'node:path';
import { FIXTURES } from './support/paths';
import { expect, test } from './support/test';

const SHOTS = process.env.RETURNS_SHOTS ?? '/tmp';

test.describe('return insights page', () => {
  test('after an import the summary is where the person looks, and alerts are in plain words', async ({
    page,
    session,
  }) => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`chrome-extension://${session.extensionId}/insights.html`);
    await page.getByLabel('Loop returns CSV').setInputFiles(path.join(FIXTURES, 'loop/returns-export.csv'));
    const summary = page.getByRole('region', { name: 'Import summary' });
    await expect(summary.getByTestId('import-summary')).toContainText('393 new');
    // The insights arrived; the summary did not move off screen, and focus is on it.
    await expect(page.getByTestId('stat-lines')).toHaveText('393');
    await expect(summary).toBeFocused();
    await expect(summary.getByTestId('import-summary')).toBeInViewport();
    await page.screenshot({ path: path.join(SHOTS, 'insights-after-import-1366x768.png') });

    // The alert says what it means; the statistics are behind a disclosure.
    const alert = page.getByTestId('reason-alert');
    await expect(alert.getByTestId('alert-words')).toContainText(
      'Unusually many defect or damage returns for JKT-RAIN-NVY-M',
    );
    await expect(alert.getByTestId('alert-words')).toContainText('unlikely to be chance');
    await expect(alert.getByText(/p = \d/)).toBeHidden();
    await expect(page.getByTestId('alert-test')).toBeHidden();
    await alert.getByText('Details', { exact: true }).click();
    await expect(alert.getByText(/p = \d/)).toBeVisible();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: path.join(SHOTS, 'insights-1440x900.png'), fullPage: true });
  });
});
