import type { Call } from '@/domain/call/call.types';
import { writeIdempotencyKey } from './write-idempotency-key';
import type { WrapUpAction, WrapUpContext } from './wrap-up.types';

/** Where a wrap-up's log and notes go in Pipedrive. */
export interface WrapUpTarget {
  readonly personId?: number;
  /** Set instead of `personId` when the person is created by this wrap-up. */
  readonly personIdFromWrite?: string;
  readonly dealId?: number;
  readonly orgId?: number;
  readonly personName?: string;
  /** Name for a person to create first. */
  readonly createPersonNamed?: string;
}

/**
 * Reads the agent's choice. "Notes to contact" deliberately drops the call's deal: the agent chose
 * the person over the deal. "Notes to deal" keeps the call's person, so the log shows on both.
 */
export function resolveWrapUpTarget(call: Call, action: WrapUpAction, context: WrapUpContext): WrapUpTarget {
  const { personName, orgId } = context;
  switch (action.kind) {
    case 'hang_up':
      return withDefined({ personId: call.personId, dealId: call.dealId, orgId, personName });
    case 'notes_to_deal':
      return withDefined({ personId: call.personId, dealId: action.dealId, orgId, personName });
    case 'notes_to_contact':
      return withDefined({ personId: action.personId, orgId, personName });
    case 'create_contact':
      // A contact created now belongs to no organization yet.
      return {
        personIdFromWrite: writeIdempotencyKey(call.id, 'person'),
        personName: action.name.trim(),
        createPersonNamed: action.name.trim(),
      };
  }
}

function withDefined(target: { [K in keyof WrapUpTarget]: WrapUpTarget[K] | undefined }): WrapUpTarget {
  return Object.fromEntries(Object.entries(target).filter(([, value]) => value !== undefined));
}
