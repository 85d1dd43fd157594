#!/usr/bin/env node
// The operator CLI runs the TypeScript sources directly (tsx), like `npm start` does.
import { register } from 'tsx/esm/api';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
register();
await import('../functions/cli/main.ts');
