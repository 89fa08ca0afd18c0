// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { pickOnPage, readLocated } from './picker-script';

afterEach(() => {
  document.body.innerHTML = '';
});

/** Starts the picker, clicks `target`, and answers what it picked. */
async function pick(target: () => Element) {
  const picked = pickOnPage('Order number');
  target().dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
  return picked;
}

describe('pickOnPage', () => {
  it('answers a stable id and the element text', async () => {
    document.body.innerHTML = '<div><span id="order-ref">  #1047 </span></div>';
    const picked = await pick(() => document.getElementById('order-ref') as Element);
    expect(picked).toEqual({ locator: '#order-ref', text: '#1047' });
    // The banner and outline are gone.
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('skips generated ids and uses a stable attribute', async () => {
    document.body.innerHTML = '<p id="ember1234" data-qa="order-number">#2002</p><p data-qa="other">x</p>';
    const picked = await pick(() => document.querySelector('[data-qa="order-number"]') as Element);
    expect(picked?.locator).toBe('p[data-qa="order-number"]');
    expect(readLocated(picked?.locator ?? '')).toBe('#2002');
  });

  it('falls back to a short path from the nearest anchored ancestor, which finds the element again', async () => {
    document.body.innerHTML =
      '<aside aria-label="Customer"><div><b>Name</b></div><div><b>Order</b> <i>#3003</i></div></aside>';
    const picked = await pick(() => document.querySelector('i') as Element);
    expect(picked?.locator).toBe('aside[aria-label="Customer"] > div:nth-of-type(2) > i');
    expect(readLocated(picked?.locator ?? '')).toBe('#3003');
  });

  it('answers null on Escape and never picks inside the dock', async () => {
    document.body.innerHTML = '<counterpart-dock><button>x</button></counterpart-dock><p id="a">A</p>';
    const picked = pickOnPage('Order number');
    document.querySelector('counterpart-dock button')?.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(await picked).toBeNull();
  });
});

describe('readLocated', () => {
  it('answers null for a locator that finds nothing or is not a selector', () => {
    expect(readLocated('#nope')).toBeNull();
    expect(readLocated('][')).toBeNull();
  });
});

describe('pickOnPage without a mouse', () => {
  const press = (key: string, shiftKey = false) =>
    document.dispatchEvent(new KeyboardEvent('keydown', { key, shiftKey, bubbles: true, cancelable: true }));
  const announced = () => document.querySelector('[data-counterpart-picker="current"]')?.textContent ?? '';

  it('Tab and Shift+Tab move between the page’s texts, the banner says which, Enter picks it', async () => {
    document.body.innerHTML =
      '<counterpart-dock><p>panel text</p></counterpart-dock><h1>Return</h1><p hidden>secret</p><div><span id="order-ref">#1047</span></div><p>Tee</p>';
    const picked = pickOnPage('Order number');
    press('Tab');
    expect(announced()).toBe('1 of 3: “Return” — Enter picks it');
    press('Tab');
    press('Tab');
    press('Tab', true);
    expect(announced()).toMatch(/^2 of 3: “#1047”/);
    press('Enter');
    expect(await picked).toEqual({ locator: '#order-ref', text: '#1047' });
    expect(document.querySelector('[role="status"]')).toBeNull();
  });

  it('the arrow keys move too, wrapping around; Escape still cancels', async () => {
    document.body.innerHTML = '<p>A</p><p>B</p>';
    const picked = pickOnPage('Order number');
    press('ArrowUp');
    expect(announced()).toMatch(/^2 of 2: “B”/);
    press('ArrowDown');
    expect(announced()).toMatch(/^1 of 2: “A”/);
    press('Escape');
    expect(await picked).toBeNull();
  });

  it('keys are not handed to the page while pointing', () => {
    document.body.innerHTML = '<p>A</p>';
    let seen = 0;
    document.body.addEventListener('keydown', () => seen++);
    void pickOnPage('Order number');
    press('Tab');
    press('Escape');
    expect(seen).toBe(0);
  });
});
