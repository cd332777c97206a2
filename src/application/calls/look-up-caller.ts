import {
  displayPhoneNumber,
  matchPersonsByPhone,
  normalizePhoneNumber,
  phoneSearchTerms,
  type PersonPhoneMatch,
  type RegionCode,
} from '@/domain/phone';
import type { CallerChoiceRef, CallerInfo, CallerMatch } from '@/application/ports/caller-info';
import type { CallerChoice } from '@/application/ports/caller-preferences.port';
import type { CrmAccountRef, CrmDeal, CrmPhonePerson } from '@/application/ports/crm-directory.port';
import { lastDigits } from '@/application/ports/logger.port';
import type { CallDeps } from './call-deps';

/** Persons asked for per search term (Pipedrive's search is not exact, lookalikes come back). */
const SEARCH_LIMIT = 20;
export const OPEN_DEALS_LIMIT = 10;

type LookUpDeps = Pick<CallDeps, 'crm' | 'preferences' | 'logger'>;

export interface LookUpCallerInput {
  readonly account: CrmAccountRef;
  readonly number: string;
  readonly defaultRegion?: RegionCode | undefined;
}

/**
 * Who is on the line: every person having the number (which of their phones matched and how
 * well), the person last chosen for the number, and the open deals of the person the window shows
 * first (the remembered one, else the best match). Other matches carry `openDealsLoaded: false`:
 * their deals are loaded when the agent picks them (`selectCallContact`), so a screen-pop costs
 * one search and at most one deals request however many persons share the number.
 * A Pipedrive failure never fails the call: the result says `crm_unavailable` and the call goes
 * on as unknown.
 */
export async function lookUpCaller(deps: LookUpDeps, input: LookUpCallerInput): Promise<CallerInfo> {
  const normalized = normalizePhoneNumber(input.number, input.defaultRegion);
  if (!normalized.ok) {
    return { status: 'invalid_number', number: input.number.trim(), matches: [], remembered: null };
  }
  const base = { number: normalized.e164, nationalNumber: displayPhoneNumber(normalized, input.defaultRegion) };
  try {
    // The remembered choice is ours (database), the matches Pipedrive's: ask both at once.
    const [found, choice] = await Promise.all([
      searchMatches(deps, input.account, normalized.e164, input.defaultRegion),
      deps.preferences.get(input.account.companyId, normalized.e164),
    ]);
    if (found.length === 0) return { ...base, status: 'no_match', matches: [], remembered: null };
    const shownFirst = found.find((match) => match.person.id === choice?.personId) ?? found[0];
    const openDeals = shownFirst === undefined ? [] : await deps.crm.listOpenDeals(input.account, shownFirst.person.id, { limit: OPEN_DEALS_LIMIT });
    const matches = found.map((match) => toCallerMatch(match, match === shownFirst ? openDeals : undefined));
    return { ...base, status: 'matched', matches, remembered: rememberedAmong(choice, matches) };
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
        organizationId: person.organization?.id ?? null,
        pictureUrl: person.pictureUrl,
      },
      matchedPhone: match?.matchedPhone ?? { value: input.number, label: undefined },
      quality: match?.quality ?? 'exact_e164',
      openDeals,
      openDealsLoaded: true,
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
 * The organization a call is about: the chosen deal's, else the person's (as the screen-pop found
 * them), so the call log and notes show in the organization's timeline too.
 */
export function organizationOf(caller: CallerInfo | null, link: { personId?: number | undefined; dealId?: number | undefined }): number | undefined {
  if (caller === null || link.personId === undefined) return undefined;
  const match = caller.matches.find((candidate) => candidate.person.id === link.personId);
  const deal = link.dealId === undefined ? undefined : match?.openDeals.find((candidate) => candidate.id === link.dealId);
  return deal?.orgId ?? match?.person.organizationId ?? undefined;
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

/** `openDeals` undefined: not asked for (yet); the match says so rather than claiming "no deals". */
function toCallerMatch(match: PersonPhoneMatch<CrmPhonePerson>, openDeals: readonly CrmDeal[] | undefined): CallerMatch {
  return {
    person: {
      id: match.person.id,
      name: match.person.name,
      organizationName: match.person.organizationName,
      organizationId: match.person.organizationId,
      pictureUrl: match.person.pictureUrl,
    },
    matchedPhone: match.matchedPhone,
    quality: match.quality,
    openDeals: openDeals ?? [],
    openDealsLoaded: openDeals !== undefined,
  };
}

/** The remembered choice, only if that person still has the number (and the deal is still open). */
function rememberedAmong(choice: CallerChoice | undefined, matches: readonly CallerMatch[]): CallerChoiceRef | null {
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

/**
 * The caller info with the open deals of `personId` filled in, when they were left out of the
 * screen-pop (see `lookUpCaller`); undefined when nothing needs loading. A Pipedrive failure
 * leaves them out (logged): picking a person never fails for want of their deals.
 */
export async function withOpenDealsOf(
  deps: LookUpDeps,
  account: CrmAccountRef,
  caller: CallerInfo,
  personId: number,
): Promise<CallerInfo | undefined> {
  const match = caller.matches.find((m) => m.person.id === personId);
  if (match === undefined || match.openDealsLoaded !== false) return undefined;
  try {
    const openDeals = await deps.crm.listOpenDeals(account, personId, { limit: OPEN_DEALS_LIMIT });
    const matches = caller.matches.map((m) => (m === match ? { ...m, openDeals, openDealsLoaded: true } : m));
    return { ...caller, matches };
  } catch (error) {
    logLookupFailure(deps, { account, number: caller.number }, error);
    return undefined;
  }
}
