const DURATION = /^P(?:(\d+)W|(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?)$/;

/** Milliseconds in an ISO-8601 duration made of weeks, days, hours, minutes and seconds. */
export function durationToMs(duration: string): number {
  const match = DURATION.exec(duration);
  if (!match) throw new Error(`Not an ISO-8601 duration: ${duration}`);
  const [, weeks, days, hours, minutes, seconds] = match;
  return (
    Number(weeks ?? 0) * 604_800_000 +
    Number(days ?? 0) * 86_400_000 +
    Number(hours ?? 0) * 3_600_000 +
    Number(minutes ?? 0) * 60_000 +
    Math.round(Number(seconds ?? 0) * 1000)
  );
}

export function addDuration(isoTime: string, duration: string): string {
  return new Date(Date.parse(isoTime) + durationToMs(duration)).toISOString();
}
