/**
 * Options: the user's own alternatives. Each is checked beside its field before it is sent (https
 * only, at most 2,048 characters, at most 20 of them: core/advice/user-alternatives.ts); the background
 * checks again. Moves and removals name the alternative by id, so a double click moves it twice.
 */
import type { JSX } from 'preact';
import { normalizedAlternative, validateAlternative } from '../../core/advice/user-alternatives';
import { t } from '../../shell/i18n';
import { useStore } from '../shared/use-store';
import { newDraft, optionsStore } from './options-store';
import type { SectionProps } from './section-props';

export function AlternativesSection({ settings, change }: SectionProps) {
  const store = useStore(optionsStore);
  const { draft, errors } = store;
  const list = settings.alternatives;

  const add = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = validateAlternative(draft, list);
    if (problem) {
      store.setErrors({ [problem.field]: `optionsError_${problem.error.replaceAll('-', '_')}` });
      return;
    }
    store.setErrors({});
    const added = normalizedAlternative(draft);
    change({ op: 'alternative-add', alternative: added });
    store.setDraft(newDraft());
    store.announce(t('optionsAlternativeAdded', added.name));
  };

  return (
    <section aria-labelledby="so-alternatives">
      <h2 id="so-alternatives">{t('optionsAlternatives')}</h2>
      <ul class="so-alt-list" data-testid="user-alternatives">
        {list.map((a, i) => (
          <li key={a.id} data-alternative={a.id}>
            <span class="so-alt-name">{a.name}</span>
            <span class="so-alt-url">{a.url}</span>
            <button
              type="button"
              disabled={i === 0}
              onClick={() => change({ op: 'alternative-move', id: a.id, by: -1 })}
              aria-label={t('optionsMoveUp', a.name)}
            >
              ↑
            </button>
            <button
              type="button"
              disabled={i === list.length - 1}
              onClick={() => change({ op: 'alternative-move', id: a.id, by: 1 })}
              aria-label={t('optionsMoveDown', a.name)}
            >
              ↓
            </button>
            <button
              type="button"
              onClick={() => change({ op: 'alternative-remove', id: a.id })}
              aria-label={t('optionsRemove', a.name)}
            >
              {t('optionsRemoveShort')}
            </button>
          </li>
        ))}
      </ul>
      <form class="so-alt-form" onSubmit={add} noValidate>
        <label>
          {t('optionsAltName')}
          <input
            data-testid="alt-name"
            value={draft.name}
            aria-invalid={errors.name ? 'true' : 'false'}
            aria-describedby={errors.name ? 'so-alt-name-error' : undefined}
            onInput={(e) => store.setDraft({ name: e.currentTarget.value })}
          />
        </label>
        {errors.name && (
          <p id="so-alt-name-error" class="so-error" data-testid="alt-name-error">
            {t(errors.name)}
          </p>
        )}
        <label>
          {t('optionsAltUrl')}
          <input
            data-testid="alt-url"
            type="url"
            inputMode="url"
            value={draft.url}
            aria-invalid={errors.url ? 'true' : 'false'}
            aria-describedby={errors.url ? 'so-alt-url-error' : undefined}
            onInput={(e) => store.setDraft({ url: e.currentTarget.value })}
          />
        </label>
        {errors.url && (
          <p id="so-alt-url-error" class="so-error" data-testid="alt-url-error">
            {t(errors.url)}
          </p>
        )}
        <button type="submit" data-testid="alt-add">
          {t('optionsAdd')}
        </button>
      </form>
    </section>
  );
}
