import { userInfo } from 'node:os';
import { Command, InvalidArgumentError } from 'commander';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { suppressionListAdapter } from '#adapters/wiring';
import { normaliseAddress } from '#core/suppression';
import { systemClock, type Suppression } from '#workflows/ports';
import { CliError, loadConnectionEnv } from './connection.ts';

/** The suppression list: addresses SES reported as bouncing or complaining, which nothing is sent to. */
export function suppressionCommands(): Command[] {
  const list = new Command('suppressed')
    .description('List the addresses nothing is sent to (SES permanent bounces and spam complaints), newest first.')
    .option('--limit <n>', 'at most this many', positiveInteger, 100)
    .option('--json', 'print JSON for scripts')
    .action(async (options: { limit: number; json?: boolean }) => {
      const suppressions = await suppressionListAdapter(tableName()).listActive(options.limit);
      if (options.json) return console.log(JSON.stringify(suppressions, null, 2));
      if (suppressions.length === 0) return console.log('No address is suppressed.');
      for (const line of suppressionTable(suppressions)) console.log(line);
    });

  const lift = new Command('unsuppress')
    .description('Lift the suppression of an address (it may be emailed again); the reason is kept on the record.')
    .argument('<email>', 'the suppressed address', emailAddress)
    .requiredOption('--reason <text>', 'why it is safe to email the address again (e.g. "customer confirmed the mailbox works")', nonEmpty)
    .option('--by <name>', 'who lifts it', userInfo().username)
    .action(async (address: string, options: { reason: string; by: string }) => {
      const suppressions = suppressionListAdapter(tableName());
      const existing = await suppressions.get(address);
      const result = await suppressions.lift(address, { at: systemClock.now().toISOString(), by: options.by, reason: options.reason });
      if (result === 'not-suppressed') {
        throw new CliError(existing?.lifted ? `${address} is not suppressed (lifted by ${existing.lifted.by} on ${existing.lifted.at}: ${existing.lifted.reason})` : `${address} is not suppressed`);
      }
      console.log(`${address} may be emailed again (it was suppressed: ${existing?.reason ?? 'unknown reason'}).`);
      // The stack's configuration set also has SES suppress bounces and complaints account-wide; while
      // SES lists the address it drops the mail and reports a bounce, which would suppress it here again.
      console.log(`On AWS, also lift SES's own suppression: aws sesv2 delete-suppressed-destination --email-address ${address}`);
    });

  return [list, lift];
}

function tableName(): string {
  loadConnectionEnv();
  const table = process.env[RUNTIME_ENV.tableName];
  if (!table) throw new CliError(`${RUNTIME_ENV.tableName} is not set (on AWS take it from the stack outputs; locally run \`npm start\`)`);
  return table;
}

export function suppressionTable(suppressions: readonly Suppression[]): string[] {
  const rows = suppressions.map((entry) => [entry.at.slice(0, 16).replace('T', ' '), entry.kind, entry.address, entry.reason]);
  const widths = [16, 9, Math.max(7, ...rows.map((row) => row[2]!.length))];
  const format = (cells: string[]) => cells.map((cell, index) => (index < widths.length ? cell.padEnd(widths[index]!) : cell)).join('  ').trimEnd();
  return [format(['Since', 'Kind', 'Address', 'Reason']), ...rows.map(format)];
}

function emailAddress(value: string): string {
  const address = normaliseAddress(value);
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new InvalidArgumentError(`"${value}" is not an email address`);
  return address;
}

function nonEmpty(value: string): string {
  if (!value.trim()) throw new InvalidArgumentError('must not be empty');
  return value.trim();
}

function positiveInteger(value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) throw new InvalidArgumentError(`"${value}" is not a positive whole number`);
  return number;
}
