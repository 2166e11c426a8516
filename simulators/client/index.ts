/** The harness's own DUIS User: a client that signs and sends Service Requests, and the endpoint the DSP answers to. */
export { AnswerScript, type PlannedAnswer } from './AnswerScript.ts';
export {
  checkDspMessage,
  DSP_XML_SIGNING_ROLE,
  type DspMessageCheck,
  type DspSignerCheck,
  isDspXmlSigner,
} from './checkDspMessage.ts';
export {
  type CriticalOptions,
  type DraftRequest,
  DuisClient,
  type DuisClientOptions,
} from './DuisClient.ts';
export { DEFAULT_WAIT_MS, type WaitOptions } from './MessageLog.ts';
export { RequestCounter, type RequestCounterOptions } from './RequestCounter.ts';
export {
  DEFAULT_RESPONSE_PATH,
  type DeliveryAttempt,
  type ReceivedKind,
  type ReceivedMessage,
  ResponseReceiver,
  type ResponseReceiverOptions,
} from './ResponseReceiver.ts';
export { type CriticalExchange, type DspExchange, DspResponseError, type SentRequest } from './SentRequest.ts';
export { certificatesOf, updateSecurityCredentialsBody } from './requestBodies.ts';
