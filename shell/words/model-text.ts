/**
 * Model names as the banner and the popup word them, in the user's language: a model, its fast
 * mode, a whole family, or the fleet but a few (core/models/claude-models.ts reads them from the status page).
 */
import type { ModelAdvice, ModelName, ModelScope } from '../../core/models/claude-models';
import { t } from '../i18n';

/** "Opus 4.6", "Opus 4.6 Fast mode". */
export function modelText(name: ModelName): string {
  return name.variant === 'fast' ? t('modelFastMode', `${name.family} ${name.version}`) : name.label;
}

/** "all Opus models". */
function familyText(family: string): string {
  return t('modelFamilyAll', family);
}

function allExceptText(except: readonly ModelName[]): string {
  return t('modelAllExcept', except.map(modelText).join(', '));
}

/** One label per thing an incident names, for the popup's chips. */
export function scopeLabels(scope: ModelScope): string[] {
  switch (scope.kind) {
    case 'none':
      return [];
    case 'fleet':
      return [t('popupManyModels')];
    case 'fleet-except':
      return [allExceptText(scope.except)];
    case 'models':
      return [...scope.models.map(modelText), ...(scope.families ?? []).map(familyText)];
  }
}

/** Everything the advice says is affected, as one list. */
export function affectedText(advice: ModelAdvice): string {
  const parts = [...advice.affected.map(modelText), ...advice.families.map(familyText)];
  if (advice.allExcept) parts.unshift(allExceptText(advice.allExcept));
  return parts.join(', ');
}
