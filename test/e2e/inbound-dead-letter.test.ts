import { DeleteTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqsClient } from '#adapters/aws-clients';
import { startTestStack, type TestStack } from '../support/local-stack.ts';
import { sendComplaint } from '../support/smtp.ts';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.dispose();
});

/**
 * What a message that cannot be processed (rather than one that cannot be parsed, which is
 * screened on its first delivery) becomes: Lambda's asynchronous invocation retries it twice,
 * then the on-failure destination gets the event with the reason. Never retried forever.
 */
describe('an inbound failure that escapes the handler', () => {
  it('is tried three times in all, then dead-lettered with the reason', async () => {
    // The table going away is a failure no retry can fix.
    const dynamo = new DynamoDBClient({});
    await dynamo.send(new DeleteTableCommand({ TableName: 'complaints' }));
    dynamo.destroy();

    await sendComplaint(stack.smtpPort, { from: 'jane@customer.test', subject: 'My order is late', text: 'My order has not arrived after three weeks.' });
    await stack.drain();
    expect(stack.invocations).toMatchObject({ succeeded: 0, failed: 1 });

    const { Messages = [] } = await sqsClient().send(new ReceiveMessageCommand({ QueueUrl: stack.queues.inboundFailuresUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1 }));
    expect(Messages).toHaveLength(1);
    const record = JSON.parse(Messages[0]!.Body!) as { requestContext: { condition: string; approximateInvokeCount: number }; responsePayload: { errorMessage: string }; requestPayload: { Records: Array<{ ses: { mail: { source: string } } }> } };
    expect(record.requestContext).toEqual({ condition: 'RetriesExhausted', approximateInvokeCount: 3 });
    expect(record.responsePayload.errorMessage).toMatch(/resource not found/i);
    expect(record.requestPayload.Records[0]!.ses.mail.source).toBe('jane@customer.test');
    expect(await stack.outbox.messages()).toHaveLength(0);
  });
});
