// Where JSON text first goes wrong. Node 20's JSON.parse gives a position for some errors ("… in JSON at
// position 6") but not for an unexpected character ("Unexpected token 'x', "…" is not valid JSON"), and a
// file error that pointed at the end of the file sent students hunting on the wrong line. This scanner follows
// RFC 8259's grammar and returns the offset of the first character that cannot belong there. It is iterative
// (a stack of open containers), so no input can exhaust the call stack.

const enum Open {
  Array,
  Object,
}

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** Offset just past a string starting at `at` (its opening quote), or -(offset of the bad character) - 1. */
function scanString(text: string, at: number): number {
  let i = at + 1;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) return -i - 1; // a raw control character (a newline inside a string, usually)
    if (c !== 0x5c) {
      i++;
      continue;
    }
    const e = text.charCodeAt(i + 1);
    if (e === 0x75) {
      for (let k = 2; k < 6; k++) if (!isHex(text.charCodeAt(i + k))) return -(i + k) - 1;
      i += 6;
    } else if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
      i += 2;
    } else {
      return -(i + 1) - 1;
    }
  }
  return -text.length - 1; // unterminated
}

/** Offset just past a number starting at `at`, or -(offset of the bad character) - 1. */
function scanNumber(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 0x2d) i++;
  if (text.charCodeAt(i) === 0x30) i++;
  else if (isDigit(text.charCodeAt(i))) while (isDigit(text.charCodeAt(i))) i++;
  else return -i - 1;
  if (text.charCodeAt(i) === 0x2e) {
    i++;
    if (!isDigit(text.charCodeAt(i))) return -i - 1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 0x65 || e === 0x45) {
    i++;
    const sign = text.charCodeAt(i);
    if (sign === 0x2b || sign === 0x2d) i++;
    if (!isDigit(text.charCodeAt(i))) return -i - 1;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  return i;
}

/** Offset just past `word` at `at`, or -(offset of the first character that differs) - 1. */
function scanWord(text: string, at: number, word: string): number {
  for (let k = 0; k < word.length; k++) if (text.charCodeAt(at + k) !== word.charCodeAt(k)) return -(at + k) - 1;
  return at + word.length;
}

/** Offset just past a scalar starting at `at`, or -(offset of the error) - 1. */
function scanScalar(text: string, at: number): number {
  const c = text.charCodeAt(at);
  if (c === 0x22) return scanString(text, at);
  if (c === 0x2d || isDigit(c)) return scanNumber(text, at);
  if (c === 0x74) return scanWord(text, at, 'true');
  if (c === 0x66) return scanWord(text, at, 'false');
  if (c === 0x6e) return scanWord(text, at, 'null');
  return -at - 1;
}

/**
 * The offset of the first character where `text` stops being JSON: text.length when it ends too early, and
 * undefined when it is valid JSON.
 */
export function jsonErrorOffset(text: string): number | undefined {
  const open: Open[] = [];
  let i = 0;
  const skipWs = () => {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
  };
  // Expecting a value at i (after '[', ',' in an array, ':' or the start).
  for (;;) {
    skipWs();
    if (i >= text.length) return text.length;
    const c = text.charCodeAt(i);
    if (c === 0x7b || c === 0x5b) {
      i++;
      skipWs();
      const close = c === 0x7b ? 0x7d : 0x5d;
      if (text.charCodeAt(i) === close) {
        i++;
      } else {
        open.push(c === 0x7b ? Open.Object : Open.Array);
        if (c === 0x7b) {
          const afterKey = expectKey();
          if (afterKey !== undefined) return afterKey;
        }
        continue;
      }
    } else {
      const end = scanScalar(text, i);
      if (end < 0) return -end - 1;
      i = end;
    }
    // A value ended at i: close containers until one continues with ','.
    for (;;) {
      skipWs();
      if (open.length === 0) return i < text.length ? i : undefined;
      if (i >= text.length) return text.length;
      const top = open[open.length - 1]!;
      const d = text.charCodeAt(i);
      if (d === 0x2c) {
        i++;
        if (top === Open.Object) {
          skipWs();
          const afterKey = expectKey();
          if (afterKey !== undefined) return afterKey;
        }
        break;
      }
      if ((top === Open.Object && d === 0x7d) || (top === Open.Array && d === 0x5d)) {
        open.pop();
        i++;
        continue;
      }
      return i;
    }
  }

  /** At a key: reads `"key" :` and leaves i at the value; an error offset when that fails. */
  function expectKey(): number | undefined {
    if (i >= text.length) return text.length;
    if (text.charCodeAt(i) !== 0x22) return i;
    const end = scanString(text, i);
    if (end < 0) return -end - 1;
    i = end;
    skipWs();
    if (i >= text.length) return text.length;
    if (text.charCodeAt(i) !== 0x3a) return i;
    i++;
    return undefined;
  }
}
