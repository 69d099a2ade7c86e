/**
 * The "Wrong banner?" report (issue #26): what a user copies from the banner or the popup into
 * the project's issue tracker when the extension read claude.ai's page wrongly. It says which
 * extension and browser, which signal, where on the page it was read and the structure around it
 * (tag names, kebab-case test ids, roles, class names, depth), and which markers the page lacked:
 * never any page text, error code or model name. In English whatever the user's language: it is
 * read by the maintainers, not shown in the extension.
 */
import type { Detection, Markers } from './detections';
import type { PageSignalKind, ShapeStep } from './page-facts';

export interface ReportInput {
  /** The extension's version (manifest.json). */
  version: string;
  /** navigator.userAgent where the report is made; only the browser's name and major version are kept. */
  userAgent: string;
  kind: PageSignalKind;
  /** The latest detection of that kind, with its structure when the page reader sent one. */
  detection: Detection | null;
  markers: Markers | null | undefined;
}

/** "Firefox 153", "Edge 150", "Chrome 156": the browser and its major version, nothing else of the user agent. */
export function browserName(userAgent: string): string {
  for (const [name, pattern] of [
    ['Firefox', /Firefox\/(\d+)/],
    ['Edge', /Edg\/(\d+)/],
    ['Chrome', /Chrom(?:e|ium)\/(\d+)/],
  ] as const) {
    const major = pattern.exec(userAgent)?.[1];
    if (major) return `${name} ${major}`;
  }
  return 'another browser';
}

/** `div.group.relative[data-testid=user-message][role=group]` */
function step({ tag, testid, role, classes }: ShapeStep): string {
  return `${tag}${(classes ?? []).map((c) => `.${c}`).join('')}${testid ? `[data-testid=${testid}]` : ''}${role ? `[role=${role}]` : ''}`;
}

export function wrongBannerReport(input: ReportInput): string {
  const { detection, markers } = input;
  const shape = detection?.shape;
  const lines = [
    'Status Overlay for Claude: wrong banner?',
    `Extension ${input.version}, ${browserName(input.userAgent)}`,
    `Signal: ${input.kind}${detection ? ` on ${detection.site}, seen ${detection.at}` : ''}`,
  ];
  if (shape) {
    const depth = Math.min(500, Math.max(0, Math.round(shape.depth) || 0));
    lines.push(`Read from: ${shape.surface}, ${depth} elements deep`, 'Structure, innermost first:');
    for (const s of shape.path) lines.push(`  ${step(s)}`);
  } else lines.push('Structure: not recorded');
  if (markers) lines.push(`Page markers missing: ${markers.missing.join(', ') || 'none'} (checked ${markers.at})`);
  lines.push('(No page text is included.)');
  return lines.join('\n');
}
