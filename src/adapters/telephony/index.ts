export { MockTelephonyProvider, MOCK_CONNECT_AFTER_MS, MOCK_RING_AFTER_MS, type MockCalleeBehaviour, type MockTelephonyOptions } from './mock/mock-telephony-provider';
export { WEBHOOK_SIGNATURE_HEADER, signWebhookBody, verifyWebhookSignature, type WebhookSignatureResult } from './webhook/webhook-signature';
export { MAX_INBOUND_WEBHOOK_BYTES, inboundWebhookBodySchema, parseInboundWebhookBody, type InboundWebhookBody } from './webhook/inbound-webhook.schema';
export { handleInboundWebhook, type InboundWebhookDeps, type InboundWebhookRequest, type InboundWebhookResponse } from './webhook/inbound-webhook-handler';
export { createTwilioVoiceHandlers, type TwilioVoiceDeps, type TwilioWebhookRequest, type TwilioWebhookResponse } from './twilio/twilio-voice-handlers';
export { verifyTwilioSignature } from './twilio/twilio-signature';
export { TWILIO_STATUS_TO_PROVIDER_STATUS, toProviderCallStatus, twilioStatusToCallEvents } from './twilio/twilio-call-status';
export { dialAgentsTwiml, nobodyAvailableTwiml, emptyTwiml, twilioClientIdentity } from './twilio/twilio-twiml';
export { parseTwilioForm, parseTwilioVoiceWebhook, twilioVoiceWebhookSchema, type TwilioCallStatus } from './twilio/twilio-voice-webhook.schema';
