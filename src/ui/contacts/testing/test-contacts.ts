import type { Contact } from '@/ui/api-types';

/** Builds a contact for tests. */
export function contact(id: number, name = `Person ${id}`, extra: Partial<Contact> = {}): Contact {
  return {
    id,
    name,
    phones: [{ value: `+1415555${String(id).padStart(4, '0')}`, label: 'work', primary: true }],
    organizationName: null,
    pictureUrl: null,
    ...extra,
  };
}
