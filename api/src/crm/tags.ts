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
 * `tags` filter: every wanted tag, ignoring case. Stored tags keep their spelling, so the match
 * lower-cases both sides; the GIN index narrows by exact spelling first when it can.
 */
export function tagsCondition(column: string, tags: string[]): { sql: string; params: unknown[] } {
  const wanted = [...new Set(tags.map((tag) => tag.trim().toLowerCase()).filter((tag) => tag !== ''))];
  return {
    sql: wanted.map(() => `exists (select 1 from unnest(${column}) as tag where lower(tag) = ?)`).join(' and ') || 'true',
    params: wanted,
  };
}
