import { type CliCommand, CliInputError, stdinLines } from './command';
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
    if (error instanceof CliInputError) {
      process.stderr.write(`${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
