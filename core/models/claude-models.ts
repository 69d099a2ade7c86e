/**
 * Which Claude models an incident is about, read from its title and update bodies, and which
 * model to suggest to a claude.ai user because of it. Pure text rules.
 *
 * What counts as a model name, and why:
 * - A family word followed by a model version: "Opus 4.6", "Claude Sonnet 4.5", "Haiku 4.5".
 *   A version is a one-digit major with an optional one- or two-digit minor ("4", "4.5", "4.0"),
 *   not followed by another ".digit" (so "Claude Code 2.0.14" is not a model version), a digit or
 *   a letter. Two-digit majors are refused so "Sonnet 18" (Shakespeare) and "Node 20" never match.
 * - Known families (Opus, Sonnet, Haiku) count when the word is capitalised ("Opus 2"), preceded
 *   by "Claude " in any case ("claude opus 4"), or lower case with a dotted version ("sonnet 4.5"):
 *   titles are typed by people, but "magnum opus 2" must stay prose. "Magnum Opus 2" is refused too.
 * - Other families only as "Claude <Capitalised> <version>" ("Claude Mythos 5"), minus product and
 *   platform names ("Claude Code 2.1" is an app release, not a model). Once a text has introduced
 *   such a family, the bare capitalised name counts in that text ("Claude Mythos 5 and Mythos 4").
 * - The older naming "Claude 3.5 Sonnet" and API model ids ("claude-sonnet-4-5-20250929",
 *   "claude-3-5-haiku-20241022") give the same names ("Sonnet 3.5", "Sonnet 4.5").
 * - After a family match, bare versions joined by ",", "and", "or", "&" or "/" inherit the family:
 *   "Sonnet 4 and 4.5", "Opus 4, 4.1, and 4.5", "Sonnet 4.5/4.6"; not "Opus 4.6 and 3 other models".
 *
 * - The version before the family, in a list that shares it: "Claude 4, 4.5 Sonnet and 4.5 Haiku"
 *   (Sonnet 4, Sonnet 4.5, Haiku 4.5); hyphenated forms "3.5-Sonnet", "Sonnet-4.5"; a version
 *   whose dot was lost in typing, "Opus 48" (Opus 4.8): two digits after a known, capitalised
 *   family, major 3 to 9, so "Sonnet 18" (Shakespeare) still never matches.
 * - A variant after the version: "Opus 4.6 Fast Mode", "Opus 4.8 Fast" name the fast mode of that
 *   model, which is not the model itself (someone on ordinary Opus 4.6 is not named).
 * - A known family without a version, capitalised ("Increase error rates on Opus", "Haiku
 *   sampling errors", "Sonnet Partial Outage"): every model of that family, unless the same text
 *   names a version of it (then the bare word refers to that version). All three families without
 *   versions ("on Haiku, Sonnet, and Opus") are the whole fleet.
 *
 * Whole-fleet wording: "all/every (Claude) models" and "many/multiple/several/... models",
 * "across models", and models without a quantifier: "on Claude models", "on requests to models".
 * "All models except Sonnet 4.0" is the fleet minus the models named after "except".
 * Labels keep the version as written ("Sonnet 4.0"); comparisons treat "4.0" as "4".
 * The wordings the real page has used are listed in docs/status-page-wordings.md.
 */

export interface ModelName {
  /** Capitalised: "Opus". */
  family: string;
  /** As written: "4.5", "4.0", "5". Compare with `sameModel`, which treats "4.0" as "4". */
  version: string;
  /** "Opus 4.5"; "Opus 4.6 Fast mode" for the fast variant (surfaces word it with `modelText`). */
  label: string;
  /** A mode of the model, named apart from it: "Opus 4.6 Fast Mode". */
  variant?: 'fast';
}

/**
 * none: no model named; fleet: every model; models: the models named, and `families` whose every
 * model is affected ("Opus" without a version); fleet-except: every model but these.
 */
export type ModelScope =
  | { kind: 'none' }
  | { kind: 'fleet' }
  | { kind: 'models'; models: ModelName[]; families?: string[] }
  | { kind: 'fleet-except'; except: ModelName[] };

