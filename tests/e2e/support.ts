/** Helpers every e2e suite shares: waiting, and reading stored state back through the extension's API. */
import * as z from 'zod/mini';
import type { Settings } from '../../core/settings/settings';
import type { SettingsPatch } from '../../core/settings/settings-patch';
import { type StatusState, statusStateSchema } from '../../core/status-page/status-model';
import type { ExtensionApi } from './drivers/extension-api';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it gives a value (not null or undefined); fails naming `what` after `timeoutMs`. */
export async function until<T>(
  probe: () => Promise<T | null | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(25);
  }
}

/** The stored status, checked against the schema every surface parses it with. */
export async function storedStatus(api: ExtensionApi): Promise<StatusState> {
  const raw = await api.getStorage('status');
  const parsed = z.safeParse(statusStateSchema, raw);
  if (!parsed.success) throw new Error(`stored status is invalid: ${JSON.stringify(raw).slice(0, 300)}`);
  return parsed.data;
}

/** The stored settings as raw JSON (an empty object before the first change). */
export async function storedSettings(api: ExtensionApi): Promise<Record<string, unknown>> {
  return ((await api.getStorage('settings')) ?? {}) as Record<string, unknown>;
}

/**
 * Changes the settings as the options page does, one patch at a time (core/settings/settings-patch.ts):
 * the values, each banner switch, each muted service, each alternative added. There is no message
 * that stores whole settings (issue #28).
 */
export async function changeSettings(api: ExtensionApi, changes: Partial<Settings>): Promise<void> {
  const { banner, mutedServices, alternatives, ...values } = changes;
  const patches: SettingsPatch[] = [];
  if (Object.keys(values).length > 0) patches.push({ op: 'set', values });
  for (const [site, on] of Object.entries(banner ?? {})) {
    patches.push({ op: 'banner', site: site as Extract<SettingsPatch, { op: 'banner' }>['site'], on });
  }
  for (const id of mutedServices ?? []) patches.push({ op: 'service', id, on: false });
  for (const alternative of alternatives ?? []) patches.push({ op: 'alternative-add', alternative });
  for (const patch of patches) await api.send({ type: 'settings-patch', patch });
}
