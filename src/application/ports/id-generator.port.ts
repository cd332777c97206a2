/** Ids for new calls. Must be unique across app instances (a UUID, not a counter, in production). */
export interface IdGenerator {
  newCallId(): string;
}
