/** A merge field as written in a template, and the translation key saying what it holds. */
export interface MergeField {
  code: string;
  /** Translation key of what it holds; for custom fields the field's own label is shown instead. */
  description: string;
  label?: string;
}

/** The fields every template can use (render.ts on the API fills them). */
export const MERGE_FIELDS: MergeField[] = [
  { code: '{{ contact.firstName }}', description: 'marketing.mergeFields.firstName' },
  { code: '{{ contact.lastName }}', description: 'marketing.mergeFields.lastName' },
  { code: '{{ contact.fullName }}', description: 'marketing.mergeFields.fullName' },
  { code: '{{ contact.email }}', description: 'marketing.mergeFields.email' },
  { code: '{{ customer.name }}', description: 'marketing.mergeFields.customerName' },
  { code: '{{ company.name }}', description: 'marketing.mergeFields.companyName' },
  { code: '{{ unsubscribe_url }}', description: 'marketing.mergeFields.unsubscribe' },
  { code: '{{ preferences_url }}', description: 'marketing.mergeFields.preferences' },
];

/** How to write any custom field, whether or not the company has one yet. */
export const CUSTOM_FIELD_PATTERN = '{{ contact.custom.<key> }}';

/** A fallback for an empty value, the Liquid way. */
export const DEFAULT_EXAMPLE = '{{ contact.firstName | default: "…" }}';

export function contactCustomField(key: string): string {
  return `{{ contact.custom.${key} }}`;
}

export function customerCustomField(key: string): string {
  return `{{ customer.custom.${key} }}`;
}
