// The reason net/interventions.ts records when the user drops a packet. The trace keeps it as written (a
// public contract: same session, byte-identical trace); the places that show a drop say it in a sentence of
// their own ("dropped by the user", 被用户丢弃), because "dropped: " + the reason read "dropped: dropped by user".
// net/ cannot import contract/, so tests/unit/net/interventions.test.ts checks the two spellings agree.
export const USER_DROP_REASON = 'dropped by user';

export function isUserDrop(reason: string | null | undefined): boolean {
  return reason === USER_DROP_REASON;
}
