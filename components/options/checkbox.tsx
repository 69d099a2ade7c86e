/** A labelled checkbox, as every on/off setting of the options page is drawn. */
export function Checkbox(props: { testId: string; checked: boolean; onChange: (on: boolean) => void; label: string }) {
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
