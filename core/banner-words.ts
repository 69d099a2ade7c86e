/**
 * The banner's words as plain data: what the background composes (entrypoints/background/banner-text.ts)
 * and the banner's view turns into DOM (components/banner.ts). Types only, so both sides share
 * them while imports keep running one way (entrypoints -> components -> shell -> core).
 */
import type { Banner } from './verdict';

export interface BannerLink {
  href: string;
  text: string;
  testId?: string;
  alternative?: string;
  /** Why an alternative works now (its tooltip). */
  why?: string;
}

export interface BannerText {
  kind: Banner['kind'];
  role: Banner['role'];
  severity: Banner['severity'];
  label: string;
  severityLabel: string;
  title: string;
  more: string | null;
  /** Paragraphs before the update, each with an optional test id. */
  lines: { text: string; testId?: string; strong?: string; strongTestId?: string }[];
  /** The latest update: the full text, and the preview when it is long. */
  update: { full: string; preview: string | null; moreLabel: string; lessLabel: string } | null;
  meta: string[];
  incidentLink: BannerLink | null;
  alternativesLabel: string;
  alternatives: BannerLink[];
  dismissLabel: string;
}
