/**
 * The Message-ID header SES gives a message it sends (it discards ours). us-east-1 uses
 * `email.amazonses.com`, every other region `<region>.amazonses.com`.
 */
export function sesMessageIdHeader(sesMessageId: string, region: string): string {
  const domain = region === 'us-east-1' ? 'email.amazonses.com' : `${region}.amazonses.com`;
  return `<${sesMessageId}@${domain}>`;
}
