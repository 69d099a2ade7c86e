/** Per service an incident names, what to do (core/advice/service-advice.ts), under the incident in the popup. */

import { type ServiceAdvice, serviceAdvice } from '../../core/advice/service-advice';
import { type ModelName, modelAdvice } from '../../core/models/claude-models';
import { storedModels } from '../../core/status-page/reach';
import type { Incident, Service } from '../../core/status-page/status-model';
import { t } from '../../shell/i18n';
import { affectedText, modelText } from '../../shell/words/model-text';
import { ExternalLink } from './incident-list';

function AdviceItem({ advice }: { advice: ServiceAdvice }) {
  switch (advice.kind) {
    case 'cowork-restart':
      return <li>{t('adviceCoworkRestart')}</li>;
    case 'code-model':
      return <li>{t('adviceCodeModel')}</li>;
    case 'code-cloud':
      return (
        <li>
          {t('adviceCodeCloud')}{' '}
          <ExternalLink href={advice.url} text={t('adviceCodeCloudLink')} testId="advice-code-cloud" />
        </li>
      );
    case 'claude-ai-model':
      return <li data-testid="advice-claude-ai-model">{t('adviceClaudeAiModel', modelText(advice.switchTo))}</li>;
    case 'claude-ai-not-named':
      // The banner's words: "Opus 4.6 affected; you are on Sonnet 4.6, which is not named."
      return (
        <li data-testid="advice-claude-ai-model">
          {t('adviceClaudeAiNotNamed', affectedText(advice.advice), modelText(advice.current))}
        </li>
      );
    case 'claude-ai-alternatives':
      return <li>{t('adviceClaudeAiAlternatives', t('popupAlternatives'))}</li>;
  }
}

export interface ServiceAdviceListProps {
  incident: Incident;
  services: Service[];
  /** The model claude.ai's latest tab showed, when known. */
  modelInUse: ModelName | null;
  /** "Where to keep working" lists alternatives for claude.ai. */
  claudeAiAlternatives: boolean;
}

export function ServiceAdviceList({ incident, services, modelInUse, claudeAiAlternatives }: ServiceAdviceListProps) {
  const models = storedModels(incident);
  const advice = serviceAdvice(incident, {
    services,
    models,
    modelAdvice: modelAdvice([models], modelInUse),
    claudeAiAlternatives,
  });
  if (advice.length === 0) return null;
  return (
    <ul class="so-advice" aria-label={t('adviceHeading')} data-testid="service-advice">
      {advice.map((a) => (
        <AdviceItem key={a.kind} advice={a} />
      ))}
    </ul>
  );
}
