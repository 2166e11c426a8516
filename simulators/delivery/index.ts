/**
 * Delivery of the DSP's asynchronous DUIS responses and alerts to each User's response URL: the
 * `UserOutbox` port and its HTTP adapter with retries and a store of undeliverable messages.
 */
export { HttpDeliveryClient, type HttpDeliveryClientOptions } from './HttpDeliveryClient.ts';
export type {
  DeliveryState, MessageRecord, PendingMessage, UndeliverableCause, UndeliverableMessage,
} from './messages.ts';
export type { FetchLike } from './postXml.ts';
export { resolveResponseUrl, type ResponseUrlLookup, responseUrlsFrom } from './responseUrls.ts';
export { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retryPolicy.ts';
export { instantSleep, realSleep, type Sleep } from './sleep.ts';
export type { DeliveryKind, DeliveryMeta, UserOutbox } from './UserOutbox.ts';
