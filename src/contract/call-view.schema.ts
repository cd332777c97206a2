import { z } from 'zod';

/**
 * The call as the window sees it (docs/CALLS-API.md), on REST answers and socket events alike:
 * the zod schema the server checks against, and the types inferred from it that both sides use.
 * The server builds it with `toWindowCallView` (src/adapters/realtime/window-call-view.ts); the
 * window imports the types only (`import type`, so no zod ships to the browser) and reads payloads
 * with its own lenient guards (src/ui/calls/call-parse.ts), typed by these types.
 */

export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_STATES = ['ringing', 'connected', 'ended', 'wrapped_up'] as const;
/** `wrong_number` and `declined` come from SIP calls (404/484/604 and 603). */
export const CALL_OUTCOMES = ['completed', 'rejected', 'cancelled', 'no_answer', 'busy', 'failed', 'wrong_number', 'declined'] as const;
export const MATCH_QUALITIES = ['exact_e164', 'national_number', 'trailing_digits'] as const;
export const WRAP_UP_STATUSES = ['pending', 'saved', 'failed'] as const;

export const dealSummarySchema = z.object({ id: z.number(), title: z.string(), value: z.number().nullable(), currency: z.string().nullable() });

export const callerPersonSchema = z.object({ id: z.number(), name: z.string(), pictureUrl: z.string().nullable(), organizationName: z.string().nullable() });

export const callerMatchSchema = z.object({
  person: callerPersonSchema,
  /** Which of the person's numbers matched the call. */
  matchedPhone: z.object({ value: z.string(), label: z.string().nullable() }),
  quality: z.enum(MATCH_QUALITIES),
  openDeals: z.array(dealSummarySchema),
  /** False: the screen-pop left this person's deals out; picking them (once answered) loads them. */
  openDealsLoaded: z.boolean(),
});

export const callerLookupSchema = z.object({
  number: z.object({ e164: z.string().nullable(), display: z.string() }),
  /** [] = unknown caller; 2+ = the agent picks. */
  matches: z.array(callerMatchSchema),
  /** The agent's last choice for this number. */
  remembered: z.object({ personId: z.number(), dealId: z.number().nullable() }).nullable(),
});

/** What the window says about the Pipedrive writes of a call. */
export const wrapUpViewSchema = z.object({ status: z.enum(WRAP_UP_STATUSES), savedItems: z.array(z.string()), error: z.string().nullable() });

export const windowCallViewSchema = z.object({
  id: z.string(),
  direction: z.enum(CALL_DIRECTIONS),
  state: z.enum(CALL_STATES),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  remoteNumber: z.string(),
  createdAt: z.number(),
  answeredAt: z.number().nullable(),
  endedAt: z.number().nullable(),
  durationSeconds: z.number(),
  caller: callerLookupSchema,
  personId: z.number().nullable(),
  dealId: z.number().nullable(),
  /** A contact created at wrap-up, by its typed name (shown before Pipedrive's person exists). */
  newContactName: z.string().nullable(),
  wrapUp: wrapUpViewSchema.nullable(),
});

export type CallDirection = (typeof CALL_DIRECTIONS)[number];
export type CallState = (typeof CALL_STATES)[number];
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type WrapUpStatus = (typeof WRAP_UP_STATUSES)[number];
export type DealSummary = z.infer<typeof dealSummarySchema>;
export type CallerPerson = z.infer<typeof callerPersonSchema>;
export type CallerMatch = z.infer<typeof callerMatchSchema>;
export type CallerLookup = z.infer<typeof callerLookupSchema>;
export type WrapUpView = z.infer<typeof wrapUpViewSchema>;
/** The window's `CallView`. */
export type WindowCallView = z.infer<typeof windowCallViewSchema>;
