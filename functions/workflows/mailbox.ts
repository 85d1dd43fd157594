import EmailReplyParser from 'email-reply-parser';
import type { AppConfig } from '#config/app-config';
import type { Complaint } from '#core/complaint';
import { agentReplyAddress, isValidAgentToken } from '#core/mailbox/agent-address';
import { parseAgentReply, type AgentCommand } from '#core/mailbox/agent-commands';
import { isRepeat, type RepeatInfo } from '#core/patterns/repeat';
import type { ReceiptVerdicts } from '#core/screening/index';
import type { ParsedInbound } from '#mail/parse';
import { renderEmail } from '#templates/render';
import { brandContext, expiresAtFor, sendInternal, sendToCustomer } from './outbound.ts';
import type { Clock, ComplaintStore, InboundOutcome, Outbox, Scheduler } from './ports.ts';
import { resolveComplaint } from './resolve.ts';
import { internalComplaint } from './run-job.ts';

export interface MailboxDeps {
  config: AppConfig;
  complaints: ComplaintStore;
  outbox: Outbox;
  scheduler: Scheduler;
  clock: Clock;
  /** Signs the per-complaint agent reply addresses. */
  signingSecret: string;
  categories: readonly string[];
}

const EXCERPT_CHARS = 1_500;
/** The notification lists the customer's 10 latest other complaints: 11 read, in case one is this one. */
export const CUSTOMER_HISTORY_LIMIT = 11;

/**
 * Tells the agents' mailbox about a new complaint or a customer's reply; replying to it reaches the complaint.
 * `flags.repeat` (workflows/patterns.ts) marks a repeat complaint in the subject and the body;
 * `flags.customerHistory` is the customer's latest complaints when the caller has read them already.
 */
export async function notifyAgents(
  complaint: Complaint,
  event: 'new-complaint' | 'customer-reply',
  triggerId: string,
  excerpt: string,
  deps: MailboxDeps,
  flags: { repeat?: RepeatInfo | undefined; customerHistory?: readonly Complaint[] } = {},
): Promise<void> {
  const history = flags.customerHistory ?? (await deps.complaints.complaintsOf(complaint.customer.email, CUSTOMER_HISTORY_LIMIT));
  const earlier = history.filter((other) => other.reference !== complaint.reference).slice(0, CUSTOMER_HISTORY_LIMIT - 1);
  const rendered = renderEmail(
    'agent-notification',
    {
      brand: brandContext(deps.config),
      event,
      complaint: {
        ...internalComplaint(complaint),
        excerpt: excerpt.slice(0, EXCERPT_CHARS),
        attachmentCount: complaint.attachments.length,
        accountNumbers: complaint.accountNumbers,
        orderNumbers: complaint.orderNumbers,
      },
      customer: {
        name: complaint.customer.name,
        email: complaint.customer.email,
        earlierComplaints: earlier.map((other) => ({ reference: other.reference, subject: other.subject, receivedAt: other.receivedAt, status: other.status, category: other.classification.category })),
      },
      sla: complaint.sla,
      relatedTo: complaint.possiblyRelatedTo,
      ...(isRepeat(flags.repeat) ? { repeat: { previous: flags.repeat.previous, sameCategory: flags.repeat.sameCategory, window: flags.repeat.window } } : {}),
    },
    { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale },
  );
  await sendInternal(complaint, { kind: `agent-notification:${triggerId}`, sequence: 0 }, deps.config.agentsAddress, rendered, deps, expiresAtFor(complaint, deps.config), {
    replyTo: { name: `${complaint.reference} (${deps.config.brand.name})`, address: agentReplyAddress(deps.config.complaintAddress, complaint.reference, deps.signingSecret) },
  });
}

