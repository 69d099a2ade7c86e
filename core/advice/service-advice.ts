/**
 * What to do about an incident, per service it names (issue #18): Cowork, restart the desktop app;
 * Claude Code, switch model with /model, or run it on Bedrock or Vertex when the Claude API itself
 * is failing; claude.ai, the model switch of the model-aware advice, then the alternatives. Where
 * each piece of advice comes from: docs/service-advice.md.
 */

import type { ModelName } from '../models/claude-models';
import { SERVICE_IDS } from '../status-page/services';
import type { Incident, Service } from '../status-page/status-model';
import { ALTERNATIVES } from './alternatives';

export type ServiceAdvice =
  | { kind: 'cowork-restart' }
  | { kind: 'code-model' }
  | { kind: 'code-cloud'; url: string }
  | { kind: 'claude-ai-model'; switchTo: ModelName }
  | { kind: 'claude-ai-alternatives' };

/** Claude Code on Bedrock or Vertex: the catalogue's own link (core/advice/alternatives.ts). */
const CODE_CLOUD_URL = ALTERNATIVES.find((a) => a.id === 'code-cloud')?.url ?? null;

/**
 * The advice for `incident`, in the order to try it. `services` are the status page's components
 * (is the Claude API failing?); `switchTo` is the model the model-aware advice suggests, if any.
 * An incident that names no service gets no per-service advice: it would be a guess.
 */
export function serviceAdvice(
  incident: Pick<Incident, 'serviceIds'>,
  services: readonly Pick<Service, 'id' | 'state'>[],
  switchTo: ModelName | null,
): ServiceAdvice[] {
  const names = (id: string) => incident.serviceIds.includes(id);
  const api = services.find((s) => s.id === SERVICE_IDS.api);
  const apiFailing =
    names(SERVICE_IDS.api) || (api !== undefined && api.state !== 'operational' && api.state !== 'maintenance');
  const advice: ServiceAdvice[] = [];
  if (names(SERVICE_IDS.cowork)) advice.push({ kind: 'cowork-restart' });
  if (names(SERVICE_IDS.code)) {
    advice.push({ kind: 'code-model' });
    if (apiFailing && CODE_CLOUD_URL) advice.push({ kind: 'code-cloud', url: CODE_CLOUD_URL });
  }
  if (names(SERVICE_IDS.claudeAi)) {
    if (switchTo) advice.push({ kind: 'claude-ai-model', switchTo });
    advice.push({ kind: 'claude-ai-alternatives' });
  }
  return advice;
}
