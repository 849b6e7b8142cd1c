import { BadUserInputError } from '../graphql/errors.js';

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 50;

/** Tags as typed, trimmed, empty ones dropped, duplicates ignoring case merged (first spelling wins). */
export function checkTags(tags: string[] | null | undefined, path: string[]): string[] {
  const seen = new Map<string, string>();
  (tags ?? []).forEach((raw, index) => {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag.length > MAX_TAG_LENGTH) {
      throw BadUserInputError.field([...path, String(index)], `must be at most ${MAX_TAG_LENGTH} characters (got ${tag.length})`, 'TOO_LONG', { max: MAX_TAG_LENGTH });
    }
    if (tag !== '' && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  });
  if (seen.size > MAX_TAGS) throw BadUserInputError.field(path, `must be at most ${MAX_TAGS} tags (got ${seen.size})`, 'TOO_MANY', { max: MAX_TAGS });
  return [...seen.values()];
}

/**
 * `tags` filter: every wanted tag, ignoring case. Stored tags keep their spelling; the comparison
 * lower-cases them with `crm_lower_tags`, the expression a GIN index of the migration covers.
 */
export function tagsCondition(column: string, tags: string[]): { sql: string; params: unknown[] } {
  const wanted = [...new Set(tags.map((tag) => tag.trim().replace(/\s+/g, ' ').toLowerCase()).filter((tag) => tag !== ''))];
  if (wanted.length === 0) return { sql: 'true', params: [] };
  return { sql: `crm_lower_tags(${column}) @> ?::text[]`, params: [`{${wanted.map((tag) => JSON.stringify(tag)).join(',')}}`] };
}
