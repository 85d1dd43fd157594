import { Command, CommanderError } from 'commander';
import { ConfigError } from '#config/app-config';
import { complaintCommands } from './complaint-commands.ts';
import { CliError } from './connection.ts';
import { lifecycleCommands } from './lifecycle-commands.ts';
import { privacyCommands } from './privacy-commands.ts';
import { reportCommand } from './report-command.ts';
import { suppressionCommands } from './suppression-commands.ts';
import { templatesCommand } from './templates-command.ts';

const program = new Command()
  .name('complaints')
  .description('Operate the complaint responder: inspect complaints, screened mail and templates; export or erase what is kept about a person.')
  .showHelpAfterError()
  .exitOverride();

for (const command of [...complaintCommands(), ...lifecycleCommands(), ...suppressionCommands(), templatesCommand(), reportCommand(), ...privacyCommands()]) program.addCommand(command);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (error instanceof CliError || error instanceof ConfigError) {
    console.error(`complaints: ${error.message}`);
    process.exit(1);
  }
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  console.error(`complaints: ${message}`);
  process.exit(1);
}

