import * as z from 'zod/mini';
import { JOB_KINDS, type ScheduledJob } from '#core/lifecycle';

const isoTime = z.iso.datetime();

export const scheduledJobSchema = z.object({
  reference: z.string().check(z.regex(/^CMP-[2-9A-HJ-NP-Z]{6}$/)),
  kind: z.enum(JOB_KINDS),
  sequence: z.int().check(z.minimum(0)),
  dueAt: isoTime,
  scheduledAt: isoTime,
  assumesResolvedAt: z.optional(isoTime),
}) satisfies z.ZodMiniType<ScheduledJob>;
