import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliInputError, readInputFile } from './command';

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
