// `npm run server` starts the sync server; `npm run server -- <command>` runs an operator
// command (see server/cli.ts and server/README.md).
import { createSyncServer } from './app.ts';
import { commands, runCli } from './cli.ts';
import { resolveConfig } from './config.ts';
import { createLogger } from './log.ts';

const argv = process.argv.slice(2);

if (argv[0] && (commands as readonly string[]).includes(argv[0])) {
  const code = await runCli(
    argv,
    process.env,
    (s) => console.log(s),
    (s) => console.error(s),
  );
  process.exit(code);
}

const log = createLogger();
try {
  const config = resolveConfig(process.env, argv);
  const server = await createSyncServer({ ...config, log });
  console.error(
    `Сводка: сервер синхронизации работает на ${server.url} (данные: ${config.dataDir}) / ` +
      `Svodka sync server listening on ${server.url} (data: ${config.dataDir})`,
  );
  let exiting = false;
  const shutdown = (signal: string) => {
    if (exiting) return;
    exiting = true;
    log('server.shutdown', { signal });
    server.stop().then(
      () => process.exit(0),
      (error: Error) => {
        log('server.shutdown_failed', { error: error.message });
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
} catch (error) {
  console.error(
    `Сводка: сервер не запущен / Svodka: server not started — ${(error as Error).message}`,
  );
  process.exit(1);
}
