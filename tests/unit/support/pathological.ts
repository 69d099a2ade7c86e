/**
 * The hostile origin's strings for regular expressions: huge, repetitive, deeply nested text made
 * from what a pattern itself is built of, the inputs that make a backtracking engine take time
 * that grows faster than the text (a quantifier that can match the same run in many ways, or a
 * failed match retried from every position, as `/<[^>]*>/g` on a body of `<`: 92.9 s on 1.9 MB).
 *
 * For one pattern: every character it names (literal, escaped, or a class's member) repeated
 * alone and with a space; every word in it repeated with each separator a text uses; all its words
 * as one phrase, whole and with the last letter missing (the "almost matches" that fail at the
 * end); brackets nested deep; and characters every text cleaner must survive.
 */

/** 2 MB: about the largest body the fetch accepts (MAX_BODY_BYTES). */
export const HOSTILE_LENGTH = 2 * 1024 * 1024;

/** Characters every pattern meets: markup, entities, brackets, whitespace, controls, bidi, astral. */
const ALWAYS = [' ', 'a', 'A', '1', '<', '>', '(', ')', '[', '{', '&', '#', ';', '.', ',', '-', '/', '\\'];
const ALWAYS_ODD = ['\n', '\r', '\t', '\u0000', '\u202e', '\u200b', '\u00ad', '💥'];

/** A character standing for each escape class, so `\s+` meets runs of spaces and newlines. */
const CLASS_SAMPLES: Record<string, string[]> = {
  s: [' ', '\n'],
  S: ['x'],
  d: ['7'],
  D: ['x'],
  w: ['a', '_'],
  W: [' ', '!'],
  b: [' ', 'a'],
  n: ['\n'],
  r: ['\r'],
  t: ['\t'],
};

/** Characters and words of a pattern's source. */
export function seedsOf(regex: RegExp): { chars: string[]; words: string[] } {
  const chars = new Set<string>();
  const source = regex.source;
  const plain: string[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i] as string;
    if (ch !== '\\') {
      plain.push(ch);
      if (!/[a-z0-9]/i.test(ch)) chars.add(ch);
      continue;
    }
    const next = source[i + 1] ?? '';
    const unicode = /^u\{([0-9a-f]+)\}|^u([0-9a-f]{4})|^x([0-9a-f]{2})/i.exec(source.slice(i + 1));
    if (unicode) {
      chars.add(String.fromCodePoint(Number.parseInt(unicode[1] ?? unicode[2] ?? unicode[3] ?? '0', 16)));
      i += unicode[0].length;
      plain.push(' ');
    } else if (next === 'p' || next === 'P') {
      // \p{…}: a letter stands for its members well enough.
      i += /^[pP]\{[^}]*\}/.exec(source.slice(i + 1))?.[0].length ?? 1;
      chars.add('a');
      plain.push(' ');
    } else {
      for (const sample of CLASS_SAMPLES[next] ?? [next]) chars.add(sample);
      i += 1;
      plain.push(' ');
    }
  }
  const words = [...new Set(plain.join('').match(/[A-Za-z]{2,}/g) ?? [])];
  return { chars: [...chars], words };
}

/** `unit` repeated to `length` characters (never splitting a surrogate pair), then `tail`. */
export function pump(unit: string, length: number, tail = ''): string {
  const body = unit.repeat(Math.max(1, Math.floor((length - tail.length) / unit.length)));
  return body + tail;
}

export interface HostileInput {
  name: string;
  make: (length: number) => string;
}

/** The inputs for one pattern, each a recipe for a text of any length. */
export function pathologicalInputs(regex: RegExp): HostileInput[] {
  const { chars, words } = seedsOf(regex);
  const inputs: HostileInput[] = [];
  const add = (name: string, make: (length: number) => string) => inputs.push({ name, make });
  for (const ch of new Set([...chars, ...ALWAYS, ...ALWAYS_ODD])) {
    const shown = JSON.stringify(ch);
    add(`${shown} repeated`, (n) => pump(ch, n));
    add(`${shown} and a space, repeated`, (n) => pump(`${ch} `, n));
    add(`${shown} repeated, then "!"`, (n) => pump(ch, n, '!'));
  }
  for (const word of words) {
    const cut = word.slice(0, -1);
    add(`"${word}" repeated`, (n) => pump(word, n));
    for (const sep of [' ', '  ', '-', ', ', '.', '\n', ' and ']) {
      add(`"${word}${sep}" repeated`, (n) => pump(`${word}${sep}`, n));
    }
    add(`"${word} 4.5, " repeated`, (n) => pump(`${word} 4.5, `, n));
    add(`"${cut} " repeated`, (n) => pump(`${cut} `, n));
  }
  if (words.length > 1) {
    const phrase = words.join(' ');
    add('every word as a phrase, repeated', (n) => pump(`${phrase} `, n));
    add('the phrase without its last letter, repeated', (n) => pump(`${phrase.slice(0, -1)} `, n));
    add('every word joined by dots', (n) => pump(`${words.join('.')}.`, n));
  }
  add('version lists: "1, " repeated', (n) => pump('1, ', n));
  add('version lists: "4.5 and " repeated', (n) => pump('4.5 and ', n));
  add('nested brackets "([{<" repeated', (n) => pump('([{<', n));
  add('an unclosed tag "<a " then text', (n) => `<a ${pump('x', n - 3)}`);
  add('entities "&#" repeated', (n) => pump('&#', n));
  add('entities "&#x1" repeated', (n) => pump('&#x1', n));
  add('spaces then a parenthesis', (n) => pump(' ', n, '('));
  add('"(" then spaces', (n) => pump('( ', n));
  return inputs;
}
