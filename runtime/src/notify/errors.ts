// Errors of the notification domain. Messages name the channel and what the service said,
// never the endpoint: webhook URLs and routing keys are credentials.

import { EscherError } from '../errors.js';

/** The service refused the notification (4xx other than 429); retrying will not help. */
export class DeliveryRejectedError extends EscherError {
  override name = 'DeliveryRejectedError';
}

/** A channel is enabled in the config but its secret is missing from the SecretStore. */
export class ChannelNotConfiguredError extends EscherError {
  override name = 'ChannelNotConfiguredError';
}
