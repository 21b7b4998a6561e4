// What a command may touch: output streams only; files it opens itself with node:fs.
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
}

export interface CliCommand {
  run(args: string[], io: CliIo): Promise<number>;
}

export const nodeIo: CliIo = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
};

/** Splits `--flag value` pairs from positional arguments; throws a Russian message on a dangling flag. */
export function parseArgs(
  args: string[],
  flags: readonly string[],
  booleans: readonly string[] = [],
): { positional: string[]; options: Record<string, string>; switches: Set<string> } {
  const positional: string[] = [];
  const options: Record<string, string> = {};
  const switches = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (booleans.includes(arg)) {
      switches.add(arg);
    } else if (flags.includes(arg)) {
      const value = args[i + 1];
      if (value === undefined) throw new Error(`После ${arg} нужно значение`);
      options[arg] = value;
      i++;
    } else if (arg.startsWith('--')) {
      throw new Error(`Неизвестный параметр ${arg}`);
    } else {
      positional.push(arg);
    }
  }
  return { positional, options, switches };
}
