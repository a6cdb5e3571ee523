// Deliberate engine/kernel differences, per scenario, copied into each fixture by the recorder (and by
// `npm run oracle -- --refresh-known`, which needs no root). Each entry names exactly one packet and field,
// or one packet present on one side only, and says why. Engine deviations from Linux that the engine should
// fix are NOT listed here: they stay failing in tests/unit/oracle (see docs/ORACLE.md "Findings").
import type { KnownDifference } from './types.js';

const SYNACK_TIE = 'Same-instant race, not a behaviour difference: the client\'s SYN retransmission and the server\'s '
  + 'SYN-ACK timer both expire at 1 s (TCP_TIMEOUT_INIT, started microseconds apart). Both sides send the same '
  + 'S, SA, SA, A, A; the kernel (HZ=250 timer wheel, 4 recordings alike) interleaves the client\'s ACK between the '
  + 'two SYN-ACKs, the engine\'s tie order sends both SYN-ACKs first. We pair the first SYN-ACK and drop the second '
  + 'from each side.';

export const KNOWN_DIFFERENCES: Record<string, KnownDifference[]> = {
  'synack-lost': [
    { kernelPacket: 5, field: 'only-kernel', why: SYNACK_TIE },
    { enginePacket: 4, field: 'only-engine', why: SYNACK_TIE },
  ],
};
