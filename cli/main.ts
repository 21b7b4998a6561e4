// Svodka's command-line shell over lib/. One file per command in cli/commands/<name>.ts,
// each exporting `run(args, io)`; this file only dispatches, so commands never collide.
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { CliCommand } from './io.ts';
import { nodeIo } from './io.ts';

const commandsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'commands');

function listCommands(): string[] {
  return readdirSync(commandsDir)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (!name || name === '--help' || name === 'help') {
    nodeIo.out(
      `Использование: npm run cli -- <команда> [аргументы]\nКоманды: ${listCommands().join(', ')}`,
    );
    return name ? 0 : 2;
  }
  const file = path.join(commandsDir, `${name}.ts`);
  if (!/^[a-z][a-z-]*$/.test(name) || !existsSync(file)) {
    nodeIo.err(`Неизвестная команда «${name}». Команды: ${listCommands().join(', ')}`);
    return 2;
  }
  const command = (await import(file)) as CliCommand;
  return command.run(args, nodeIo);
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    nodeIo.err(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
