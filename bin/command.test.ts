import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliInputError, dayFlag, readInputFile } from './command';

const FIXTURES = path.join(__dirname, '../e2e/fixtures/planning');

describe('readInputFile', () => {
  it('reads a relative path from the directory npm run was called in (INIT_CWD), not the package root', () => {
    const text = readInputFile('suppliers.csv', 'suppliers', { INIT_CWD: FIXTURES });
    expect(text.split('\n')[0]).toContain('sku');
  });

  it('names the flag, the file and where it looked when the file is missing', () => {
    expect(() => readInputFile('nope.csv', 'orders', { INIT_CWD: FIXTURES })).toThrow(CliInputError);
    expect(() => readInputFile('nope.csv', 'orders', { INIT_CWD: FIXTURES })).toThrow(
      `--orders nope.csv: no such file (looked in ${path.join(FIXTURES, 'nope.csv')})`,
    );
    expect(() => readInputFile('.', 'orders', { INIT_CWD: FIXTURES })).toThrow('is a directory');
  });
});

describe('dayFlag', () => {
  const today = () => '2026-12-06';
  it('takes the given day, else the caller’s today, and refuses a malformed one in one line', () => {
    expect(dayFlag(['--today', '2026-07-27'], 'today', today)).toBe('2026-07-27');
    expect(dayFlag([], 'today', today)).toBe('2026-12-06');
    expect(() => dayFlag(['--today', '27/07/2026'], 'today', today)).toThrow(
      new CliInputError('--today must be a day as YYYY-MM-DD, not "27/07/2026"'),
    );
  });
});
