import { z } from 'zod';
import { type CliCommand, CliInputError, checkArgs, oneLine, stdinLines } from './command';
import { COMMANDS } from './commands/index';

function help(commands: CliCommand[]): string {
  const width = Math.max(...commands.map((c) => c.name.length), 8);
  return [
    'Counterpart command line: JSON lines on stdin, JSON lines on stdout.',
    '',
    'usage: npm run -s cli -- <command> [flags] < input.jsonl',
    '',
    'commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `npm run -s cli -- <command> --help` for a command’s flags and input.',
  ].join('\n');
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(`${help(COMMANDS)}\n`);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`unknown command: ${name}\n\n${help(COMMANDS)}\n`);
    return 2;
  }
  if (args.includes('--help')) {
    process.stdout.write(`${command.name}: ${command.summary}\n${command.usage ?? ''}\n`);
    return 0;
  }
  checkArgs(command, args);
  return command.run({
    args,
    lines: stdinLines(),
    out: (value) => process.stdout.write(`${JSON.stringify(value)}\n`),
    err: (message) => process.stderr.write(`${message}\n`),
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // One clear line, never a stack trace: a bad flag value (CliInputError, or a flag's value that
    // fails its schema) exits 2, anything else 1.
    const usage = error instanceof CliInputError || error instanceof z.ZodError;
    process.stderr.write(`${usage ? '' : 'error: '}${oneLine(error)}\n`);
    process.exitCode = usage ? 2 : 1;
  },
);
