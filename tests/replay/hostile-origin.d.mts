/** Status pages a hostile or compromised status origin could send (hostile-origin.mjs). */
export type HostileSummaryName =
  | 'less-than-body'
  | 'many-components'
  | 'many-incidents'
  | 'many-updates'
  | 'long-texts';

/** A summary.json value (unparsed): the healthy page with the hostile part. */
export type HostileSummary = Record<string, unknown>;

/** The 1.9 MB `<` body: one incident on claude.ai whose update is 1,900,000 characters of `<`. */
export declare function lessThanBody(now?: number): HostileSummary;
/** 2,000 components with ids of `idLength` (800) characters, named alike, and 100 titles naming them. */
export declare function manyComponents(now?: number, idLength?: number): HostileSummary;
/** 50 unresolved incidents on claude.ai. */
export declare function manyIncidents(now?: number): HostileSummary;
/** 50 incidents of 80 updates each, 1.9 MB of words, markup and entities. */
export declare function manyUpdates(now?: number): HostileSummary;
/** Names of 25,000 invisible characters; 1,000 affected components of 1,000 characters. */
export declare function longTexts(now?: number): HostileSummary;

export declare const HOSTILE_SUMMARIES: Readonly<Record<HostileSummaryName, (now?: number) => HostileSummary>>;

/** The summary as the replay server serves it: compact JSON. */
export declare function hostileBehaviour(name: HostileSummaryName, now?: number): { body: string; contentType: string };