export interface ModelAdvice {
  /** Every model the scopes name, first seen first, without duplicates. */
  affected: ModelName[];
  /** Families affected as a whole ("Opus": every Opus model), capitalised. */
  families: string[];
  /** Every model is affected but these (null: not a "fleet except" statement). */
  allExcept: ModelName[] | null;
  current: ModelName | null;
  /** null when the model in use is unknown. */
  currentAffected: boolean | null;
  /** The model to suggest; null when nothing unaffected is known or the model in use is not affected. */
  switchTo: ModelName | null;
}

/**
 * claude.ai's main models as its model menu listed them in 2026 (notes: "Opus 4.6", "Sonnet 4.6";
 * Haiku 4.5 is the current Haiku), in the menu's order: the fallback when the page's menu is unknown.
 */
export const CLAUDE_AI_MODELS: readonly ModelName[] = [
  model('Opus', '4.6'),
  model('Sonnet', '4.6'),
  model('Haiku', '4.5'),
];

const KNOWN_FAMILIES: ReadonlySet<string> = new Set(['opus', 'sonnet', 'haiku']);

/**
 * Words that follow "Claude " and a number without being a model family: products, plans, apps,
 * platforms, and words that introduce a generation rather than a model ("Claude 4" is handled as
 * no model: it names a generation, not something the model menu offers).
 */
const NOT_FAMILIES: ReadonlySet<string> = new Set([
  'claude',
  'code',
  'api',
  'console',
  'cowork',
  'desktop',
  'app',
  'apps',
  'mobile',
  'android',
  'ios',
  'windows',
  'mac',
  'macos',
  'linux',
  'web',
  'chrome',
  'edge',
  'firefox',
  'safari',
  'extension',
  'browser',
  'slack',
  'excel',
  'pro',
  'max',
  'free',
  'plus',
  'team',
  'teams',
  'enterprise',
  'education',
  'edu',
  'gov',
  'government',
  'platform',
  'workbench',
  'developer',
  'developers',
  'sdk',
  'agent',
  'agents',
  'status',
  'docs',
  'help',
  'support',
  'skills',
  'artifacts',
  'projects',
  'research',
  'voice',
  'memory',
  'version',
  'release',
  'update',
  'model',
  'models',
  'generation',
  'gen',
  'series',
  'family',
  'tier',
  'plan',
]);

const VERSION = String.raw`[1-9](?:\.\d{1,2})?(?![\d%]|\.\d|[A-Za-z])`;

/** A word (any case) and a version; whether the word is a family is decided in code. */
const FAMILY_VERSION = new RegExp(String.raw`\b(claude\s+)?([A-Za-z]+)(?:\s+|-)(${VERSION})`, 'gi');
/** Between two versions of a list: ", ", ", and ", " and ", " & ". */
const LIST_SEPARATOR = String.raw`(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)`;
/**
 * A version or a list of versions, "Claude" perhaps before it: "Claude 3.5", "4, 4.5". Not inside
 * a word or a number, nor after a digit and a hyphen, so the API id "claude-3-5-sonnet" is read by
 * OLD_API_ID alone. A list that a family follows (FAMILY_AFTER) names versions of that family:
 * "Claude 3.5 Sonnet" (the naming before Claude 4), "3.5-Sonnet", "Claude 4, 4.5 Sonnet". Found
 * whole and then looked past, rather than in one pattern that ends in the family: tried from every
 * version of a list that no family follows, that pattern read the rest of the list again from each
 * one, time that grows with the square of the text (tests/unit/fuzz-regex.test.ts). Only the
 * last version of a list can have a family after it, so nothing is lost.
 */
