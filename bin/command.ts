import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import * as readline from 'node:readline';

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
      io.out(await handle(value, lineNo));
    } catch (error) {
      failed += 1;
      io.out({ error: error instanceof Error ? error.message : String(error), line: lineNo });
    }
  }
  return failed > 0 ? 1 : 0;
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
