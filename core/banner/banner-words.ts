/**
 * The banner's words as the background sends them to the page (core/messages/messages.ts, `site-view`):
 * plain data the banner script turns into DOM. Composed by entrypoints/background/banner/banner-text.ts; types and
 * the link id only, so both sides share them while imports run one way
 * (entrypoints -> components -> shell -> core).
 */
import type { OverallKind } from '../verdict/overall';
import type { Banner } from './banner-decision';

/** The link id of the incident on the status page; any other link id is an alternative's id. */
export const INCIDENT_LINK = 'incident';

export interface BannerLink {
  /** What the background opens when the user clicks it (core/messages/messages.ts, `open-link`): never a URL from the page. */
  id: string;
  /** Only public addresses (the status page, the catalogue) reach the page; the user's own never do. */
  href?: string;
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
  /**
   * The kind it is coloured as, the badge's for the same trouble, with that kind's colours from
   * core/verdict/kind-look.ts: sent with the words so that the banner script carries no copy of
   * the table (its size budget, bench/budgets.json).
   */
  colour: { kind: OverallKind; light: string; dark: string };
  label: string;
  severityLabel: string;
  title: string;
  more: string | null;
  /** Paragraphs before the update, each with an optional test id. */
  lines: { text: string; testId?: string; strong?: string; strongTestId?: string }[];
  /** The latest update: the full text, and the preview when it is long. */
  update: { full: string; preview: string | null } | null;
  meta: string[];
  incidentLink: BannerLink | null;
  alternativesLabel: string;
  alternatives: BannerLink[];
  dismissLabel: string;
  /** "more" and "less": the long update's, and the compact form's (under 600 px). */
  moreLabel: string;
  lessLabel: string;
  /** What the banner offers to keep the user's work going; null where it offers nothing. */
  actions: BannerActions | null;
  /**
   * "Wrong banner?": copies a report for the project's issue tracker (core/claude-page/page-report.ts:
   * no page text); offered on the banners raised by what claude.ai's page showed.
   */
  report?: { label: string; done: string; failed: string; text: string } | null;
}

/** "Copy my message" (or the partial reply) and "Tell me when it's back", in words; the page wires them (banner-host.ts). */
export interface BannerActions {
  /**
   * Offered only where the page shows what it copies; the page checks at draw time. `from`: the
   * user's message or draft, or (a reply cut off) the last reply as far as it arrived.
   */
  copy: { label: string; done: string; failed: string; from?: 'message' | 'reply' } | null;
  watch: { on: false; label: string } | { on: true; note: string; cancel: string; openPopup: string | null } | null;
}