const VERSION_LIST = new RegExp(
  String.raw`(?<![\w.:-]|\d-)(claude\s+)?(${VERSION}(?:${LIST_SEPARATOR}${VERSION})*)`,
  'gi',
);
/** A known family right after a VERSION_LIST (never from inside a run of spaces, see LIST_MORE). */
const FAMILY_AFTER = /(?<!\s)(?:\s+|-)(opus|sonnet|haiku)\b/iy;
/** Each version of a VERSION_LIST. */
const ONE_VERSION = new RegExp(VERSION, 'g');
/** "Opus 48": a version typed without its dot (see the header for why only these). */
const LOST_DOT =
  /\b(claude\s+)?(opus|sonnet|haiku)(?:\s+|-)([3-9])(\d)(?![\d%.,]\d|[\d%]|[A-Za-z])(?!\s*(?:min|mins|minutes|hours?|hrs?|seconds?|secs?|percent)\b)/gi;
/** "Fast Mode", "Fast", "(fast mode)" right after a model: its fast variant. */
// Each run of spaces has one quantifier that may take it: two side by side (`\s*[-–]?\s*`) try
// every split of a long run, time that grows with its square.
const FAST_VARIANT = /^\s*(?:\(\s*)?(?:[-–]\s*)?fast\b(?:[\s-]+mode\b)?/i;
/** "claude-opus-4-1-20250805", "claude-sonnet-4-5", "claude-opus-4-20250514" (the date is not a minor). */
const API_ID = /\bclaude-(opus|sonnet|haiku)-([1-9])(?:-(\d{1,2})(?!\d))?(?![\w.])/gi;
/** "claude-3-5-sonnet-20241022", "claude-3-opus-20240229". */
const OLD_API_ID = /\bclaude-([1-9])(?:-(\d))?-(opus|sonnet|haiku)\b/gi;
/** A known family as a word of its own; used when no version follows it. */
const BARE_FAMILY = /\b(claude\s+)?(opus|sonnet|haiku)\b(?![-.]?\w)(?![\s-]*\d)/gi;
/**
 * A bare version continuing a list after a family match. Refused when a count follows, since
 * "Opus 4.6 and 3 other models" lists a number, not "Opus 3". It is tried right after a version,
 * never inside a run of spaces: from each space of a long run, it would read the run again.
 */
const LIST_MORE = new RegExp(
  String.raw`(?<!\s)(?:\s*,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+|\s*\/\s*)(${VERSION})(?!\s*(?:other|more|additional|of|out|times?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|percent|am|pm|utc)\b)`,
  'iy',
);

const QUALIFIER = String.raw`(?:of\s+)?(?:(?:our|the)\s+)?(?:claude\s+)?`;
/** "Not all models are affected" is the opposite of a whole-fleet statement. */
const ALL_MODELS = new RegExp(String.raw`(?<!\bnot\s+)\b(?:all|every)\s+${QUALIFIER}models?\b`, 'i');
const SOME_MODELS = new RegExp(
  String.raw`\b(?:(?:many|multiple|several|various|numerous|most|some|certain)\s+${QUALIFIER}|a\s+(?:number|subset)\s+of\s+(?:(?:our|the)\s+)?(?:claude\s+)?|(?:across|on|to|for|affecting|impacting)\s+(?:requests\s+to\s+)?(?:(?:our|the)\s+)?(?:claude\s+)?)models\b`,
  'i',
);
/** "All models except Sonnet 4.0": the fleet minus what follows, up to the end of the sentence. */
const ALL_EXCEPT = new RegExp(
  String.raw`(?<!\bnot\s+)\b(?:all|every)\s+${QUALIFIER}models?\s*,?\s+(?:except(?:\s+for)?|but|other\s+than|excluding|apart\s+from|besides)\s+((?:[^.!?;\n]|\.(?=\d))*)`,
  'i',
);
/** Models named after these, following a "many models" phrase, are examples of a wider set. */
const EXAMPLES =
  /\b(?:including|includes|such as|for example|for instance|like|notably|especially|particularly|in particular)\b|\be\.g\./i;

/**
 * Clauses: sentences, semicolon parts and lines, and a new clause before a contrast word, so that
 * "Opus 4.6 has recovered, but Sonnet 4.6 is still degraded" is judged part by part. "e.g." and
 * "i.e." do not end a sentence; "4.5" and "claude.ai" do not either (no space after the dot).
 */
const CLAUSE_BREAK =
  /(?<!\b(?:e\.g|i\.e))[.!?;](?=\s|$)|\n|(?=\b(?:but|however|whereas|while|except|excluding|other than)\b)/i;

/**
 * A clause that reports models as fine, or excludes them, is not a statement of what is affected:
 * "we have seen full recovery across all models" closes the real incident and must not widen it,
 * and "Sonnet 4.6 is not affected" must not make Sonnet 4.6 affected.
 */
const NOT_A_SCOPE =
  /\brecover\w*|\b(?:is|are|was|were|been|has|have)\s+(?:now\s+|fully\s+|since\s+)?(?:resolved|restored|operational|healthy|unaffected)\b|\bno longer\b|\bnot\s+(?:been\s+)?(?:affected|impacted)\b|\bun(?:affected|impacted)\b|\bback to normal\b|\b(?:operating|working|functioning|performing)\s+(?:normally|as expected)\b|^\s*(?:but\s+)?(?:not|except|excluding|other than)\b/i;

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
}

