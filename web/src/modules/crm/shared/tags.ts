import type { TFunction } from 'i18next';

/** The API's limits: at most 50 tags, each at most 50 characters. */
export const MAX_TAGS = 50;
export const TAG_MAX = 50;

/** Tags as typed, trimmed, inner spaces collapsed, empty ones and repeats (ignoring case) dropped. */
export function cleanTags(tags: string[]): string[] {
  const seen = new Map<string, string>();
  for (const raw of tags) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (tag !== '' && !seen.has(tag.toLowerCase())) seen.set(tag.toLowerCase(), tag);
  }
  return [...seen.values()];
}

export function sameTags(a: string[], b: string[]): boolean {
  return JSON.stringify(cleanTags(a)) === JSON.stringify(cleanTags(b));
}

export function tagsError(t: TFunction, tags: string[]): string | null {
  const long = cleanTags(tags).find((tag) => tag.length > TAG_MAX);
  if (long) return t('crm.tags.tooLong', { tag: long, max: TAG_MAX });
  return cleanTags(tags).length > MAX_TAGS ? t('errors.reason.TOO_MANY', { max: MAX_TAGS }) : null;
}
