/** Installs a translator built from the English message file, as browser.i18n would use it. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTranslator } from '../../../shell/i18n';

export const EN_MESSAGES: Record<string, { message: string }> = JSON.parse(
  readFileSync(path.join(process.cwd(), 'public/_locales/en/messages.json'), 'utf8'),
);

export function useEnglish(): void {
  setTranslator((key, substitutions = []) => {
    const entry = EN_MESSAGES[key];
    if (!entry) return key;
    return entry.message.replace(/\$(\d)/g, (_m, n: string) => substitutions[Number(n) - 1] ?? '');
  });
}
