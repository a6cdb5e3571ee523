// The ladder's columns, left to right, in the app (src-renderer/views/ladder/geometry.ts) and in the SVG export
// (lab/export/svg-ladder.ts). The scenario's first two hosts take the outer columns with the router between
// them, as in every two-host lesson (A | router | B); further hosts stand inside, beside the router, alternately
// on the left and on the right. So the SYN flood lesson's attacker M, its third host, stands on the client's side
// next to the router: A | M | router | B. Its flood reaches B without crossing a host's column, and A and B keep
// a free margin outside for their state changes. (The router used to go after the first half of the hosts,
// which put it between the victim and the attacker: A | B | router | M.)

/** `hosts` in column order with `router` in its place; one host gives [host, router], none [router]. */
export function ladderColumnOrder<T>(hosts: readonly T[], router: T): T[] {
  const left: T[] = [];
  const right: T[] = [];
  hosts.forEach((h, i) => {
    if (i % 2 === 0) left.push(h); // h0 outermost on the left, then inward
    else right.unshift(h); // h1 outermost on the right, then inward
  });
  return [...left, router, ...right];
}
