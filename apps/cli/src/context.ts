import type { Command } from 'commander';
import { type ApiClient, openClient } from './client';

/** Options every command accepts through the program: where the data is. */
export type GlobalOptions = { dataDir?: string; json?: boolean };

export function globalsOf(command: Command): GlobalOptions {
  return command.optsWithGlobals<GlobalOptions>();
}

/** Opens the API (remote or local), runs the command, and always closes it (releasing the data directory lock). */
export async function withClient<T>(command: Command, run: (client: ApiClient) => Promise<T>): Promise<T> {
  const client = await openClient({ dataDir: globalsOf(command).dataDir });
  try {
    return await run(client);
  } finally {
    await client.close();
  }
}

export function print(lines: string | string[]): void {
  const text = Array.isArray(lines) ? lines.join('\n') : lines;
  process.stdout.write(`${text}\n`);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

/** A command's output: the API's JSON with --json, else the rendered lines. */
export function output(command: Command, json: unknown, render: () => string | string[]): void {
  if (globalsOf(command).json) printJson(json);
  else print(render());
}
