// The decimal text of each port number, made once per process. Connection keys ("ip:port>ip:port") put a
// port into a string for every segment whose key is not cached, and V8's number-to-string cache is small:
// a SYN flood's random source ports missed it twice per SYN (its key in net/ and again in TCP).
// Bounded: at most 65,536 short strings (~1.5 MB), whatever the traffic.
let texts: Array<string | undefined> | null = null;

/** String(port), from the table for 0-65535 (anything else is converted as usual). */
export function portText(port: number): string {
  if (!(port >= 0 && port <= 65535 && (port | 0) === port)) return String(port);
  // Allocated whole on first use: writes far past the end of a growing array would make it a dictionary.
  texts ??= new Array<string | undefined>(65536).fill(undefined);
  return (texts[port] ??= String(port));
}
