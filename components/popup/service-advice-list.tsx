/** Per service an incident names, what to do (core/advice/service-advice.ts), under the incident in the popup. */

import { type ServiceAdvice, serviceAdvice } from '../../core/advice/service-advice';
import { modelAdvice } from '../../core/models/claude-models';
import { storedModels } from '../../core/status-page/reach';
import type { Incident, Service } from '../../core/status-page/status-model';
import { t } from '../../shell/i18n';
import { modelText } from '../../shell/words/model-text';
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
      return <li>{t('adviceClaudeAiModel', modelText(advice.switchTo))}</li>;
    case 'claude-ai-alternatives':
      return <li>{t('adviceClaudeAiAlternatives')}</li>;
  }
}

export function ServiceAdviceList({ incident, services }: { incident: Incident; services: Service[] }) {
  const switchTo = modelAdvice([storedModels(incident)], null)?.switchTo ?? null;
  const advice = serviceAdvice(incident, services, switchTo);
  if (advice.length === 0) return null;
  return (
    <ul class="so-advice" aria-label={t('adviceHeading')} data-testid="service-advice">
      {advice.map((a) => (
        <AdviceItem key={a.kind} advice={a} />
      ))}
    </ul>
  );
}
