// Fills "{name}" placeholders in a translated string. The tables hold whole sentences with slots, so
// word order stays right in each language. Fractional numbers (virtual times during live playback are
// fractional ms) print with at most one decimal, so the UI never shows 2564.2772569999997.
export function formatValue(v: string | number): string {
  if (typeof v === 'string' || Number.isInteger(v)) return String(v);
  return String(Math.round(v * 10) / 10);
}

export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? formatValue(params[name] as string | number) : whole));
}
