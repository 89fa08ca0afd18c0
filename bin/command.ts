import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as readline from 'node:readline';
import { z } from 'zod';

/** A command of `npm run -s cli -- <name>`: reads JSON lines on stdin, writes JSON lines on stdout. */
export interface CliCommand {
  name: string;
  /** One line for `--help`. */
  summary: string;
  /** Flags and input shape, shown by `<name> --help`. */
  usage?: string;
  run(io: CliIO): Promise<number>;
}

export interface CliIO {
  args: string[];
  lines: AsyncIterable<string>;
  out(value: unknown): void;
  err(message: string): void;
}

/** Reads stdin line by line (JSON lines input). */
export function stdinLines(): AsyncIterable<string> {
  return readline.createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
}

/**
 * Runs `handle` on every non-empty JSON line. A line that is not JSON, or that `handle` rejects,
 * yields `{"error": ..., "line": n}` on stdout so the output stays aligned with the input; the
 * exit code is 1 when any line failed.
 */
export async function forEachJsonLine(
  io: CliIO,
  handle: (value: unknown, lineNo: number) => unknown | Promise<unknown>,
): Promise<number> {
  let lineNo = 0;
  let failed = 0;
  for await (const raw of io.lines) {
    lineNo += 1;
    const text = raw.trim();
    if (!text) continue;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      failed += 1;
      io.out({ error: 'line is not valid JSON', line: lineNo });
      continue;
    }
    try {
      io.out(await handle(withoutNulls(value), lineNo));
    } catch (error) {
      failed += 1;
      io.out({ error: oneLine(error), line: lineNo });
    }
  }
  return failed > 0 ? 1 : 0;
}

/**
 * A line's object keys set to `null` are dropped: documented-optional fields accept `null` as
 * "absent" (what exports from other tools write). Nulls inside arrays stay, and are refused there.
 */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === null ? v : withoutNulls(v)));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

/** An error as one line: a schema error names each field and what is wrong with it; never a stack. */
export function oneLine(error: unknown): string {
  if (error instanceof z.ZodError)
    return error.issues
      .map((i) => `${i.path.length ? i.path.join('.') : 'input'}: ${i.message}`)
      .join('; ')
      .replace(/\s*\n\s*/g, ' ');
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s*\n\s*/g, ' ');
}

/**
 * Checks the command line against the flags the command's usage names: an unknown flag (a typo
 * would otherwise be ignored silently), a flag without its value, or a stray word is a one-line
 * error.
 */
export function checkArgs(command: Pick<CliCommand, 'name' | 'usage'>, args: string[]): void {
  const known = new Set((command.usage ?? '').match(/--[a-z][a-z-]*/g) ?? []);
  const list = known.size ? ` (flags: ${[...known].join(' ')})` : ' (it takes no flags)';
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!a.startsWith('--')) throw new CliInputError(`${command.name}: unexpected argument "${a}"${list}`);
    const name = a.split('=')[0] ?? a;
    if (!known.has(name)) throw new CliInputError(`${command.name}: unknown flag ${name}${list}`);
    if (a.includes('=')) throw new CliInputError(`${command.name}: write ${name} VALUE, not ${a}`);
    const next = args[i + 1];
    if (next === undefined || next.startsWith('--')) throw new CliInputError(`${command.name}: ${name} needs a value`);
    i += 1;
  }
}

/** Reads `--flag value` pairs. */
export function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
}

/**
 * Reads a file named on the command line. A relative path is taken from the directory the user ran
 * `npm run` in (npm sets INIT_CWD; the script itself runs in the package root). A missing or
 * unreadable file is a one-line error naming the flag, not a stack trace.
 */
export function readInputFile(path: string, flagName: string, env: NodeJS.ProcessEnv = process.env): string {
  const full = resolve(env.INIT_CWD ?? process.cwd(), path);
  try {
    return readFileSync(full, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new CliInputError(`--${flagName} ${path}: ${why} (looked in ${full})`);
  }
}

/** Reads an input file's bytes (decoded by the caller with the encoding they show); a missing file is a one-line error. */
export function readInputBytes(path: string, flagName: string, env: NodeJS.ProcessEnv = process.env): Uint8Array {
  const full = resolve(env.INIT_CWD ?? process.cwd(), path);
  try {
    return new Uint8Array(readFileSync(full));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : String(error);
    throw new CliInputError(`--${flagName} ${path}: ${why} (looked in ${full})`);
  }
}

/** A bad flag or input file: printed as one line, exit code 2. */
export class CliInputError extends Error {}

/**
 * Reads a `--name YYYY-MM-DD` day flag; without it, `fallback` (the caller's "today", read from the
 * clock module by the command, never by an engine). A malformed day is a one-line error.
 */
export function dayFlag(args: string[], name: string, fallback: () => string): string {
  const value = flag(args, name);
  if (value === undefined) return fallback();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))
    throw new CliInputError(`--${name} must be a day as YYYY-MM-DD, not "${value}"`);
  return value;
}