function model(family: string, version: string, variant?: 'fast'): ModelName {
  const name = capitalise(family);
  if (variant) return { family: name, version, label: `${name} ${version} Fast mode`, variant };
  return { family: name, version, label: `${name} ${version}` };
}

function normalVersion(version: string): string {
  return version.replace(/\.0+$/, '');
}

export function sameModel(a: ModelName, b: ModelName): boolean {
  return (
    a.family.toLowerCase() === b.family.toLowerCase() &&
    normalVersion(a.version) === normalVersion(b.version) &&
    a.variant === b.variant
  );
}

function isCapitalised(word: string): boolean {
  return /^[A-Z]/.test(word);
}

function isNewFamilyWord(word: string): boolean {
  return /^[A-Z][a-z]+$/.test(word) && !NOT_FAMILIES.has(word.toLowerCase()) && !KNOWN_FAMILIES.has(word.toLowerCase());
}

/** Families the text introduces as "Claude <Family> <version>", lower case. */
function introducedFamilies(text: string): Set<string> {
  const families = new Set<string>();
  for (const match of text.matchAll(FAMILY_VERSION)) {
    const word = match[2];
    if (match[1] && word && isNewFamilyWord(word)) families.add(word.toLowerCase());
  }
  return families;
}

interface Found {
  index: number;
  /** Where the name ends in the clause (a bare family word inside a name is not a family). */
  end: number;
  model: ModelName;
}

function acceptsFamily(word: string, hasPrefix: boolean, version: string, before: string, introduced: Set<string>) {
  const lower = word.toLowerCase();
  if (KNOWN_FAMILIES.has(lower)) {
    if (hasPrefix) return true;
    if (/\bmagnum\s+$/i.test(before)) return false;
    return isCapitalised(word) || version.includes('.');
  }
  if (hasPrefix && isNewFamilyWord(word)) return true;
  return introduced.has(lower) && isCapitalised(word);
}

/** The model as named at `end` of its match, with its fast variant when the words say so. */
function named(clause: string, index: number, end: number, family: string, version: string): Found {
  const fast = FAST_VARIANT.exec(clause.slice(end));
  if (fast) return { index, end: end + fast[0].length, model: model(family, version, 'fast') };
  return { index, end, model: model(family, version) };
}

