// Whether sequence numbers are shown relative to each direction's ISN (Wireshark's "Relative sequence
// numbers"). One switch for the whole window: the ladder's checkbox sets it, and the inspector's heading, the
// router list and the topology's packet names follow it (packet-text.ts labelFor), so one packet never reads
// Seq=0 in one panel and Seq=1030499789 in the next.
export const seqDisplay = $state<{ relative: boolean }>({ relative: true });
