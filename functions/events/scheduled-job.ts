import { z } from 'zod';
import { JOB_KINDS, type ScheduledJob } from '#core/lifecycle';

export const scheduledJobSchema = z.object({
  reference: z.string().regex(/^CMP-[2-9A-HJ-NP-Z]{6}$/),
  kind: z.enum(JOB_KINDS),
  sequence: z.number().int().min(0),
  dueAt: z.string().datetime(),
  scheduledAt: z.string().datetime(),
  assumesResolvedAt: z.string().datetime().optional(),
}) satisfies z.ZodType<ScheduledJob>;
