/**
 * Uses the English message file through the extension's own catalogue path (shell/i18n.ts), as a
 * chosen language would: tests run the real lookup and substitution, not a copy of it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { useCatalogue } from '../../../shell/i18n';

export const EN_MESSAGES: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
);

export function useEnglish(): void {
  useCatalogue('en', EN_MESSAGES);
}
