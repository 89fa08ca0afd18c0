import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CliInputError, checkArgs, dayFlag, forEachJsonLine, oneLine, readInputFile, withoutNulls } from './command';

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

describe('bad input on the command line gives one clear line', () => {
  const cmd = { name: 'classify-ticket', usage: 'flags: --threshold 0.8\n       --base-url URL --model NAME' };
  it('refuses an unknown flag, a flag without its value and a stray word, naming the known flags', () => {
    expect(() => checkArgs(cmd, ['--threshold', '0.9', '--model', 'x'])).not.toThrow();
    expect(() => checkArgs(cmd, ['--thresold', '0.9'])).toThrow(
      new CliInputError('classify-ticket: unknown flag --thresold (flags: --threshold --base-url --model)'),
    );
    expect(() => checkArgs(cmd, ['--threshold'])).toThrow('classify-ticket: --threshold needs a value');
    expect(() => checkArgs(cmd, ['--threshold=0.9'])).toThrow('write --threshold VALUE, not --threshold=0.9');
    expect(() => checkArgs(cmd, ['0.9'])).toThrow('unexpected argument "0.9"');
    expect(() => checkArgs({ name: 'guard-injection' }, ['--x', '1'])).toThrow('(it takes no flags)');
  });

  it('turns a schema error into one line naming each field', () => {
    const r = z.object({ a: z.number(), b: z.object({ c: z.string() }) }).safeParse({ a: 'x', b: {} });
    const line = oneLine(r.error);
    expect(line).toBe(
      'a: Invalid input: expected number, received string; b.c: Invalid input: expected string, received undefined',
    );
    expect(oneLine(new Error('two\n  lines'))).toBe('two lines');
  });

  it('reads null as absent for object fields (documented-optional fields accept null)', () => {
    expect(withoutNulls({ a: null, b: { c: null, d: 1 }, e: [null, { f: null }] })).toEqual({
      b: { d: 1 },
      e: [null, {}],
    });
  });

  it('a line with null optional fields is analysed, a bad line is one error line, never a stack', async () => {
    const out: unknown[] = [];
    const lines = [
      '{"subject":"x","channel":null,"customer":null,"messages":[{"from":"customer","body":"hi","author":null}],"orders":null}',
      '{"subject":"x","messages":"nope"}',
    ];
    const code = await forEachJsonLine(
      {
        args: [],
        lines: (async function* () {
          yield* lines;
        })(),
        out: (v) => out.push(v),
        err: () => {},
      },
      (value) =>
        z
          .object({ subject: z.string(), messages: z.array(z.unknown()), orders: z.array(z.unknown()).optional() })
          .parse(value),
    );
    expect(code).toBe(1);
    expect(out[0]).toEqual({ subject: 'x', messages: [{ from: 'customer', body: 'hi' }] });
    expect(out[1]).toEqual({ error: 'messages: Invalid input: expected array, received string', line: 2 });
  });
});
