import EmailReplyParser from 'email-reply-parser';
import { SEVERITIES, type Severity } from '../complaint.ts';

export type AgentCommand =
  | { name: 'note'; text: string }
  | { name: 'resolve'; agreement: string; prevention?: string }
  | { name: 'escalate'; reason?: string }
  | { name: 'category'; category: string }
  | { name: 'severity'; severity: Severity }
  | { name: 'reopen' };

export interface ParsedAgentReply {
  commands: AgentCommand[];
  /** The words to relay to the customer; empty when the reply is internal (#note) or only commands. */
  message: string;
  errors: string[];
}

const KNOWN = ['note', 'resolve', 'prevent', 'escalate', 'category', 'severity', 'reopen'];

/**
 * Reads an agent's reply: quoted history and signature stripped, then command lines at the top
 * (`#note`, `#resolve` … `#prevent` …, `#escalate`, `#category x`, `#severity x`, `#reopen`).
 * Text after #note is internal; text after #resolve is the agreed resolution; otherwise the text
 * after the commands is the message for the customer.
 */
export function parseAgentReply(body: string, categories: readonly string[]): ParsedAgentReply {
  const visible = new EmailReplyParser().parseReply(body.replace(/\r\n/g, '\n')).trim();
  const lines = visible.split('\n');
  const commands: AgentCommand[] = [];
  const errors: string[] = [];
  let index = 0;
  while (index < lines.length && (lines[index]!.trim() === '' || lines[index]!.trim().startsWith('#'))) {
    const line = lines[index]!.trim();
    index += 1;
    if (!line) continue;
    const [, rawName = '', rest = ''] = /^#(\S*)\s*(.*)$/.exec(line) ?? [];
    const name = rawName.toLowerCase();
    const remainder = () => {
      const text = [rest, ...lines.slice(index)].join('\n').trim();
      index = lines.length;
      return text;
    };
    switch (name) {
      case 'note': {
        const text = remainder();
        if (!text) errors.push('#note needs the note text after it');
        else commands.push({ name: 'note', text });
        break;
      }
      case 'resolve': {
        const text = remainder();
        const [agreement = '', prevention] = text.split(/^#prevent\b[ \t]*/im).map((part) => part.trim());
        if (!agreement) errors.push('#resolve needs the agreed resolution after it (the words the customer will read in the letter)');
        else commands.push({ name: 'resolve', agreement, prevention: prevention || undefined });
        break;
      }
      case 'prevent':
        errors.push('#prevent goes after #resolve and its agreement');
        break;
      case 'escalate':
        commands.push({ name: 'escalate', reason: rest || undefined });
        break;
      case 'category': {
        const category = rest.trim().toLowerCase();
        if (!categories.includes(category)) errors.push(`#category needs one of: ${categories.join(', ')} (got "${rest}")`);
        else commands.push({ name: 'category', category });
        break;
      }
      case 'severity': {
        const severity = rest.trim().toLowerCase();
        if (!(SEVERITIES as readonly string[]).includes(severity)) errors.push(`#severity needs one of: ${SEVERITIES.join(', ')} (got "${rest}")`);
        else commands.push({ name: 'severity', severity: severity as Severity });
        break;
      }
      case 'reopen':
        commands.push({ name: 'reopen' });
        break;
      default:
        errors.push(`unknown command #${rawName} (known: ${KNOWN.map((known) => `#${known}`).join(', ')})`);
    }
  }
  const message = lines.slice(index).join('\n').trim();
  return { commands, message, errors };
}
