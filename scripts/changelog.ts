/**
 * CHANGELOG.md in Keep a Changelog style (https://keepachangelog.com/en/1.1.0/): the release
 * turns the "Unreleased" section into the version's, dated, and opens a new empty "Unreleased".
 */

const UNRELEASED = /^## \[Unreleased\][ \t]*$/m;

/** CHANGELOG.md's `text` released as `version` (x.y.z) on `date` (YYYY-MM-DD), or why it cannot be. */
export function releaseChangelog(text: string, version: string, date: string): string | { error: string } {
  const start = text.match(UNRELEASED);
  if (!start || start.index === undefined) return { error: 'CHANGELOG.md has no "## [Unreleased]" section' };
  if (new RegExp(`^## \\[${version.replaceAll('.', '\\.')}\\]`, 'm').test(text)) {
    return { error: `CHANGELOG.md already has a section for ${version}` };
  }
  const bodyStart = start.index + start[0].length;
  const next = text.slice(bodyStart).search(/^## \[/m);
  const body = next === -1 ? text.slice(bodyStart) : text.slice(bodyStart, bodyStart + next);
  if (!/^- /m.test(body)) {
    return { error: 'CHANGELOG.md: "Unreleased" lists no change; say what users get in this release' };
  }
  const rest = next === -1 ? '' : text.slice(bodyStart + next);
  const released = `${text.slice(0, start.index)}## [Unreleased]\n\n## [${version}] - ${date}${body.trimEnd()}\n\n${rest}`;
  return `${released.trimEnd()}\n`;
}
