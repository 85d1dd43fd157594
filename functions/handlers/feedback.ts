import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { complaintAdapters, schedulerAdapter } from '#adapters/wiring';
import { systemClock } from '#workflows/ports';
import { handleFeedback, type FeedbackDeps } from '#workflows/feedback';
import { logger, runtimeSettings, signingSecret } from './runtime.ts';

let deps: FeedbackDeps | undefined;

function wire(): FeedbackDeps {
  const settings = runtimeSettings();
  return {
    config: settings.config,
    ...complaintAdapters(settings.tableName, settings.config, systemClock),
    scheduler: schedulerAdapter(settings.schedulerQueueUrl, systemClock, settings.schedulerMaxDelaySeconds),
    clock: systemClock,
    secret: signingSecret(),
    log: (message, fields) => logger.info(message, fields),
  };
}

const HTML_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'",
};

/** The feedback page behind a Lambda Function URL (locally: the local stack's HTTP server). */
export async function handler(event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> {
  const method = event.requestContext.http.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') return { statusCode: 405, headers: { allow: 'GET, POST' }, body: '' };
  deps ??= wire();
  const query = new URLSearchParams(event.rawQueryString ?? '');
  const form = method === 'POST' ? new URLSearchParams(event.body ? (event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body) : '') : undefined;
  const ratingText = form?.get('rating') ?? query.get('r');
  const response = await handleFeedback(
    {
      method,
      token: form?.get('t') ?? query.get('t') ?? '',
      rating: ratingText ? Number.parseInt(ratingText, 10) : undefined,
      comment: form?.get('comment') ?? undefined,
      action: event.rawPath || '/',
    },
    deps,
  );
  return { statusCode: response.status, headers: HTML_HEADERS, body: response.html };
}
