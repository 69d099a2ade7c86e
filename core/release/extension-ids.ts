/**
 * The ids the stores know the extension by. Firefox's (browser_specific_settings.gecko.id) is
 * fixed by us and must never change: addons.mozilla.org and every installed copy know the add-on
 * by it, and its storage belongs to it. The e2e tests' Firefox driver installs under it too.
 */
export const GECKO_ID = 'status-overlay@claude-status-overlay.invalid';
