/**
 * What to do about an incident, per service it names (issue #18): Cowork, restart the desktop app;
 * Claude Code, switch model with /model when the incident names models, or run it on Bedrock or
 * Vertex when the Claude API itself is failing; claude.ai, the banner's model advice (switch, or
 * "you are on a model it does not name"), then the alternatives when the popup lists them for
 * claude.ai. Where each piece of advice comes from: docs/service-advice.md.
 */

import type { ModelAdvice, ModelName, ModelScope } from '../models/claude-models';
import { namesModels } from '../status-page/reach';
import { SERVICE_IDS } from '../status-page/services';
import type { Incident, Service } from '../status-page/status-model';
import { ALTERNATIVES } from './alternatives';

export type ServiceAdvice =
  | { kind: 'cowork-restart' }
  | { kind: 'code-model' }
  | { kind: 'code-cloud'; url: string }
  | { kind: 'claude-ai-model'; switchTo: ModelName }
  | { kind: 'claude-ai-not-named'; advice: ModelAdvice; current: ModelName }
  | { kind: 'claude-ai-alternatives' };

/** Claude Code on Bedrock or Vertex: the catalogue's own link (core/advice/alternatives.ts). */
const CODE_CLOUD_URL = ALTERNATIVES.find((a) => a.id === 'code-cloud')?.url ?? null;

export interface AdviceContext {
  /** The status page's components (is the Claude API failing?). */
  services: readonly Pick<Service, 'id' | 'state'>[];
  /** Which models the incident names (its stored scope). */
  models: ModelScope;
  /** The model advice for claude.ai, with the model in use when known: the banner's (core/verdict/surface-trouble.ts). */
  modelAdvice: ModelAdvice | null;
  /** The popup lists alternatives for claude.ai (core/verdict/overall.ts `surfaces`). */
  claudeAiAlternatives: boolean;
}

/**
 * The advice for `incident`, in the order to try it. An incident that names no service gets no
 * per-service advice: it would be a guess.
 */
export function serviceAdvice(incident: Pick<Incident, 'serviceIds'>, context: AdviceContext): ServiceAdvice[] {
  const names = (id: string) => incident.serviceIds.includes(id);
  const api = context.services.find((s) => s.id === SERVICE_IDS.api);
  const apiFailing =
    names(SERVICE_IDS.api) || (api !== undefined && api.state !== 'operational' && api.state !== 'maintenance');
  const advice: ServiceAdvice[] = [];
  if (names(SERVICE_IDS.cowork)) advice.push({ kind: 'cowork-restart' });
  if (names(SERVICE_IDS.code)) {
    // Another model helps only when the incident is about some models, not all of them or none named.
    if (namesModels(context.models)) advice.push({ kind: 'code-model' });
    if (apiFailing && CODE_CLOUD_URL) advice.push({ kind: 'code-cloud', url: CODE_CLOUD_URL });
  }
  if (names(SERVICE_IDS.claudeAi)) {
    const model = context.modelAdvice;
    if (model?.currentAffected === false && model.current) {
      advice.push({ kind: 'claude-ai-not-named', advice: model, current: model.current });
    } else if (model?.switchTo) {
      advice.push({ kind: 'claude-ai-model', switchTo: model.switchTo });
    }
    if (context.claudeAiAlternatives) advice.push({ kind: 'claude-ai-alternatives' });
  }
  return advice;
}
