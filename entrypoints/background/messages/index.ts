/** Every message's handler, one per file: the map the router (../message-router.ts) dispatches on. */
import { backWatch } from './back-watch';
import { dismiss } from './dismiss';
import type { Handlers } from './handler';
import { historyRefresh } from './history-refresh';
import { openLink } from './open-link';
import { openPopup } from './open-popup';
import { pageMarkers } from './page-markers';
import { pageReader } from './page-reader';
import { pageSignal } from './page-signal';
import { refresh } from './refresh';
import { settings } from './settings';
import { settingsPatch } from './settings-patch';
import { siteView } from './site-view';

export const HANDLERS: Handlers = {
  refresh,
  settings,
  'settings-patch': settingsPatch,
  'history-refresh': historyRefresh,
  'site-view': siteView,
  'page-signal': pageSignal,
  'page-reader': pageReader,
  'page-markers': pageMarkers,
  dismiss,
  'open-link': openLink,
  'back-watch': backWatch,
  'open-popup': openPopup,
};
