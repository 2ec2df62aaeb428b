// Cloud Scheduler takes unix-cron: numbers, names, `*`, lists, ranges and steps. The shared
// schema accepts croner's extensions too (L, W, #, ?), which Cloud Scheduler would reject
// at deploy time; refusing them here names the field before anything is declared.

const UNIX_CRON_FIELD =
  /^(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?(,(\*|[0-9A-Za-z]+(-[0-9A-Za-z]+)?)(\/\d+)?)*$/;
const NAMES = /[A-Za-z]/;
const KNOWN_NAMES = /^(JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC|SUN|MON|TUE|WED|THU|FRI|SAT)$/i;

/** Why Cloud Scheduler would refuse a cron, or undefined when it accepts it. */
export function schedulerCronProblem(cron: string): string | undefined {
  for (const field of cron.trim().split(/\s+/)) {
    const tokens = field.split(/[,/-]/).filter((t) => NAMES.test(t));
    if (!UNIX_CRON_FIELD.test(field) || tokens.some((t) => !KNOWN_NAMES.test(t))) {
      return `"${field}" is not unix-cron (Cloud Scheduler takes numbers, names, *, lists, ranges and steps)`;
    }
  }
  return undefined;
}
