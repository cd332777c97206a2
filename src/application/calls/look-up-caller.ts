import {
  displayPhoneNumber,
  matchPersonsByPhone,
  normalizePhoneNumber,
  phoneSearchTerms,
  type PersonPhoneMatch,
  type RegionCode,
} from '@/domain/phone';
import type { CallerChoiceRef, CallerInfo, CallerMatch } from '../ports/caller-info';
import type { CrmAccountRef, CrmPhonePerson } from '../ports/crm-directory.port';
import { lastDigits } from '../ports/logger.port';
import type { CallDeps } from './call-deps';

/** Persons asked for per search term (Pipedrive's search is not exact, lookalikes come back). */
const SEARCH_LIMIT = 20;
/** Open deals are fetched for the best few matches only: one request per person. */
const MAX_MATCHES_WITH_DEALS = 5;
const OPEN_DEALS_LIMIT = 10;

type LookUpDeps = Pick<CallDeps, 'crm' | 'preferences' | 'logger'>;

export interface LookUpCallerInput {
  readonly account: CrmAccountRef;
  readonly number: string;
  readonly defaultRegion?: RegionCode | undefined;
}

/**
 * Who is on the line: every person having the number (which of their phones matched and how
 * well), their open deals, and the person last chosen for the number. A Pipedrive failure never
 * fails the call: the result says `crm_unavailable` and the call goes on as unknown.
 */
export async function lookUpCaller(deps: LookUpDeps, input: LookUpCallerInput): Promise<CallerInfo> {
  const normalized = normalizePhoneNumber(input.number, input.defaultRegion);
  if (!normalized.ok) {
    return { status: 'invalid_number', number: input.number.trim(), matches: [], remembered: null };
  }
  const base = { number: normalized.e164, nationalNumber: displayPhoneNumber(normalized, input.defaultRegion) };
  try {
    const found = await searchMatches(deps, input.account, normalized.e164, input.defaultRegion);
    if (found.length === 0) return { ...base, status: 'no_match', matches: [], remembered: null };
    const matches = await withOpenDeals(deps, input.account, found);
    const remembered = await rememberedAmong(deps, input.account.companyId, normalized.e164, matches);
    return { ...base, status: 'matched', matches, remembered };
  } catch (error) {
    logLookupFailure(deps, input, error);
    return { ...base, status: 'crm_unavailable', matches: [], remembered: null };
  }
}

/**
 * The caller info of a call placed to a known person (from a contact row or a deal): the person
 * as the only match, with the phone dialled. Falls back to a number lookup when the person is gone.
 */
export async function lookUpCalledPerson(
  deps: LookUpDeps,
  input: LookUpCallerInput & { readonly personId: number },
): Promise<CallerInfo> {
  const normalized = normalizePhoneNumber(input.number, input.defaultRegion);
  if (!normalized.ok) return lookUpCaller(deps, input);
  try {
    const person = await deps.crm.getPerson(input.account, input.personId);
    if (person === undefined) return lookUpCaller(deps, input);
    const [match] = matchPersonsByPhone(normalized.e164, [person], input.defaultRegion);
    const openDeals = await deps.crm.listOpenDeals(input.account, person.id, { limit: OPEN_DEALS_LIMIT });
    const callerMatch: CallerMatch = {
      person: {
        id: person.id,
        name: person.name,
        organizationName: person.organization?.name ?? null,
        pictureUrl: person.pictureUrl,
      },
      matchedPhone: match?.matchedPhone ?? { value: input.number, label: undefined },
      quality: match?.quality ?? 'exact_e164',
      openDeals,
    };
    return {
      status: 'matched',
      number: normalized.e164,
      nationalNumber: displayPhoneNumber(normalized, input.defaultRegion),
      matches: [callerMatch],
      remembered: null,
    };
  } catch (error) {
    logLookupFailure(deps, input, error);
    return { status: 'crm_unavailable', number: normalized.e164, nationalNumber: displayPhoneNumber(normalized, input.defaultRegion), matches: [], remembered: null };
  }
}

/** The person (and deal) a call is linked to from the start: the remembered choice, or the only match. */
export function defaultCallLink(caller: CallerInfo): Partial<CallerChoiceRef> {
  if (caller.remembered !== null) return caller.remembered;
  const [only, ...others] = caller.matches;
  if (only === undefined || others.length > 0) return {};
  return { personId: only.person.id };
}

/** The name of a person found for the call, for subjects like "Inbound call from Ada Lovelace". */
export function personNameOf(caller: CallerInfo | null, personId: number | undefined): string | undefined {
  if (caller === null || personId === undefined) return undefined;
  return caller.matches.find((match) => match.person.id === personId)?.person.name;
}

/**
 * Tries the search terms best first and stops at the first that finds the caller: usually one
 * request. Persons found by several terms are kept once.
 */
async function searchMatches(
  deps: LookUpDeps,
  account: CrmAccountRef,
  e164: string,
  region: RegionCode | undefined,
): Promise<PersonPhoneMatch<CrmPhonePerson>[]> {
  const seen = new Map<number, CrmPhonePerson>();
  for (const term of phoneSearchTerms(e164, region)) {
    const persons = await deps.crm.searchPersonsByPhone(account, term, { limit: SEARCH_LIMIT });
    for (const person of persons) if (!seen.has(person.id)) seen.set(person.id, person);
    const matches = matchPersonsByPhone(e164, [...seen.values()], region);
    if (matches.length > 0) return matches;
  }
  return [];
}

async function withOpenDeals(
  deps: LookUpDeps,
  account: CrmAccountRef,
  found: readonly PersonPhoneMatch<CrmPhonePerson>[],
): Promise<CallerMatch[]> {
  return Promise.all(
    found.map(async (match, index) => ({
      person: {
        id: match.person.id,
        name: match.person.name,
        organizationName: match.person.organizationName,
        pictureUrl: match.person.pictureUrl,
      },
      matchedPhone: match.matchedPhone,
      quality: match.quality,
      openDeals:
        index < MAX_MATCHES_WITH_DEALS
          ? await deps.crm.listOpenDeals(account, match.person.id, { limit: OPEN_DEALS_LIMIT })
          : [],
    })),
  );
}

/** The remembered choice, only if that person still has the number (and the deal is still open). */
async function rememberedAmong(
  deps: LookUpDeps,
  companyId: number,
  e164: string,
  matches: readonly CallerMatch[],
): Promise<CallerChoiceRef | null> {
  const choice = await deps.preferences.get(companyId, e164);
  if (choice === undefined) return null;
  const match = matches.find((m) => m.person.id === choice.personId);
  if (match === undefined) return null;
  const isDealOpen = choice.dealId !== undefined && match.openDeals.some((deal) => deal.id === choice.dealId);
  return isDealOpen ? { personId: choice.personId, dealId: choice.dealId } : { personId: choice.personId };
}

function logLookupFailure(deps: LookUpDeps, input: LookUpCallerInput, error: unknown): void {
  const kind = typeof error === 'object' && error !== null && 'kind' in error ? String(error.kind) : 'unknown';
  deps.logger.warn(
    { companyId: input.account.companyId, number: lastDigits(input.number), kind },
    'caller lookup failed; the call goes on as unknown',
  );
}
