/** What both classic zod and zod/mini report: an issue with a path and a message. */
export interface ValidationIssues {
  issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>;
}

/** One line per problem, naming the offending field: "  sla.resolution: expected an ISO-8601 duration". */
export function formatZodIssues(error: ValidationIssues): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length > 0 ? issue.path.map(String).join('.') : '(root)';
      return `  ${path}: ${issue.message}`;
    })
    .join('\n');
}
