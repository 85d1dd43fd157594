/**
 * Renders an email from the templates admins edit in templates/.
 *
 * The templates were compiled at build time (`npm run build:templates`, run automatically before
 * test, start, bench and synth): MJML ran once, and each template's Handlebars became a plain
 * JavaScript function. This module imports them statically so esbuild bundles them into each
 * Lambda. Neither mjml nor Handlebars is loaded here: rendering is a few string concatenations
 * (microseconds), not an MJML compile (milliseconds).
 *
 * The functions travel Brotli-packed (~30 KB rather than ~450 KB of JavaScript in every bundle)
 * and are unpacked the first time a template is used (a few ms, once per Lambda instance); see
 * packModuleBody in build.ts. .build/templates/compiled.source.js has them readable.
 */
import { createTemplates, templateSettings } from '../../.build/templates/compiled.js';
import { templateRuntime } from '#templates/helpers';
import { createTemplateRuntime, type RenderedEmail, type RenderOptions } from '#templates/runtime';
import type { EmailContexts, EmailKind } from '#templates/schemas';

export {
  acknowledgementContextSchema,
  agentNotificationContextSchema,
  agentReplyContextSchema,
  brandContextSchema,
  EMAIL_KIND_AUDIENCE,
  EMAIL_KINDS,
  emailContextSchemas,
  escalationContextSchema,
  feedbackRequestContextSchema,
  followUpContextSchema,
  reportContextSchema,
  resolutionLetterContextSchema,
  thankYouContextSchema,
} from '#templates/schemas';
export type {
  AcknowledgementContext,
  AgentNotificationContext,
  AgentReplyContext,
  BrandContext,
  EmailContexts,
  EmailKind,
  EscalationContext,
  FeedbackRequestContext,
  FollowUpContext,
  ReportContext,
  ResolutionLetterContext,
  ThankYouContext,
} from '#templates/schemas';
export { TemplateContextError, TemplateNotFoundError } from '#templates/runtime';
export type { RenderedEmail, RenderOptions } from '#templates/runtime';

const runtime = createTemplateRuntime(createTemplates(templateRuntime), templateSettings);

/**
 * Renders `kind` for a complaint. The context is validated against the kind's schema (throws
 * TemplateContextError naming each bad field); the locale falls back from the complaint's
 * language to `fallbackLocale`, then to templates/locales.json's fallback. `locale` in the result
 * is the one actually used.
 */
export function renderEmail<K extends EmailKind>(kind: K, context: EmailContexts[K], options: RenderOptions): RenderedEmail<K> {
  return runtime.renderEmail(kind, context, options);
}

/** The locale renderEmail would use, without rendering (undefined if the kind has no template). */
export function resolveTemplateLocale(kind: EmailKind, locale: string, fallbackLocale: string): string | undefined {
  return runtime.resolveLocale(kind, locale, fallbackLocale);
}

/** The locales templates exist in (templates/locales.json). */
export const TEMPLATE_LOCALES: readonly string[] = templateSettings.locales.map((locale) => locale.code);