/** A customer wrote again: the timeline gets it, the agents hear of it, a resolved complaint reopens. */
export async function receiveCustomerReply(complaint: Complaint, mail: ParsedInbound, sesMessageId: string, via: string, receivedAt: string, deps: MailboxDeps): Promise<InboundOutcome> {
  const expiresAt = expiresAtFor(complaint, deps.config);
  await deps.complaints.addEvent(
    complaint.reference,
    { at: receivedAt, type: 'customer-reply', actor: 'customer', summary: summarise(mail.text || mail.subject), details: { via, messageId: mail.messageId ?? '', text: conversationText(mail.text) } },
    expiresAt,
  );
  if (mail.messageId) await deps.complaints.linkMessageId(mail.messageId, complaint.reference, expiresAt, 'received');
  let reopened = false;
  if (complaint.status === 'resolved' && deps.config.reopenOnReply) {
    reopened = (await deps.complaints.reopenComplaint(complaint.reference)) === 'reopened';
    if (reopened) {
      await deps.complaints.addEvent(complaint.reference, { at: receivedAt, type: 'reopened', actor: 'customer', summary: 'Reopened by the customer’s reply' }, expiresAt);
    }
  }
  await notifyAgents({ ...complaint, status: reopened ? 'open' : complaint.status }, 'customer-reply', sesMessageId, mail.text, deps);
  return { outcome: 'customer-reply', reference: complaint.reference, via, reopened };
}

export type AgentCheck = { ok: true; agent: AppConfig['agents'][number] } | { ok: false; reason: string; knownAgent?: AppConfig['agents'][number] };

/** Only an allowlisted sender, with the complaint's token, whose mail SES authenticated, speaks for us. */
export function checkAgent(from: string | undefined, reference: string, token: string, verdicts: ReceiptVerdicts, deps: Pick<MailboxDeps, 'config' | 'signingSecret'>): AgentCheck {
  const agent = deps.config.agents.find((candidate) => candidate.email.toLowerCase() === from?.toLowerCase());
  if (!agent) return { ok: false, reason: `sender ${from ?? '(none)'} is not on the agent allowlist` };
  if (!isValidAgentToken(reference, token, deps.signingSecret)) return { ok: false, reason: 'the reply address token is not valid for this complaint', knownAgent: agent };
  if (verdicts.spf !== 'PASS' && verdicts.dkim !== 'PASS') {
    return { ok: false, reason: `SES could not authenticate the sender (SPF ${verdicts.spf}, DKIM ${verdicts.dkim})`, knownAgent: agent };
  }
  return { ok: true, agent };
}

/** An authenticated agent's reply: commands run, words relayed to the customer in the agent-reply template. */
export async function receiveAgentReply(complaint: Complaint, agent: AppConfig['agents'][number], mail: ParsedInbound, sesMessageId: string, receivedAt: string, deps: MailboxDeps): Promise<InboundOutcome> {
  const parsed = parseAgentReply(mail.text, deps.categories);
  const expiresAt = expiresAtFor(complaint, deps.config);
  if (parsed.errors.length > 0) {
    await tellAgent(complaint, agent, sesMessageId, `Nothing was sent to the customer. Please correct the command and reply again:\n\n${parsed.errors.map((error) => `- ${error}`).join('\n')}`, deps);
    await deps.complaints.addEvent(complaint.reference, { at: receivedAt, type: 'agent-reply-rejected', actor: agent.name, summary: `Rejected: ${parsed.errors.join('; ')}` }, expiresAt);
    return { outcome: 'rejected', reference: complaint.reference, reason: `malformed command: ${parsed.errors.join('; ')}` };
  }
  const internalOnly = parsed.commands.some((command) => command.name === 'note' || command.name === 'resolve');
  for (const command of parsed.commands) await applyCommand(command, complaint, agent, sesMessageId, receivedAt, deps, expiresAt);

  const relay = !internalOnly && parsed.message.length > 0;
  if (relay) {
    const rendered = renderEmail(
      'agent-reply',
      {
        brand: brandContext(deps.config),
        customer: { name: complaint.customer.name },
        complaint: { reference: complaint.reference, subject: complaint.subject },
        agent: { name: agent.name, title: agent.title },
        reply: { body: parsed.message },
      },
      { locale: complaint.classification.language, fallbackLocale: deps.config.defaultLocale },
    );
    const latest = (await deps.complaints.getComplaint(complaint.reference)) ?? complaint;
    const delivery = await sendToCustomer(latest, { kind: `agent-reply:${sesMessageId}`, sequence: 0 }, rendered, deps, expiresAt, {}, false);
    if (delivery.status === 'suppressed') {
      await tellAgent(complaint, agent, sesMessageId, `Your reply was recorded but not sent to the customer: ${delivery.reason}. Reach them another way, or lift the suppression with "complaints unsuppress" if the address works again.`, deps);
    }
    await deps.complaints.recordAgentReply(complaint.reference, receivedAt);
    await deps.complaints.addEvent(
      complaint.reference,
      { at: receivedAt, type: 'agent-reply', actor: agent.name, summary: summarise(parsed.message), details: { agent: agent.email, text: conversationText(parsed.message) } },
      expiresAt,
    );
  }
  return { outcome: 'agent-reply', reference: complaint.reference, agent: agent.email, commands: parsed.commands.map((command) => command.name), relayed: relay };
}

