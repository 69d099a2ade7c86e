/**
 * The options page: how often to check, where the banner may appear, what to be told about,
 * which services matter, the user's own alternatives, language and theme. Every change is sent
 * to the background at once (it stores settings; this page only asks).
 */
import type { JSX } from 'preact';
import {
  bannerEnabled,
  caresAbout,
  LANGUAGES,
  NOTIFY_MODES,
  POLL_INTERVAL_CHOICES,
  type Settings,
  THEMES,
} from '../core/settings';
import { SITES } from '../core/sites';
import { normalizedAlternative, validateAlternative } from '../core/user-alternatives';
import { plural, t } from '../shell/i18n';
import { newDraft, useOptionsStore } from './options-store';

export interface OptionsAppProps {
  save: (settings: Settings) => Promise<void>;
  /** Asks for the notifications permission (a user gesture); resolves whether it was granted. */
  requestNotifications: () => Promise<boolean>;
}

function intervalLabel(choice: Settings['pollIntervalSec']): string {
  if (choice === 'auto') return t('optionsIntervalAuto');
  return choice < 60 ? plural('optionsEverySeconds', choice) : plural('optionsEveryMinutes', choice / 60);
}

/** The select's value back to a choice; anything else (never offered) falls back to automatic. */
function parseInterval(value: string): Settings['pollIntervalSec'] {
  return POLL_INTERVAL_CHOICES.find((choice) => String(choice) === value) ?? 'auto';
}

function Checkbox(props: { testId: string; checked: boolean; onChange: (on: boolean) => void; label: string }) {
  return (
    <label class="so-check">
      <input
        type="checkbox"
        data-testid={props.testId}
        checked={props.checked}
        onChange={(e) => props.onChange(e.currentTarget.checked)}
      />
      {props.label}
    </label>
  );
}