function findModels(clause: string, introduced: Set<string>): Found[] {
  const found: Found[] = [];
  const familyVersion = new RegExp(FAMILY_VERSION.source, FAMILY_VERSION.flags);
  for (let match = familyVersion.exec(clause); match; match = familyVersion.exec(clause)) {
    const [, prefix, word, version] = match;
    if (!word || !version || !acceptsFamily(word, Boolean(prefix), version, clause.slice(0, match.index), introduced)) {
      continue;
    }
    found.push(named(clause, match.index, familyVersion.lastIndex, word, version));
    const more = new RegExp(LIST_MORE.source, LIST_MORE.flags);
    more.lastIndex = familyVersion.lastIndex;
    for (let next = more.exec(clause); next?.[1]; next = more.exec(clause)) {
      found.push(named(clause, next.index, more.lastIndex, word, next[1]));
      familyVersion.lastIndex = more.lastIndex;
    }
  }
  for (const match of clause.matchAll(VERSION_LIST)) {
    const [list, prefix, versions] = match;
    FAMILY_AFTER.lastIndex = match.index + list.length;
    const after = FAMILY_AFTER.exec(clause);
    const family = after?.[1];
    if (!versions || !family) continue;
    // Without "Claude", a lower-case family needs a dotted version, as after the family.
    if (!prefix && !isCapitalised(family) && !versions.includes('.')) continue;
    const end = FAMILY_AFTER.lastIndex;
    for (const version of versions.match(ONE_VERSION) ?? [])
      found.push(named(clause, match.index, end, family, version));
  }
  for (const match of clause.matchAll(LOST_DOT)) {
    const [whole, prefix, family, major, minor] = match;
    if (!family || !major || !minor || (!prefix && !isCapitalised(family))) continue;
    if (/\bmagnum\s+$/i.test(clause.slice(0, match.index))) continue;
    found.push(named(clause, match.index, match.index + whole.length, family, `${major}.${minor}`));
  }
  for (const match of clause.matchAll(API_ID)) {
    const [whole, family, major, minor] = match;
    if (family && major) {
      const end = match.index + whole.length;
      found.push({ index: match.index, end, model: model(family, minor ? `${major}.${minor}` : major) });
    }
  }
  for (const match of clause.matchAll(OLD_API_ID)) {
    const [whole, major, minor, family] = match;
    if (family && major) {
      const end = match.index + whole.length;
      found.push({ index: match.index, end, model: model(family, minor ? `${major}.${minor}` : major) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * Known families named without a version, outside any model name found in the clause: "Haiku
 * sampling errors". Capitalised, or after "Claude"; never "magnum opus" or "Magnum Opus".
 */
function findFamilies(clause: string, found: readonly Found[]): string[] {
  const families: string[] = [];
  for (const match of clause.matchAll(BARE_FAMILY)) {
    const [, prefix, word] = match;
    if (!word || (!prefix && !isCapitalised(word))) continue;
    const at = match.index + (prefix?.length ?? 0);
    if (found.some((f) => at >= f.index && at < f.end)) continue;
    if (/\bmagnum\s+$/i.test(clause.slice(0, match.index))) continue;
    families.push(capitalise(word));
  }
  return families;
}

/** Statuspage bodies may carry simple HTML; only the words matter here. */
function plainWords(text: string): string {
  return text
    .replace(/<\/?[a-z][^<>]*>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .replace(/&amp;/gi, '&');
}

/**
 * The models one text says are affected. Within one text, named models beat "many/multiple/
 * several models": a text that names models is the more precise statement, and the real narrowing
 * ("identified that the outage is related to Sonnet 4.0, Sonnet 4.5, and Opus 4.5") names models
 * only. Two exceptions give the whole fleet instead, because then the names are not the full list:
 * "all/every models" anywhere in the text, and models introduced as examples of a wider set
 * ("across many models, including Opus 4.6"). When in doubt the answer is the fleet, which gives
 * no model advice: no advice is better than sending users to a model that is also failing.
 */
/**
 * Every statement this module recognises has one of these words: a family, "Claude" before a new
 * family or an API id, or "model(s)" in a fleet phrase. Most update bodies have none (bench: scale).
 */
const MAY_NAME_MODELS = /model|opus|sonnet|haiku|claude/i;

export function extractModels(text: string): ModelScope {
  if (!MAY_NAME_MODELS.test(text)) return { kind: 'none' };
  const plain = plainWords(text);
  const introduced = introducedFamilies(plain);
  const except = fleetExcept(plain, introduced);
  if (except) return except;
  const models: ModelName[] = [];
  const families: string[] = [];
  let everyModel = false;
  let manyModels = false;
  let examplesOfMany = false;
  for (const clause of plain.split(CLAUSE_BREAK)) {
    if (!clause.trim() || NOT_A_SCOPE.test(clause)) continue;
    const found = findModels(clause, introduced);
    if (ALL_MODELS.test(clause)) everyModel = true;
    const many = SOME_MODELS.exec(clause);
    if (many) {
      manyModels = true;
      const afterMany = many.index + many[0].length;
      const marker = EXAMPLES.exec(clause.slice(afterMany));
      if (marker && found.some((f) => f.index >= afterMany + marker.index)) examplesOfMany = true;
    }
    for (const { model: name } of found) {
      if (!models.some((m) => sameModel(m, name))) models.push(name);
    }
    for (const family of findFamilies(clause, found)) if (!families.includes(family)) families.push(family);
  }
  if (everyModel || examplesOfMany) return { kind: 'fleet' };
  // A bare family word where the text names a version of that family refers to that version.
  const wholeFamilies = families.filter((f) => !models.some((m) => m.family === f));
  if (KNOWN_FAMILIES.size > 0 && [...KNOWN_FAMILIES].every((f) => wholeFamilies.includes(capitalise(f)))) {
    return { kind: 'fleet' };
  }
  if (wholeFamilies.length > 0) return { kind: 'models', models, families: wholeFamilies };
  if (models.length > 0) return { kind: 'models', models };
  return manyModels ? { kind: 'fleet' } : { kind: 'none' };
}

/** "All models except Sonnet 4.0" (and "every model but …"): the fleet minus the models named. */
function fleetExcept(plain: string, introduced: Set<string>): ModelScope | null {
  const match = ALL_EXCEPT.exec(plain);
  if (!match?.[1]) return null;
  const except: ModelName[] = [];
  for (const { model: name } of findModels(match[1], introduced)) {
    if (!except.some((m) => sameModel(m, name))) except.push(name);
  }
  return except.length > 0 ? { kind: 'fleet-except', except } : null;
}

/**
 * The newest update that says anything about models wins (updates are newest first), then older
 * updates, then the title: an update narrows "Elevated errors across many models" to three models,
 * and a closing "full recovery across all models" says nothing about scope (see NOT_A_SCOPE).
 */
type IncidentText = { name: string; updates: readonly { body: string }[] };

/**
 * Remembered per incident object: assess() runs once per site on the same snapshot, and reading
 * every update of every incident again is most of its cost (bench: scale). Snapshots are never
 * changed in place, so the same object always gives the same answer.
 */
const scopes = new WeakMap<IncidentText, ModelScope>();

export function incidentModelScope(incident: IncidentText): ModelScope {
  const known = scopes.get(incident);
  if (known) return known;
  let scope: ModelScope = { kind: 'none' };
  for (const update of incident.updates) {
    scope = extractModels(update.body);
    if (scope.kind !== 'none') break;
  }
  if (scope.kind === 'none') scope = extractModels(incident.name);
  scopes.set(incident, scope);
  return scope;
}

const LABEL = new RegExp(String.raw`^(claude\s+)?([A-Za-z]+)\s+(${VERSION})(.*)$`, 'i');
const OLD_LABEL = new RegExp(String.raw`^claude\s+(${VERSION})\s+(opus|sonnet|haiku)(.*)$`, 'i');
/**
 * What the menu button may add after the name without making it less clearly one model: a mode
 * ("Extended"), an effort level (2026: "Opus 4.8 High", "Sonnet 5 Medium"; "X-High", "xhigh"), a
 * context size ("Opus 4.8 (256k context)", "1M"), one or several, each alone or in brackets.
 */
const LABEL_QUALIFIER = String.raw`(?:extended(?:\s+thinking)?|thinking|preview|beta|new|legacy|low|medium|high|max|x-?high|extra[\s-]high|\d{1,4}\s?[km](?:\s+(?:tokens?\s+)?context)?|context)`;
const LABEL_SUFFIX = new RegExp(String.raw`^(?:(?:\s*[(·•|,–—/-]\s*|\s+)${LABEL_QUALIFIER}\)?)+\s*$`, 'i');

/**
 * The model named by claude.ai's model menu button: its text ("Opus 4.6", "Claude Sonnet 4.6",
 * "Opus 4.8 High") or its aria-label ("Model: Sonnet 5 Medium"). The button names a model by
 * design, so any capitalised word and version is taken as a family here, minus product and
 * platform names; the effort level and context size it adds are not part of the model; anything
 * else around the name makes it unclear, hence null.
 */
export function parseModelLabel(text: string): ModelName | null {
  const label = text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^model:\s*/i, '');
  const old = OLD_LABEL.exec(label);
  if (old) {
    const [, version, family, rest] = old;
    return version && family && (!rest || LABEL_SUFFIX.test(rest)) ? model(family, version) : null;
  }
  const match = LABEL.exec(label);
  if (!match) return null;
  const [, , word, version, rest] = match;
  if (!word || !version || (rest && !LABEL_SUFFIX.test(rest))) return null;
  const isFamily = KNOWN_FAMILIES.has(word.toLowerCase()) || isNewFamilyWord(word);
  return isFamily ? model(word, version) : null;
}

/**
 * What to tell a claude.ai user about models, from the scopes of the active incidents. null when
 * no scope names specific models, or when any names the whole fleet (switching would not help).
 *
 * switchTo: the first model of `menu` (or of CLAUDE_AI_MODELS when the menu is unknown or empty)
 * that no incident names and whose family no incident names either; failing that, the first model
 * no incident names. Incidents often hit several versions of one family together ("Sonnet 4.0,
 * Sonnet 4.5"), so another version of a named family is the likeliest next to fail; the menu's
 * order (Opus, Sonnet, Haiku, newest first) is the one users know. "All models except Sonnet
 * 4.0": the excepted model is the suggestion, from the menu when it lists it. No suggestion while
 * the model in use is known to be unaffected: there is nothing to switch away from.
 */
export function modelAdvice(
  scopes: readonly ModelScope[],
  current: ModelName | null,
  menu?: readonly ModelName[],
): ModelAdvice | null {
  if (scopes.some((scope) => scope.kind === 'fleet')) return null;
  const affected: ModelName[] = [];
  const families: string[] = [];
  let allExcept: ModelName[] | null = null;
  for (const scope of scopes) {
    if (scope.kind === 'models') {
      for (const name of scope.models) if (!affected.some((m) => sameModel(m, name))) affected.push(name);
      for (const family of scope.families ?? []) if (!families.includes(family)) families.push(family);
    }
    if (scope.kind === 'fleet-except') {
      // Two "all except" incidents: only what both spare is spared.
      allExcept = allExcept ? allExcept.filter((m) => scope.except.some((e) => sameModel(m, e))) : [...scope.except];
    }
  }
  const named = (name: ModelName) => affected.some((m) => sameModel(m, name)) || families.includes(name.family);
  if (allExcept) {
    allExcept = allExcept.filter((m) => !named(m));
    // Nothing spared: the whole fleet.
    if (allExcept.length === 0) return null;
  }
  if (affected.length === 0 && families.length === 0 && !allExcept) return null;
  const spared = allExcept;
  const isAffected = (name: ModelName) => named(name) || (spared !== null && !spared.some((m) => sameModel(m, name)));
  const currentAffected = current ? isAffected(current) : null;
  let switchTo: ModelName | null = null;
  if (currentAffected !== false) {
    const list = menu && menu.length > 0 ? menu : CLAUDE_AI_MODELS;
    const candidates = list.filter((m) => !isAffected(m));
    if (spared) {
      switchTo = candidates[0] ?? spared[0] ?? null;
    } else {
      const namedFamilies = new Set([
        ...affected.map((m) => m.family.toLowerCase()),
        ...families.map((f) => f.toLowerCase()),
      ]);
      switchTo = candidates.find((m) => !namedFamilies.has(m.family.toLowerCase())) ?? candidates[0] ?? null;
    }
  }
  return { affected, families, allExcept: spared, current, currentAffected, switchTo };
}

/**
 * The advice when claude.ai says the model in use is unavailable: that model is the one named, and
 * another to switch to, as modelAdvice() picks it; null when the model in use is unknown. The banner
 * and the popup give it alike.
 */
export function unavailableModelAdvice(current: ModelName | null): ModelAdvice | null {
  return current ? modelAdvice([{ kind: 'models', models: [current] }], current) : null;
}
