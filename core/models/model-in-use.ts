/**
 * The model in use on claude.ai, as the latest claude.ai tab showed it in its model menu: the popup
 * gives the banner's model advice with it ("you are on Sonnet 4.6, which is not named") instead of
 * suggesting the model the user is already on (issue #27, item 1). A tab reads its model label only
 * while an incident names models (entrypoints/claude.content/watcher.ts); the background parses it
 * and keeps the model, never the label, in session storage: it is forgotten when the browser
 * closes, and a change to it wakes no tab (the watcher listens to local storage only).
 */
import * as z from 'zod/mini';
import { modelNameSchema } from '../status-page/status-model';
import { type ModelName, sameModel } from './claude-models';

export const modelInUseSchema = z.nullable(modelNameSchema);
export type ModelInUse = ModelName | null;

/** What to store after a tab's report: the same value when nothing changed, so nothing is written. */
export function reportedModel(stored: ModelInUse, seen: ModelName | null): ModelInUse {
  // A label that reads as no model (the menu is closed, the page changed) says nothing new.
  if (seen === null) return stored;
  return stored !== null && sameModel(stored, seen) && stored.label === seen.label ? stored : seen;
}
