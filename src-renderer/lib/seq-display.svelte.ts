// Whether sequence numbers are shown relative to each direction's ISN (Wireshark's "Relative sequence
// numbers"). One switch for the whole window: the ladder's checkbox sets it, and the inspector's heading
// follows it, so one packet never reads Seq=0 in one panel and Seq=1030499789 in the next.
export const seqDisplay = $state<{ relative: boolean }>({ relative: true });
