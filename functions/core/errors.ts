import type { z } from 'zod';

/** One line per problem, naming the offending field: "  sla.resolution: expected an ISO-8601 duration". */
export function formatZodIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
      return `  ${path}: ${issue.message}`;
    })
    .join('\n');
}
