/** Values the Kamailio config is rendered with: rtpengine's flag sets per direction, and safe string literals. */
// rtpengine flags per direction (SOFTPHONE-FACTS "settings that mattered"). A browser needs ICE,
// DTLS-SRTP and rtcp-mux; baresip on UDP wants plain RTP/AVP with separate RTCP.
// Offers (requests, in the branch route) name the callee's transport profile. Answers (replies)
// must not: rtpengine already answers the caller in the profile the caller offered, and a
// transport-protocol in an answer ("RTP/SAVPF" towards a browser) made it send SRTP to the UDP
// customer, who then heard nothing.
export const OFFER_TOWARDS_WEBSOCKET =
  'ICE=force DTLS=passive RTP/SAVPF rtcp-mux-offer rtcp-mux-require SDES-off replace-origin replace-session-connection';
// codec-strip-opus: the UDP side plays the telephone network, so calls to it run on G.711. With
// opus, baresip answers only telephone-event/8000 next to 48 kHz opus, and Chromium's RFC 4733
// DTMF never reached it; with PCMU it arrives. (DTLS=off here stopped DTLS towards the browser.)
export const OFFER_TOWARDS_UDP = 'ICE=remove RTP/AVP rtcp-mux-demux codec-strip-opus replace-origin replace-session-connection';
export const ANSWER_TOWARDS_WEBSOCKET = 'ICE=force rtcp-mux-require SDES-off replace-origin replace-session-connection';
export const ANSWER_TOWARDS_UDP = 'ICE=remove rtcp-mux-demux DTLS=off replace-origin replace-session-connection';

/** Kamailio string literal: the values are validated by options, this is a second guard. */
export function quoted(value: string): string {
  if (/["\\\n\r]/.test(value)) throw new Error(`value not allowed in Kamailio config: ${JSON.stringify(value)}`);
  return `"${value}"`;
}

