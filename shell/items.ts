/** Every stored item of the extension. The background writes them all; other surfaces read. */
import { type Dismissals, dismissalsSchema, EMPTY_DISMISSALS } from '../core/dismissals';
import { EMPTY_STATUS, type StatusState, statusStateSchema } from '../core/model';
import { EMPTY_SIGNALS, type Signals, signalsSchema } from '../core/signals';
import { defineStoredItem } from './stored-item';

/** The last good snapshot and the fetch health. */
export const statusItem = defineStoredItem<StatusState>('local:status', statusStateSchema, EMPTY_STATUS, {
  version: 1,
});

/** Times and sites of capacity errors seen on screen; no content. */
export const signalsItem = defineStoredItem<Signals>('local:signals', signalsSchema, EMPTY_SIGNALS, { version: 1 });

/** Banners the user dismissed. */
export const dismissalsItem = defineStoredItem<Dismissals>('local:dismissals', dismissalsSchema, EMPTY_DISMISSALS, {
  version: 1,
});
