import { z } from 'zod';
import { PipedriveError } from './pipedrive-error';
import type { PipedrivePerson, PipedriveUser, V1ListPage } from './pipedrive-types';

/**
 * The shapes the gateway reads from Pipedrive's answers (zod, built once: zod 4 compiles a schema
 * on its first parse) and their mapping to the gateway's own types.
 */
export const userSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  email: z.string(),
  company_id: z.number().int(),
  company_name: z.string(),
  company_domain: z.string().nullish(),
  company_country: z.string().nullish(),
  // Pipedrive documents 1/0 here; the sandbox and newer answers send a boolean.
  is_admin: z.union([z.boolean(), z.number()]).nullish(),
  access: z.array(z.object({ admin: z.boolean().nullish() })).nullish(),
});

export const phoneSchema = z.object({
  value: z.string().nullish(),
  label: z.string().nullish(),
  primary: z.boolean().nullish(),
});

export const personSchema = z.object({
  id: z.number().int(),
  name: z.string().nullish(),
  phones: z.array(phoneSchema).nullish(),
  org_id: z.number().int().nullish(),
});

export const searchItemSchema = z.object({
  item: z.object({
    id: z.number().int(),
    name: z.string().nullish(),
    phones: z.array(z.string()).nullish(),
    organization: z.object({ id: z.number().int().nullish(), name: z.string().nullish() }).nullish(),
    picture: z.object({ pictures: z.record(z.string(), z.string()).nullish() }).nullish(),
  }),
});

export const dealSchema = z.object({
  id: z.number().int(),
  title: z.string().nullish(),
  status: z.string().nullish(),
  value: z.number().nullish(),
  currency: z.string().nullish(),
  person_id: z.number().int().nullish(),
  org_id: z.number().int().nullish(),
});

export const organizationSchema = z.object({ id: z.number().int(), name: z.string().nullish() });
export const cursorSchema = z.object({ additional_data: z.object({ next_cursor: z.string().nullish() }).nullish() });

// Response schemas are built once: zod 4 compiles a schema on its first parse, so a schema made
// per request would be compiled again for every request (the screen-pop's hot path).
export const currentUserResponse = z.object({ data: userSchema });
export const personListResponse = cursorSchema.extend({ data: z.array(personSchema).nullish() });
export const personSearchResponse = z.object({ data: z.object({ items: z.array(searchItemSchema).nullish() }).nullish() });
export const personResponse = z.object({ data: personSchema });
export const organizationListResponse = z.object({ data: z.array(organizationSchema).nullish() });
export const dealListResponse = z.object({ data: z.array(dealSchema).nullish() });
export const createdIdResponse = z.object({ data: z.object({ id: z.number().int() }) });
export const createdCallLogResponse = z.object({ data: z.object({ id: z.union([z.string(), z.number()]).transform(String) }) });

export function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  // A body we cannot read is an upstream fault, and retrying will not change it.
  // A write answered 2xx with a body we cannot read probably landed: not retried, but a later
  // Retry looks it up first (outcomeUnknown).
  if (!parsed.success) throw new PipedriveError({ kind: 'unavailable', status: 502, message: `${what}: unexpected response shape`, retryable: false, outcomeUnknown: true });
  return parsed.data;
}

export function toPerson(person: z.infer<typeof personSchema>): PipedrivePerson {
  return {
    id: person.id,
    name: person.name ?? '',
    phones: (person.phones ?? [])
      .filter((phone) => typeof phone.value === 'string' && phone.value.trim() !== '')
      .map((phone) => ({ value: (phone.value as string).trim(), label: phone.label || null, primary: phone.primary === true })),
    orgId: person.org_id ?? null,
  };
}

export const v1ListSchema = z.object({
  data: z.array(z.record(z.string(), z.unknown())).nullish(),
  additional_data: z
    .object({ pagination: z.object({ more_items_in_collection: z.boolean().nullish(), next_start: z.number().int().nullish() }).nullish() })
    .nullish(),
});
export const v2ListSchema = cursorSchema.extend({ data: z.array(z.record(z.string(), z.unknown())).nullish() });

export function toV1Page(body: z.infer<typeof v1ListSchema>): V1ListPage {
  const pagination = body.additional_data?.pagination;
  return { items: body.data ?? [], nextStart: pagination?.more_items_in_collection ? (pagination.next_start ?? null) : null };
}

export function toUser(user: z.infer<typeof userSchema>): PipedriveUser {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    companyId: user.company_id,
    companyName: user.company_name,
    companyDomain: user.company_domain ?? null,
    companyCountry: user.company_country ?? null,
    isAdmin: user.is_admin === true || user.is_admin === 1 || (user.access ?? []).some((access) => access.admin === true),
  };
}
