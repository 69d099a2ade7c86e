/**
 * `page-signal`: a page showed one of claude.ai's own failure messages; only its kind, code and the
 * structure around it (for the "Wrong banner?" report) are stored.
 */
import { bannerEnabled } from '../../../core/settings/settings';
import type { Handler } from './handler';

export const pageSignal: Handler<'page-signal'> = async (message, { facts }, background) => {
  const { site, kind, code, shape } = message;
  // A banner is almost surely due: load its view while the detection is stored.
  const injected = bannerEnabled(background.settings(), site) ? background.injectBanner(facts) : Promise.resolve();
  const [stored] = await Promise.all([background.recordSignal({ site, kind, code, shape }), injected]);
  // claude.ai's own failure message may come with an incident the status page has just posted.
  if (stored) void background.poll('page');
};
