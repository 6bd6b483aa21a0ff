/**
 * Search and filters of the agents' queue: a plain GET form (the query string is the state, so a
 * view can be saved and shared as a link). Selects are value/label pairs; "" means any.
 */
import type { SelectOption } from "./select";
import { Button } from "./button";
import { ButtonLink } from "./button-link";
import { Select } from "./select";
import { TextField } from "./text-field";

export interface QueueFilterText {
  label: string;
  search: string;
  searchHelp: string;
  apply: string;
  clear: string;
}

/** One select of the form: its query parameter, label, options and current value. */
export interface QueueFilterSelect {
  name: string;
  label: string;
  value?: string;
  options: SelectOption[];
}

export interface QueueFilterDate {
  name: string;
  label: string;
  value?: string;
}

export function AgentQueueFilters({
  hidden,
  search,
  selects,
  dates,
  clearHref,
  text,
}: {
  hidden: Record<string, string>;
  search?: string;
  selects: QueueFilterSelect[];
  dates: QueueFilterDate[];
  clearHref: string;
  text: QueueFilterText;
}) {
  return (
    <form method="get" action="/arbeid" role="search" aria-label={text.label} className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="w-full sm:w-96">
        <TextField id="search" name="q" type="search" label={text.search} help={text.searchHelp} defaultValue={search ?? ""} maxLength={200} data-shortcut="/" />
      </div>
      {selects.map((s) => (
        <div key={s.name} className="w-44">
          <Select id={`filter-${s.name}`} name={s.name} label={s.label} defaultValue={s.value ?? ""} options={s.options} />
        </div>
      ))}
      {dates.map((d) => (
        <div key={d.name} className="w-44">
          <TextField id={`filter-${d.name}`} name={d.name} type="date" label={d.label} defaultValue={d.value ?? ""} />
        </div>
      ))}
      <Button type="submit" tone="secondary">
        {text.apply}
      </Button>
      <ButtonLink href={clearHref}>{text.clear}</ButtonLink>
    </form>
  );
}
