// Finds a session file among command-line arguments (how the OS passes an opened .tcplab file).
export function sessionFileFromArgv(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((a) => !a.startsWith('-') && /\.(tcplab|json)$/i.test(a) && !/[\\/]dist[\\/]electron[\\/]main\.cjs$/.test(a));
}
