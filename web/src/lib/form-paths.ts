/** Whether a dotted path ("name", "address.postalCode", "emails.1.address") names a value of the form. */
export function hasFormPath(values: object, path: string): boolean {
  let node: unknown = values;
  for (const part of path.split('.')) {
    if (typeof node !== 'object' || node === null || !(part in node)) return false;
    node = Reflect.get(node, part);
  }
  return true;
}

/**
 * The form field an API field lands on: its mapped name (`fields` maps an API path, or the start of
 * one, to the form's), else the same path; a path the form does not have (the fourth tag, a list
 * item since removed) falls back to the nearest part of it the form does have ("tags").
 */
export function formFieldOf(name: string, values: object, fields: Record<string, string> = {}): string | null {
  let mapped = fields[name] ?? null;
  if (mapped === null) {
    const prefix = Object.keys(fields)
      .filter((key) => name.startsWith(`${key}.`))
      .sort((a, b) => b.length - a.length)[0];
    mapped = prefix === undefined ? name : `${fields[prefix]}${name.slice(prefix.length)}`;
  }
  const parts = mapped.split('.');
  while (parts.length > 0) {
    const candidate = parts.join('.');
    if (hasFormPath(values, candidate)) return candidate;
    parts.pop();
  }
  return null;
}
