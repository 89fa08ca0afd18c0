import type { CliCommand } from '../command';

/** Every CLI command; each process issue adds its own module here. */
export const COMMANDS: CliCommand[] = [];
