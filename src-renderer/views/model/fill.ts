// Fills "{name}" placeholders in a translated string. The tables hold whole sentences with slots, so
// word order stays right in each language.
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
