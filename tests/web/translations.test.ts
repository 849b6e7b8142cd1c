import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const LOCALES = 'web/src/i18n/locales';
const SOURCES = 'web/src';
const LANGUAGES = ['en', 'ro', 'es', 'nb', 'el'];

type Tree = { [key: string]: string | Tree };

/** Every key of one language, flattened ("auth.logIn.title") with its text. */
function strings(language: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (tree: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(tree)) {
      const path = prefix ? `${prefix}.${key}` : key;
      if (typeof value === 'string') out.set(path, value);
      else walk(value, path);
    }
  };
  for (const file of readdirSync(join(LOCALES, language)).filter((name) => name.endsWith('.json'))) {
    walk(JSON.parse(readFileSync(join(LOCALES, language, file), 'utf8')) as Tree, '');
  }
  return out;
}

/** The placeholders of a text, formats included: "{{count, number}}" is `count, number`. */
function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+(?:\s*,\s*\w+)?)\s*\}\}/g)].map((match) => (match[1] ?? '').replace(/\s+/g, '')).sort();
}

/** A singular may leave the number out ("the one contact"): `count` is optional in `_one` forms. */
function sameVariables(key: string, source: string, text: string): boolean {
  const optional = key.endsWith('_one') ? (name: string) => !name.startsWith('count') : () => true;
  const wanted = variables(source).filter(optional);
  return wanted.join() === variables(text).filter(optional).join() && variables(text).every((name) => variables(source).includes(name));
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'gql' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Plural keys are looked up by their base name: "people_one"/"people_other" answer t('people'). */
function baseKey(key: string): string {
  return key.replace(/_(zero|one|two|few|many|other)$/, '');
}

const english = strings('en');

describe('translations', () => {
  it.each(LANGUAGES.filter((language) => language !== 'en'))('%s has every English key, none empty, with the same variables', (language) => {
    const other = strings(language);
    const englishBases = new Set([...english.keys()].map(baseKey));
    const missing = [...englishBases].filter((key) => ![...other.keys()].some((candidate) => baseKey(candidate) === key));
    expect(missing).toEqual([]);
    const extra = [...other.keys()].filter((key) => !englishBases.has(baseKey(key)));
    expect(extra).toEqual([]);
    const empty = [...other.entries()].filter(([, text]) => text.trim() === '').map(([key]) => key);
    expect(empty).toEqual([]);
    const mismatched = [...other.entries()]
      .filter(([key, text]) => {
        const source = english.get(key) ?? english.get(`${baseKey(key)}_other`) ?? english.get(baseKey(key));
        return source !== undefined && !sameVariables(key, source, text);
      })
      .map(([key]) => key);
    expect(mismatched).toEqual([]);
  });

  it('every key the screens use exists in English', () => {
    const known = new Set([...english.keys()].map(baseKey));
    const used = new Set<string>();
    for (const file of sourceFiles(SOURCES)) {
      for (const match of readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([\w.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    expect([...used].filter((key) => !known.has(key)).sort()).toEqual([]);
  });

  it('no text is hard-coded in the screens: JSX text, labels and messages come from the translation files', () => {
    // Props and object keys that carry words for people (Mantine's nothingFoundMessage, notifications' title, ...).
    const WORDY = /label|placeholder|title|description|message|text|alt|error|tooltip|caption|legend|^aria-/i;
    // ...but not the ones that hold ids, positions or states.
    const NOT_WORDY = /labelledby|describedby|position|busy|controls|live|hidden|current|expanded|haspopup|modal|orientation|relevant|atomic|id$/i;
    const KEY = /^[a-z][\w-]*(\.[\w-]+)+$/;
    const ALLOWED = new Set(['Kontor']);
    const found: string[] = [];
    const literal = (node: ts.Node | undefined): string | null => {
      if (!node) return null;
      if (ts.isJsxExpression(node)) return literal(node.expression);
      return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : null;
    };
    const wordy = (text: string | null): text is string => text !== null && /\p{L}/u.test(text) && !KEY.test(text) && !ALLOWED.has(text.trim());
    for (const file of sourceFiles(SOURCES)) {
      const kind = file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
      const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, kind);
      const where = relative(SOURCES, file);
      const visit = (node: ts.Node) => {
        if (ts.isJsxText(node) && wordy(node.text.trim())) found.push(`${where}: "${node.text.trim()}"`);
        if (ts.isJsxExpression(node) && node.parent && (ts.isJsxElement(node.parent) || ts.isJsxFragment(node.parent)) && wordy(literal(node))) found.push(`${where}: {"${literal(node)}"}`);
        if (ts.isJsxAttribute(node) && WORDY.test(node.name.getText(source)) && !NOT_WORDY.test(node.name.getText(source)) && wordy(literal(node.initializer))) found.push(`${where}: ${node.name.getText(source)}="${literal(node.initializer)}"`);
        if (ts.isPropertyAssignment(node) && WORDY.test(node.name.getText(source)) && !NOT_WORDY.test(node.name.getText(source)) && wordy(literal(node.initializer))) found.push(`${where}: ${node.name.getText(source)}: "${literal(node.initializer)}"`);
        ts.forEachChild(node, visit);
      };
      visit(source);
    }
    expect(found).toEqual([]);
  });
});
