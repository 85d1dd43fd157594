import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable, startDynamo } from '#local/dynamodb';

export interface TestTable {
  db: DynamoDBDocumentClient;
  table: string;
  stop(): Promise<void>;
}

/** An in-memory dynalite on a free port with the table exactly as the stack declares it. */
export async function startTestTable(table = 'complaints'): Promise<TestTable> {
  const dynamo = await startDynamo({ port: 0, host: '127.0.0.1' });
  const client = new DynamoDBClient({ region: 'eu-west-1', endpoint: dynamo.endpoint, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
  await ensureTable(client, table);
  const db = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false } });
  return {
    db,
    table,
    async stop() {
      client.destroy();
      await dynamo.stop();
    },
  };
}