async function applyCommand(command: AgentCommand, complaint: Complaint, agent: AppConfig['agents'][number], sesMessageId: string, at: string, deps: MailboxDeps, expiresAt: number): Promise<void> {
  const event = (type: string, summary: string) => deps.complaints.addEvent(complaint.reference, { at, type, actor: agent.name, summary }, expiresAt);
  switch (command.name) {
    case 'note':
      return event('note', command.text);
    case 'category':
      await deps.complaints.updateClassification(complaint.reference, { category: command.category });
      return event('reclassified', `Category set to ${command.category}`);
    case 'severity':
      await deps.complaints.updateClassification(complaint.reference, { severity: command.severity });
      return event('reclassified', `Severity set to ${command.severity}`);
    case 'reopen': {
      const result = await deps.complaints.reopenComplaint(complaint.reference);
      return event('reopened', result === 'reopened' ? 'Reopened by an agent' : `Reopen asked, but the complaint was ${complaint.status}`);
    }
    case 'escalate': {
      const rendered = renderEmail(
        'escalation',
        {
          brand: brandContext(deps.config),
          reason: 'requested',
          complaint: internalComplaint(complaint),
          customer: { name: complaint.customer.name, email: complaint.customer.email, previousComplaints: 0 },
          sla: complaint.sla,
          escalatedBy: agent.name,
          note: command.reason,
        },
        { locale: deps.config.defaultLocale, fallbackLocale: deps.config.defaultLocale },
      );
      await sendInternal(complaint, { kind: `escalation:${sesMessageId}`, sequence: 0 }, deps.config.managersAddress, rendered, deps, expiresAt);
      return event('escalated', `Escalated to management${command.reason ? `: ${command.reason}` : ''}`);
    }
    case 'resolve': {
      const result = await resolveComplaint(
        { reference: complaint.reference, summary: command.agreement, prevention: command.prevention, resolvedBy: { name: agent.name, title: agent.title ?? deps.config.brand.signOff } },
        deps,
      );
      if (result.outcome !== 'resolved') {
        await tellAgent(complaint, agent, sesMessageId, `The complaint could not be resolved: it is ${result.outcome === 'not-open' ? result.status : 'missing'}. Use #reopen first if it needs a new resolution.`, deps);
      }
      return;
    }
  }
}

/** A short explanation to a known agent (never to anyone else): what happened to their reply and why. */
export async function tellAgent(complaint: Complaint, agent: { name: string; email: string }, sesMessageId: string, explanation: string, deps: Pick<MailboxDeps, 'config' | 'complaints' | 'outbox'>): Promise<void> {
  await deps.outbox.sendOnce(
    { reference: complaint.reference, kind: `agent-error:${sesMessageId}`, sequence: 0, expiresAt: expiresAtFor(complaint, deps.config) },
    {
      from: { name: deps.config.brand.name, address: deps.config.brand.fromAddress },
      to: [{ name: agent.name, address: agent.email }],
      subject: `[${complaint.reference}] Your reply was not sent to the customer`,
      text: `Hello ${agent.name},\n\n${explanation}\n\nCommands go on the first lines of your reply: #note, #resolve (then the agreement, optionally #prevent …), #escalate, #category <name>, #severity normal|high|urgent, #reopen.\n`,
      html: `<p>Hello ${escapeHtml(agent.name)},</p><p>${escapeHtml(explanation).replace(/\n/g, '<br>')}</p><p>Commands go on the first lines of your reply: #note, #resolve (then the agreement, optionally #prevent …), #escalate, #category &lt;name&gt;, #severity normal|high|urgent, #reopen.</p>`,
      references: [],
      automatic: true,
    },
  );
}

/** The whole message for `complaints show`, within what one DynamoDB item comfortably holds. */
function conversationText(text: string): string {
  const stripped = new EmailReplyParser().parseReply(text.replace(/\r\n/g, '\n')).trim();
  return stripped.length > 20_000 ? `${stripped.slice(0, 20_000)}…` : stripped;
}

function summarise(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
