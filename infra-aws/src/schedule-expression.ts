// Turns the config's 5-field Unix cron into EventBridge Scheduler's 6-field `cron(...)`.
// The two dialects differ: AWS numbers weekdays 1-7 from Sunday, needs `?` in one of the
// day fields, and cannot express "day-of-month OR day-of-week" as Unix cron does.

export function toSchedulerCron(unixCron: string): string {
  const fields = unixCron.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`"${unixCron}" is not a 5-field cron expression`);
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields as [string, string, string, string, string];
  if (dayOfMonth !== '*' && dayOfWeek !== '*') {
    throw new Error(
      `"${unixCron}" restricts both day-of-month and day-of-week, which EventBridge Scheduler cannot express; keep one of them "*"`,
    );
  }
  const dom = dayOfWeek === '*' ? dayOfMonth : '?';
  const dow = dayOfWeek === '*' ? '?' : toAwsDayOfWeek(dayOfWeek, unixCron);
  return `cron(${minute} ${hour} ${dom} ${month} ${dow} *)`;
}

/** Unix 0-7 (0 and 7 are Sunday) to AWS 1-7 (1 is Sunday); names such as MON-FRI are the same in both. */
function toAwsDayOfWeek(field: string, expr: string): string {
  return field
    .split(',')
    .map((item) => {
      if (/^[A-Za-z]{3}(-[A-Za-z]{3})?$/.test(item)) return item.toUpperCase();
      const range = /^(\d)(?:-(\d))?$/.exec(item);
      if (!range) {
        throw new Error(
          `"${expr}" uses "${item}" as a day of week; use numbers 0-7, ranges or names like MON-FRI`,
        );
      }
      const from = Number(range[1]);
      const to = range[2] === undefined ? from : Number(range[2]);
      if (from > 7 || to > 7 || to < from) throw new Error(`"${expr}" has the invalid day-of-week "${item}"`);
      return awsDayRange(from, to);
    })
    .join(',');
}

function awsDayRange(from: number, to: number): string {
  const aws = (unixDay: number) => (unixDay % 7) + 1;
  if (from === to) return String(aws(from));
  // A range ending on Sunday (7) would wrap around in AWS numbering, so spell it out.
  if (aws(to) < aws(from)) {
    const days = new Set<number>();
    for (let d = from; d <= to; d++) days.add(aws(d));
    return [...days].sort((a, b) => a - b).join(',');
  }
  return `${aws(from)}-${aws(to)}`;
}
