import { selectClass } from './Form';

/** One compact select of a FilterForm: a label above, the "all" (empty) choice first, then the options. */
export function FilterSelect({
  label,
  name,
  value,
  allLabel,
  options,
}: {
  label: string;
  name: string;
  value: string | number | null | undefined;
  allLabel: string;
  options: { value: string | number; label: string }[];
}) {
  return (
    <label className="grid gap-1 text-xs font-medium text-muted">
      {label}
      <select name={name} defaultValue={value ?? ''} className={`${selectClass} py-1.5 text-sm`}>
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}