export function OptionsApp({ save, requestNotifications }: OptionsAppProps) {
  const store = useOptionsStore();
  const { settings, services, draft, errors } = store;
  const update = (patch: Partial<Settings>) => void save({ ...settings, ...patch });

  const onNotify = async (mode: Settings['notifications']) => {
    if (mode !== 'off' && !(await requestNotifications())) {
      store.setPermissionRefused(true);
      return;
    }
    store.setPermissionRefused(false);
    update({ notifications: mode });
  };

  const addAlternative = (event: JSX.TargetedEvent<HTMLFormElement>) => {
    event.preventDefault();
    const problem = validateAlternative(draft, settings.alternatives);
    if (problem) {
      store.setErrors({ [problem.field]: `optionsError_${problem.error.replaceAll('-', '_')}` });
      return;
    }
    store.setErrors({});
    const added = normalizedAlternative(draft);
    update({ alternatives: [...settings.alternatives, added] });
    store.setDraft(newDraft());
    store.announce(t('optionsAlternativeAdded', added.name));
  };

  const move = (index: number, by: number) => {
    const list = [...settings.alternatives];
    const [item] = list.splice(index, 1);
    if (!item) return;
    list.splice(index + by, 0, item);
    update({ alternatives: list });
  };

  return (
    <main class="so-options">
      <h1>{t('optionsTitle')}</h1>

      <section aria-labelledby="so-checking">
        <h2 id="so-checking">{t('optionsChecking')}</h2>
        <label>
          {t('optionsInterval')}{' '}
          <select
            data-testid="interval"
            value={String(settings.pollIntervalSec)}
            onChange={(e) => update({ pollIntervalSec: parseInterval(e.currentTarget.value) })}
          >
            {POLL_INTERVAL_CHOICES.map((n) => (
              <option key={n} value={String(n)}>
                {intervalLabel(n)}
              </option>
            ))}
          </select>
        </label>
      </section>

      <section aria-labelledby="so-banner">
        <h2 id="so-banner">{t('optionsBanner')}</h2>
        {SITES.map((site) => (
          <Checkbox
            key={site.id}
            testId={`banner-${site.id}`}
            checked={bannerEnabled(settings, site.id)}
            onChange={(on) => update({ banner: { ...settings.banner, [site.id]: on } })}
            label={t('optionsBannerOn', site.host)}
          />
        ))}
        <Checkbox
          testId="capacity-detection"
          checked={settings.capacityDetection}
          onChange={(on) => update({ capacityDetection: on })}
          label={t('optionsCapacityDetection')}
        />
        <Checkbox
          testId="request-signal"
          checked={settings.requestSignal}
          onChange={(on) => update({ requestSignal: on })}
          label={t('optionsRequestSignal')}
        />
      </section>

      <section aria-labelledby="so-notify">
        <h2 id="so-notify">{t('optionsNotifications')}</h2>
        <fieldset>
          <legend class="so-hidden">{t('optionsNotifications')}</legend>
          {NOTIFY_MODES.map((mode) => (
            <label key={mode} class="so-check">
              <input
                type="radio"
                name="notify"
                data-testid={`notify-${mode}`}
                checked={settings.notifications === mode}
                onChange={() => void onNotify(mode)}
              />
              {t(`optionsNotify_${mode.replaceAll('-', '_')}`)}
            </label>
          ))}
        </fieldset>
        {store.permissionRefused && (
          <p class="so-error" role="alert">
            {t('optionsNotifyRefused')}
          </p>
        )}
      </section>

      <section aria-labelledby="so-services">
        <h2 id="so-services">{t('optionsServices')}</h2>
        {services.length === 0 && <p class="so-muted">{t('optionsServicesUnknown')}</p>}
        {services.map((service) => (
          <Checkbox
            key={service.id}
            testId={`service-${service.id}`}
            checked={caresAbout(settings, service.id)}
            onChange={(on) =>
              update({
                mutedServices: on
                  ? settings.mutedServices.filter((id) => id !== service.id)
                  : [...settings.mutedServices, service.id],
              })
            }
            label={service.name}
          />
        ))}
      </section>

      <section aria-labelledby="so-alternatives">
        <h2 id="so-alternatives">{t('optionsAlternatives')}</h2>
        <ul class="so-alt-list" data-testid="user-alternatives">
          {settings.alternatives.map((a, i) => (
            <li key={a.id} data-alternative={a.id}>
              <span class="so-alt-name">{a.name}</span>
              <span class="so-alt-url">{a.url}</span>
              <button
                type="button"
                disabled={i === 0}
                onClick={() => move(i, -1)}
                aria-label={t('optionsMoveUp', a.name)}
              >
                ↑
              </button>
              <button
                type="button"
                disabled={i === settings.alternatives.length - 1}
                onClick={() => move(i, 1)}
                aria-label={t('optionsMoveDown', a.name)}
              >
                ↓
              </button>
              <button
                type="button"
                onClick={() => update({ alternatives: settings.alternatives.filter((x) => x.id !== a.id) })}
                aria-label={t('optionsRemove', a.name)}
              >
                {t('optionsRemoveShort')}
              </button>
            </li>
          ))}
        </ul>
        <form class="so-alt-form" onSubmit={addAlternative} noValidate>
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

      <section aria-labelledby="so-looks">
        <h2 id="so-looks">{t('optionsLooks')}</h2>
        <label>
          {t('optionsLanguage')}{' '}
          <select
            data-testid="language"
            value={settings.language}
            onChange={(e) => update({ language: e.currentTarget.value as Settings['language'] })}
          >
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {l === 'auto' ? t('optionsAutomatic') : t(`languageName_${l}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('optionsTheme')}{' '}
          <select
            data-testid="theme"
            value={settings.theme}
            onChange={(e) => update({ theme: e.currentTarget.value as Settings['theme'] })}
          >
            {THEMES.map((theme) => (
              <option key={theme} value={theme}>
                {t(`optionsTheme_${theme}`)}
              </option>
            ))}
          </select>
        </label>
      </section>
      <p class="so-live" aria-live="polite">
        {store.announcement}
      </p>
    </main>
  );
}
