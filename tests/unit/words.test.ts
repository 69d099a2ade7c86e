// @vitest-environment node
/**
 * The wording rules of docs/words.md over the message files (and the store listings in
 * docs/store/): German addresses the user as "Sie" and never "du", and each language uses one term
 * per thing, none of the words its glossary rejects (read from docs/words.md itself, so the
 * glossary and the test cannot drift apart).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

type Messages = Record<string, { message: string }>;

const load = (file: string) => readFileSync(path.join(process.cwd(), file), 'utf8');
const catalogue = (locale: string) => JSON.parse(load(`public/_locales/${locale}/messages.json`)) as Messages;

/** Typographic apostrophes read as plain ones: "page d’état" is "page d'état". */
const plain = (text: string) => text.replaceAll('’', "'");

/** `word` as a whole word (not inside a longer one, nor a host name's part), with `flags`. */
function wholeWord(word: string, flags: string): RegExp {
  const escaped = plain(word).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(?<![\\p{L}\\p{N}.])${escaped}(?![\\p{L}\\p{N}])`, `u${flags}`);
}

// --- German: one form of address ------------------------------------------------------------

/** The informal pronouns and possessives. */
const DU_WORDS = ['du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'deinem', 'deiner', 'deines'].concat([
  'euch',
  'euer',
  'eure',
  'euren',
  'eurem',
  'eurer',
]);
/** The second person singular of verbs such texts use: the du-form even without its pronoun. */
const DU_VERBS = ['kannst', 'hast', 'bist', 'willst', 'musst', 'sollst', 'wirst', 'weißt', 'erfährst', 'siehst'];
/** du-imperatives of the verbs our texts use ("Sag mir …", "schalte sie ein", "richte … ein"). */
const DU_IMPERATIVES = ['sag', 'sage', 'schalte', 'richte', 'klicke', 'öffne', 'wähle', 'prüfe', 'versuche'].concat([
  'gib',
  'zeig',
  'zeige',
  'wechsle',
  'hefte',
  'nutze',
  'füge',
  'arbeite',
  'mach',
  'mache',
  'warte',
  'starte',
]);

/** The du-forms in a German text, as found. */
function duForms(text: string): string[] {
  return [...DU_WORDS, ...DU_VERBS, ...DU_IMPERATIVES].flatMap((word) => {
    const match = wholeWord(word, 'i').exec(text);
    return match ? [match[0]] : [];
  });
}

describe('German: "Sie" throughout (docs/words.md, "Why German says Sie")', () => {
  const de = catalogue('de');

  it.each<[string, string[]]>([
    // Strings the catalogue had before issue #27: the detector finds each du-form.
    ['Sag mir, wenn es wieder geht', ['Sag']],
    ['Für eine Desktop-Benachrichtigung schalte sie im Pop-up ein.', ['schalte']],
    ['Du kannst dort weitermachen, wo du aufgehört hast.', ['Du', 'kannst', 'hast']],
    ['claude.ai wird beobachtet: du erfährst es, sobald es wieder geht (bis $1).', ['du', 'erfährst']],
    ['So richtest du es ein', ['du']],
    ['Prüfe deine Verbindung.', ['deine', 'Prüfe']],
    // Sie-forms and words that only contain a du-form are not du-forms.
    ['Versuchen Sie es in ein paar Minuten erneut', []],
    ['Dienste, die Ihnen wichtig sind', []],
    ['Ihre Verbindung scheint das Problem zu sein', []],
    ['Die Liste darunter enthält alle; startet neu', []],
  ])('finds the du-forms in %j', (text, found) => {
    expect(duForms(text).sort()).toEqual(found.sort());
  });

  it('no German message uses a du-form', () => {
    const informal = Object.entries(de)
      .map(([key, { message }]) => [key, duForms(message)] as const)
      .filter(([, forms]) => forms.length > 0)
      .map(([key, forms]) => `${key} (${forms.join(', ')})`);
    expect(informal, `du-forms in de: ${informal.join('; ')}`).toEqual([]);
  });

  it('addresses the user as "Sie" (and "Ihr") where it addresses them at all', () => {
    const formal = Object.values(de).filter(({ message }) =>
      /(?<!\p{L})(Sie|Ihnen|Ihre?[mnrs]?)(?!\p{L})/u.test(message),
    );
    expect(formal.length).toBeGreaterThan(20);
  });
});

// --- One term per thing ---------------------------------------------------------------------

interface GlossaryRow {
  thing: string;
  term: string;
  rejected: string[];
}

/** The glossary tables of docs/words.md, by locale: "### Deutsch (de)", then | thing | term | rejected |. */
function glossary(markdown: string): Record<string, GlossaryRow[]> {
  const out: Record<string, GlossaryRow[]> = {};
  let locale: string | null = null;
  for (const line of markdown.split('\n')) {
    const heading = /^### .+ \(([a-z]{2})\)$/.exec(line);
    if (heading) {
      locale = heading[1] ?? null;
      continue;
    }
    if (line.startsWith('## ')) locale = null;
    if (!locale || !line.startsWith('|') || line.startsWith('|---')) continue;
    const [thing = '', term = '', rejected = ''] = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    const [first] = ticked(term);
    if (thing === 'thing' || first === undefined) continue;
    out[locale] = [...(out[locale] ?? []), { thing, term: first, rejected: ticked(rejected) }];
  }
  return out;
}

const GLOSSARY = glossary(load('docs/words.md'));

/** Case-insensitive, except where a rejected word differs from the term by case alone ("Pop-Up"). */
function rejectedPattern(row: GlossaryRow, word: string): RegExp {
  return wholeWord(word, word.toLowerCase() === row.term.toLowerCase() ? '' : 'i');
}

describe('one term per thing (the glossary in docs/words.md)', () => {
  it('has a glossary for English, German and French', () => {
    expect(Object.keys(GLOSSARY).sort()).toEqual(['de', 'en', 'fr']);
    for (const rows of Object.values(GLOSSARY)) expect(rows.length).toBeGreaterThanOrEqual(8);
  });

  it.each(Object.keys(GLOSSARY))(
    '%s: no message, nor the store listing, uses a word the glossary rejects',
    (locale) => {
      const listing = ['summary.txt', 'description.txt'].map(
        (file) => [`docs/store/${locale}/${file}`, plain(load(`docs/store/${locale}/${file}`))] as const,
      );
      const messages = [
        ...Object.entries(catalogue(locale)).map(([key, { message }]) => [key, plain(message)] as const),
        ...listing,
      ];
      const found = (GLOSSARY[locale] ?? []).flatMap((row) =>
        row.rejected.flatMap((word) =>
          messages
            .filter(([, message]) => rejectedPattern(row, word).test(message))
            .map(([key]) => `${key}: "${word}" (say "${row.term}")`),
        ),
      );
      expect(found, `${locale}: ${found.join('; ')}`).toEqual([]);
    },
  );

  it.each(Object.keys(GLOSSARY))('%s: every term of the glossary is in use', (locale) => {
    const text = Object.values(catalogue(locale))
      .map(({ message }) => plain(message))
      .join('\n');
    const unused = (GLOSSARY[locale] ?? []).filter((row) => !wholeWord(row.term, 'i').test(text)).map((r) => r.term);
    expect(unused, `${locale}: glossary terms no message uses`).toEqual([]);
  });

  it('a rejected word is caught as a whole word, whatever its case, and not inside a host name', () => {
    const row = { thing: 'status.claude.com', term: 'status page', rejected: ['statuspage'] };
    expect(rejectedPattern(row, 'statuspage').test('See the Statuspage')).toBe(true);
    expect(rejectedPattern(row, 'statuspage').test('anthropic.statuspage.io')).toBe(false);
    const popup = { thing: 'the popup', term: 'Pop-up', rejected: ['Pop-Up'] };
    expect(rejectedPattern(popup, 'Pop-Up').test('im Pop-up')).toBe(false);
    expect(rejectedPattern(popup, 'Pop-Up').test('im Pop-Up')).toBe(true);
  });
});
