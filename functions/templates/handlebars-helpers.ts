/**
 * The same helpers as Handlebars helpers, for the Handlebars reference path only: tests prove the
 * compiled templates render exactly what Handlebars renders, and the bench's "MJML at run time"
 * path uses them. Never imported by the Lambda code.
 */
import Runtime from 'handlebars/runtime';
import type { HelperDelegate, HelperOptions } from 'handlebars';
import {
  formatDateHelper,
  formatDurationHelper,
  formatNumberHelper,
  paragraphsHtmlHelper,
  paragraphsTextHelper,
  type HelperData,
  type HelperName,
} from '#templates/helpers';

export type HelperMode = 'html' | 'text';

function isHelperOptions(value: unknown): value is HelperOptions {
  return typeof value === 'object' && value !== null && 'data' in value && 'hash' in value;
}

function helperData(options: unknown, helper: string): HelperData {
  if (!isHelperOptions(options)) throw new Error(`${helper}: called without Handlebars options`);
  const data: unknown = options.data;
  if (typeof data !== 'object' || data === null) throw new Error(`${helper}: rendered without locale data`);
  const { locale, intl, timeZone, durationUnits } = data as Partial<HelperData>;
  if (typeof locale !== 'string' || typeof intl !== 'string' || typeof timeZone !== 'string') throw new Error(`${helper}: rendered without locale data`);
  return { locale, intl, timeZone, durationUnits };
}

/** Splits Handlebars' (...params, options) arguments. */
function split(args: unknown[]): { params: unknown[]; options: unknown } {
  return { params: args.slice(0, -1), options: args[args.length - 1] };
}

export function createHelpers(mode: HelperMode): Record<HelperName, HelperDelegate> {
  return {
    formatDate: (...args: unknown[]) => {
      const { params, options } = split(args);
      return formatDateHelper(params[0], params[1], helperData(options, 'formatDate'));
    },
    formatDuration: (...args: unknown[]) => {
      const { params, options } = split(args);
      return formatDurationHelper(params[0], helperData(options, 'formatDuration'));
    },
    formatNumber: (...args: unknown[]) => {
      const { params, options } = split(args);
      return formatNumberHelper(params[0], params[1], helperData(options, 'formatNumber'));
    },
    paragraphs: (...args: unknown[]) => {
      const [value] = split(args).params;
      return mode === 'html' ? new Runtime.SafeString(paragraphsHtmlHelper(value)) : paragraphsTextHelper(value);
    },
    is: function (this: unknown, ...args: unknown[]) {
      const { params, options } = split(args);
      if (!isHelperOptions(options)) throw new Error('is: called without Handlebars options');
      return params[0] === params[1] ? options.fn(this) : options.inverse(this);
    },
  };
}

/** A Handlebars runtime environment with the helpers, as the reference renderer uses it. */
export function handlebarsEnvironment(mode: HelperMode): typeof Runtime {
  const env = Runtime.create();
  env.unregisterHelper('log');
  env.unregisterHelper('lookup');
  env.registerHelper(createHelpers(mode));
  return env;
}
