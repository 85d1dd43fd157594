import { Command, Option } from 'commander';
import { sqsClient } from '#adapters/aws-clients';
import { DeadLetterQueue } from '#adapters/dead-letters';
import { complaintAdapters, schedulerAdapter } from '#adapters/wiring';
import { RUNTIME_ENV } from '#adapters/table-schema';
import { appConfigFromEnv } from '#config/app-config';
import { findReference } from '#core/reference';
import { systemClock } from '#workflows/ports';
import { resolveComplaint } from '#workflows/resolve';
import { CliError, loadConnectionEnv } from './connection.ts';

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new CliError(`${name} is not set (on AWS take it from the stack outputs; locally run \`npm start\`)`);
  return value;
}

export function lifecycleCommands(): Command[] {
  const resolve = new Command('resolve')
    .description('Resolve a complaint: send the resolution letter and schedule the feedback request.')
    .argument('<reference>', 'e.g. CMP-7F3K2Q')
    .requiredOption('--summary <text>', 'the agreed resolution, as the customer should read it')
    .option('--prevention <text>', 'what will stop it happening again')
    .option('--by <name>', 'who resolved it (signs the letter)', 'Customer Care')
    .option('--title <title>', "the signatory's title", 'Customer Care')
    .action(async (input: string, options: { summary: string; prevention?: string; by: string; title: string }) => {
      const reference = findReference(input);
      if (!reference) throw new CliError(`"${input}" is not a complaint reference (CMP- followed by 6 letters/digits)`);
      if (!options.summary.trim()) throw new CliError('--summary must say what was agreed');
      loadConnectionEnv();
      const table = requiredEnv(RUNTIME_ENV.tableName);
      const config = appConfigFromEnv();
      const result = await resolveComplaint(
        { reference, summary: options.summary, prevention: options.prevention, resolvedBy: { name: options.by, title: options.title } },
        {
          config,
          ...complaintAdapters(table, config, systemClock),
          scheduler: schedulerAdapter(requiredEnv(RUNTIME_ENV.schedulerQueueUrl), systemClock, Number(process.env[RUNTIME_ENV.schedulerMaxDelaySeconds] ?? 900)),
          clock: systemClock,
        },
      );
      if (result.outcome === 'not-found') throw new CliError(`No complaint ${reference}`);
      if (result.outcome === 'not-open') throw new CliError(`${reference} is ${result.status}, not open; nothing was sent`);
      console.log(`${reference} resolved; the resolution letter was sent and the feedback request is scheduled (${config.lifecycle.feedbackRequestAfter} from now).`);
    });

  const queueOption = new Option('--queue <name>', 'which dead-letter queue').choices(['scheduler', 'inbound']).default('scheduler');
  const dlqUrl = (queue: string) => requiredEnv(queue === 'inbound' ? RUNTIME_ENV.inboundFailuresUrl : RUNTIME_ENV.schedulerDlqUrl);

  const dlq = new Command('dlq').description('Inspect and redrive dead-letter queues.');
  dlq
    .command('list')
    .description('List the messages in a dead-letter queue with their reason.')
    .addOption(queueOption)
    .option('--json', 'print JSON for scripts')
    .action(async (options: { queue: string; json?: boolean }) => {
      loadConnectionEnv();
      const letters = await new DeadLetterQueue(sqsClient(), dlqUrl(options.queue)).list();
      if (options.json) return console.log(JSON.stringify(letters, null, 2));
      if (letters.length === 0) return console.log(`The ${options.queue} dead-letter queue is empty.`);
      for (const letter of letters) console.log(`${letter.sentAt ?? ''}  ${letter.messageId}  received ${letter.receiveCount}×\n  ${letter.body.slice(0, 500)}`);
    });
  dlq
    .command('redrive')
    .description('Move every message of the scheduler DLQ back onto the scheduler queue.')
    .action(async () => {
      loadConnectionEnv();
      const moved = await new DeadLetterQueue(sqsClient(), dlqUrl('scheduler')).redrive(requiredEnv(RUNTIME_ENV.schedulerQueueUrl));
      console.log(`Moved ${moved} message(s) back to the scheduler queue.`);
    });

  return [resolve, dlq];
}
