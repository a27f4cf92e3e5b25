import { DateRangeFilters, FilterForm, SelectFilter } from "@/components/ui/filter-form";
import type { FilterOptions } from "@/lib/insights/labels";
import type { InsightsFilters } from "@/lib/insights/schemas";

/** The GET form: a date range and, optionally, one clinician (managers only), guide or template. */
export function InsightsFilterForm({
  base,
  options,
  filters,
}: {
  base: string;
  options: FilterOptions;
  filters: Partial<InsightsFilters>;
}) {
  return (
    <FilterForm label="Filter insights" clearHref={base}>
      <DateRangeFilters from={filters.from} to={filters.to} />
      {options.clinicians.length > 0 && (
        <SelectFilter
          id="author"
          label="Clinician"
          any="Everyone"
          value={filters.author}
          choices={options.clinicians.map((m) => ({ value: m.id, label: m.name }))}
        />
      )}
      <SelectFilter
        id="guide"
        label="Guide"
        any="Any guide"
        value={filters.guide}
        choices={options.guides.map((g) => ({ value: g.id, label: g.title }))}
      />
      <SelectFilter
        id="template"
        label="Template"
        any="Any template"
        value={filters.template}
        choices={options.templates.map((t) => ({ value: t.id, label: t.name }))}
      />
    </FilterForm>
  );
}
