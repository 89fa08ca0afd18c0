import { browser } from 'wxt/browser';
import { z } from 'zod';
import { fieldLocators, readFieldLocators } from '../../lib/settings/locators';
import type { CheckedSnapshot } from '../../lib/sites/data-schemas';
import { type FieldFixes, fixableMissing } from '../../lib/sites/field-fixes';
import { type PickedElement, pickOnPage, readLocated } from '../../lib/sites/picker-script';

// "Point at it": the picker is injected into the tab only when the user asks (the `scripting`
// permission; the content scripts stay at their size ceiling), and a remembered place is read the
// same way when the field is missing again on that app.

const pickedSchema = z.object({ locator: z.string().min(1).max(300), text: z.string().max(2000) }).nullable();

/** Lets the user click the element showing `label` in the tab; null when cancelled or not possible. */
export async function pickInTab(tabId: number, label: string): Promise<PickedElement | null> {
  const [answer] = await browser.scripting.executeScript({ target: { tabId }, func: pickOnPage, args: [label] });
  const parsed = pickedSchema.safeParse(answer?.result ?? null);
  return parsed.success ? parsed.data : null;
}

/** Remembers where `field` is shown on `app`'s pages (settings, exported in backups). */
export async function rememberLocator(app: string, field: string, locator: string): Promise<void> {
  await fieldLocators.setValue({ ...(await readFieldLocators()), [`${app}.${field}`]: locator });
}

/**
 * The missing fields' values read at the places the user pointed at before on this app (typed
 * values win and are not read again). A place that finds nothing is skipped.
 */
export async function pointedValues(tabId: number, snapshot: CheckedSnapshot, typed: FieldFixes): Promise<FieldFixes> {
  const wanted = fixableMissing(snapshot).filter((f) => !typed[f.field]);
  if (!wanted.length) return {};
  const locators = await readFieldLocators();
  const out: FieldFixes = {};
  for (const f of wanted) {
    const locator = locators[`${f.app}.${f.field}`];
    if (!locator) continue;
    try {
      const [answer] = await browser.scripting.executeScript({ target: { tabId }, func: readLocated, args: [locator] });
      const text = z.string().trim().min(1).max(2000).safeParse(answer?.result);
      if (text.success) out[f.field] = text.data;
    } catch (e) {
      console.warn('[counterpart] could not read a remembered place', e);
    }
  }
  return out;
}
