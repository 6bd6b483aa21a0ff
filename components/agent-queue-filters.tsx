/** Search and filters of a queue: a plain GET form that keeps the queue it filters. */
import type { SelectOption } from "./select";
import { Button } from "./button";
import { ButtonLink } from "./button-link";
import { Select } from "./select";
import { TextField } from "./text-field";

export interface QueueFilterText {
  label: string;
  search: string;
  searchHelp: string;
  status: string;
  priority: string;
  apply: string;
  clear: string;
}

export function AgentQueueFilters({
  hidden,
  search,
  status,
  priority,
  statusOptions,
  priorityOptions,
  clearHref,
  text,
}: {
  hidden: Record<string, string>;
  search?: string;
  status?: string;
  priority?: string;
  statusOptions: SelectOption[];
  priorityOptions: SelectOption[];
  clearHref: string;
  text: QueueFilterText;
}) {
  return (
    <form method="get" action="/arbeid" role="search" aria-label={text.label} className="flex flex-wrap items-end gap-3">
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="w-full sm:w-72">
        <TextField id="search" name="q" type="search" label={text.search} help={text.searchHelp} defaultValue={search ?? ""} maxLength={200} data-shortcut="/" />
      </div>
      <div className="w-44">
        <Select id="status" name="status" label={text.status} defaultValue={status ?? ""} options={statusOptions} />
      </div>
      <div className="w-44">
        <Select id="priority" name="priority" label={text.priority} defaultValue={priority ?? ""} options={priorityOptions} />
      </div>
      <Button type="submit" tone="secondary">
        {text.apply}
      </Button>
      <ButtonLink href={clearHref}>{text.clear}</ButtonLink>
    </form>
  );
}
