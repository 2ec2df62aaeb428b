export * from './channel.js';
export { type BannerRecord, type BannerSink, bannerRecord } from './channels/banner.js';
export { CHANNEL_FACTORIES, type ChannelFactory } from './channels/index.js';
export { CHANNEL_DEADLINE_MS, createNotifier } from './create-notifier.js';
export * from './errors.js';
export * from './notification.js';
export { routeFor, SEVERITY_ROUTES } from './routing.js';
export { NOTIFY_SECRETS, type NotifierConfig, type NotifierDeps } from './setup.js';
export { stateBannerSink } from './state-banners.js';
