// The secret containers the stack creates for the runner (values never pass through the
// program: `escher creds put` adds them). Derived from the config, so an unused channel
// has no secret and no grant.

import type { ExtensionConfig } from '@escher/shared';

export function secretNames(config: Pick<ExtensionConfig, 'ai_url' | 'notifications'>): string[] {
  const channels = (['slack', 'teams', 'pagerduty'] as const).filter((c) => config.notifications[c]);
  return [
    'escher/state/key',
    'escher/webhook/shared_secret',
    ...(config.ai_url ? ['escher/ai/token'] : []),
    ...channels.map((c) => `escher/notify/${c}`),
  ];
}
